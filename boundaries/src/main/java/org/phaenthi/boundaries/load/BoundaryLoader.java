package org.phaenthi.boundaries.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.AreaCodes;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.Levels;

/**
 * Loads boundary files (GeoJSON or GeoPackage) into validated {@link Boundaries}: unique codes,
 * every parent present and a prefix of its child, valid polygonal geometry (repaired with {@link
 * GeometryFixer} and counted). The files are of one boundary vintage; its {@link CodeRemaps} move
 * recoded polygons ({@link BoundaryMoves}) and travel with the result, so indicator data is joined
 * with the remaps of the boundaries it is shown on and no other.
 */
public final class BoundaryLoader {
  /** The bundled RTSD/OCHA files, relative to the data directory. */
  public static final List<String> DEFAULT_FILES =
      List.of(
          "boundaries/th-provinces.geojson",
          "boundaries/th-districts.geojson",
          "boundaries/th-subdistricts.geojson");

  private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
  private final PropertyMapping mapping;
  private final CodeRemaps remaps;

  /** Files of the vintage the mapping names ({@code vintage=}), or of none: no remaps. */
  public BoundaryLoader(PropertyMapping mapping) {
    this(mapping, CodeRemapReader.forVintage(mapping.vintage()));
  }

  /** Files of the vintage whose remaps are given ({@link CodeRemaps#NONE} for none). */
  public BoundaryLoader(PropertyMapping mapping, CodeRemaps remaps) {
    this.mapping = mapping;
    this.remaps = remaps;
  }

  /**
   * The result: the boundaries (moves applied), the counters for the one-line load summary, and the
   * vintage's remaps, which the indicator loader must use for data shown on these boundaries.
   */
  public record Result(Boundaries boundaries, Map<String, Long> counts, CodeRemaps remaps) {
    public Result {
      counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** The boundary vintage, e.g. {@code rtsd-2019}; empty when the files name none. */
    public Optional<String> vintage() {
      return remaps.vintage();
    }
  }

  public Result load(List<Path> files) {
    Map<String, Long> counts = new HashMap<>();
    counts.put("geometriesRepaired", 0L);
    List<RawFeature> raw = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("boundary file not found: " + f);
      }
      String name = String.valueOf(f.getFileName()).toLowerCase(Locale.ROOT);
      if (name.endsWith(".gpkg")) {
        raw.addAll(new GeoPackageBoundaryReader(factory).read(f));
      } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
        raw.addAll(new GeoJsonBoundaryReader(factory).read(f));
      } else {
        throw new IllegalArgumentException(
            "boundary file " + f + " is neither GeoJSON (.geojson/.json) nor GeoPackage (.gpkg)");
      }
    }
    List<Area> areas = new ArrayList<>(raw.size());
    for (RawFeature rf : raw) {
      areas.add(toArea(rf, counts));
    }
    validateHierarchy(areas);
    List<Area> moved = BoundaryMoves.apply(areas, remaps, factory, counts);
    if (moved != areas) {
      validateHierarchy(moved);
    }
    counts.merge("areas", (long) moved.size(), Long::sum);
    return new Result(new Boundaries(moved), counts, remaps);
  }

  private Area toArea(RawFeature rf, Map<String, Long> counts) {
    JsonNode p = rf.properties();
    String code = normaliseCode(text(p, mapping.code()));
    if (!AreaCodes.isValid(code) || code.length() > 6) {
      throw new IllegalArgumentException(
          rf.where()
              + ": property '"
              + mapping.code()
              + "' = '"
              + text(p, mapping.code())
              + "' is not a 2-, 4- or 6-digit DOPA code");
    }
    AdminLevel level = Levels.STANDARD.ofCodeLength(code.length()).orElseThrow();
    String parent = normaliseCode(text(p, mapping.parent()));
    if (parent == null || parent.isEmpty()) {
      parent = AreaCodes.parentOf(code);
    }
    String nameTh = text(p, mapping.nameTh());
    String nameEn = text(p, mapping.nameEn());
    if (nameTh == null && nameEn == null) {
      throw new IllegalArgumentException(
          rf.where() + ": no name in '" + mapping.nameTh() + "' or '" + mapping.nameEn() + "'");
    }
    return new Area(code, nameTh, nameEn, parent, level, repaired(rf, counts));
  }

  private Geometry repaired(RawFeature rf, Map<String, Long> counts) {
    Geometry g = rf.geometry();
    if (g == null || g.isEmpty()) {
      throw new IllegalArgumentException(rf.where() + ": empty geometry");
    }
    if (!(g instanceof Polygonal)) {
      throw new IllegalArgumentException(rf.where() + ": geometry is not polygonal");
    }
    if (g.isValid()) {
      return g;
    }
    counts.merge("geometriesRepaired", 1L, Long::sum);
    Geometry fixed = GeometryFixer.fix(g);
    Geometry polys = factory.buildGeometry(PolygonExtracter.getPolygons(fixed));
    if (polys.isEmpty()) {
      throw new IllegalArgumentException(rf.where() + ": geometry has no area after repair");
    }
    return polys;
  }

  private static void validateHierarchy(List<Area> areas) {
    Map<String, Area> byCode = new HashMap<>();
    for (Area a : areas) {
      if (byCode.put(a.code(), a) != null) {
        throw new IllegalArgumentException("duplicate area code " + a.code());
      }
    }
    for (Area a : areas) {
      if (a.level() == AdminLevel.PROVINCE) {
        continue;
      }
      if (a.parentCode() == null || !a.code().startsWith(a.parentCode())) {
        throw new IllegalArgumentException(
            "area " + a.code() + ": parent " + a.parentCode() + " is not a prefix of its code");
      }
      Area parent = byCode.get(a.parentCode());
      if (parent == null || parent.level() != a.level().parent().orElseThrow()) {
        throw new IllegalArgumentException(
            "area " + a.code() + ": parent " + a.parentCode() + " does not exist");
      }
    }
  }

  private static String text(JsonNode p, String field) {
    JsonNode v = p.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Accepts HDX P-codes ("TH8301") as well as bare DOPA codes. */
  static String normaliseCode(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim();
    if (c.startsWith("TH") || c.startsWith("th")) {
      c = c.substring(2);
    }
    return c;
  }
}
