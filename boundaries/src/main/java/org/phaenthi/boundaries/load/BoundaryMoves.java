package org.phaenthi.boundaries.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.CodeRemaps;

/**
 * Applies the {@link CodeRemaps.Kind#MOVE} rules of a vintage to its areas: the moved subdistrict
 * takes its new code and parent (names and shape kept), then every district it left or joined is
 * dissolved again from its subdistricts, and, when the move crosses a province line, both provinces
 * from their districts. The level polygons therefore stay one coverage: a district is exactly the
 * union of its subdistricts, as in the source files.
 *
 * <p>Dissolving uses JTS {@link CoverageUnion} (the subdistricts of a district share their edges
 * exactly), with OverlayNG's robust union as the fallback if the parts are not a clean coverage.
 */
final class BoundaryMoves {
  private BoundaryMoves() {}

  /**
   * The areas after the moves; the input must be a validated hierarchy. Counts {@code areasMoved}
   * and {@code areasRedissolved}. A move whose district is not in the files at all (files of one
   * province of the vintage) does not apply; a move whose district is there but whose subdistrict
   * is not means the files are not of this vintage: IllegalArgumentException.
   */
  static List<Area> apply(
      List<Area> areas, CodeRemaps remaps, GeometryFactory factory, Map<String, Long> counts) {
    List<CodeRemaps.Rule> moves = remaps.moves();
    counts.put("areasMoved", 0L);
    counts.put("areasRedissolved", 0L);
    if (moves.isEmpty()) {
      return areas;
    }
    String vintage = remaps.vintage().orElse("(unnamed)");
    Map<String, Area> byCode = new LinkedHashMap<>();
    areas.forEach(a -> byCode.put(a.code(), a));
    TreeSet<String> districts = new TreeSet<>();
    TreeSet<String> provinces = new TreeSet<>();
    long applied = 0;
    for (CodeRemaps.Rule m : moves) {
      Area a = byCode.get(m.from());
      if (a == null && !byCode.containsKey(m.from().substring(0, 4))) {
        continue; // files holding part of the vintage (one province) without this district
      }
      if (a == null || a.level() != AdminLevel.SUBDISTRICT) {
        throw new IllegalArgumentException(
            "boundary vintage "
                + vintage
                + " moves subdistrict "
                + m.from()
                + " to "
                + m.to()
                + ", but the boundary files have no subdistrict "
                + m.from()
                + "; are they of vintage "
                + vintage
                + "?");
      }
      if (byCode.containsKey(m.to())) {
        throw new IllegalArgumentException(
            "boundary vintage "
                + vintage
                + " moves subdistrict "
                + m.from()
                + " to "
                + m.to()
                + ", but the boundary files already have an area "
                + m.to());
      }
      String newParent = m.to().substring(0, 4);
      if (!byCode.containsKey(newParent)) {
        throw new IllegalArgumentException(
            "boundary vintage "
                + vintage
                + " moves subdistrict "
                + m.from()
                + " into district "
                + newParent
                + ", which the boundary files do not have");
      }
      applied++;
      byCode.remove(m.from());
      byCode.put(
          m.to(),
          new Area(
              m.to(), a.nameTh(), a.nameEn(), newParent, AdminLevel.SUBDISTRICT, a.geometry()));
      districts.add(a.parentCode());
      districts.add(newParent);
      if (!m.from().startsWith(m.to().substring(0, 2))) {
        provinces.add(m.from().substring(0, 2));
        provinces.add(m.to().substring(0, 2));
      }
    }
    for (String d : districts) {
      redissolve(byCode, d, AdminLevel.SUBDISTRICT, factory, vintage);
    }
    for (String p : provinces) {
      redissolve(byCode, p, AdminLevel.DISTRICT, factory, vintage);
    }
    counts.put("areasMoved", applied);
    counts.put("areasRedissolved", (long) (districts.size() + provinces.size()));
    return new ArrayList<>(byCode.values());
  }

  private static void redissolve(
      Map<String, Area> byCode,
      String code,
      AdminLevel childLevel,
      GeometryFactory factory,
      String vintage) {
    Area parent = byCode.get(code);
    List<Geometry> parts = new ArrayList<>();
    for (Area a : byCode.values()) {
      if (a.level() == childLevel && code.equals(a.parentCode())) {
        parts.add(a.geometry());
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(
          "after the moves of boundary vintage "
              + vintage
              + ", "
              + parent.level().urlName()
              + " "
              + code
              + " has no "
              + childLevel.urlName()
              + " left");
    }
    byCode.put(
        code,
        new Area(
            code,
            parent.nameTh(),
            parent.nameEn(),
            parent.parentCode(),
            parent.level(),
            dissolve(parts, factory)));
  }

  /** The union of polygons that form a coverage, as a Polygon or MultiPolygon. */
  static Geometry dissolve(List<Geometry> parts, GeometryFactory factory) {
    Geometry[] array = parts.toArray(new Geometry[0]);
    Geometry union;
    try {
      union = CoverageUnion.union(array);
    } catch (RuntimeException e) {
      union = null;
    }
    if (union == null || union.isEmpty() || !union.isValid()) {
      union = OverlayNGRobust.union(factory.createGeometryCollection(array));
    }
    return factory.buildGeometry(PolygonExtracter.getPolygons(union));
  }
}
