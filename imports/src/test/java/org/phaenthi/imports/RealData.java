package org.phaenthi.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.Levels;
import org.phaenthi.boundaries.LoadReport;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.TpmapDefinitions;
import org.phaenthi.boundaries.load.BoundaryLoader;
import org.phaenthi.boundaries.load.CodeRemapReader;
import org.phaenthi.boundaries.load.PropertyMapping;
import org.phaenthi.boundaries.load.VillageAreas;

/**
 * The bundled publication's content as tests need it: the real boundaries (lite files: the same
 * areas and names, lighter polygons, no bands) with its village level (values only), and the
 * bundled indicator data, loaded once.
 */
final class RealData {
  static final CodeRemaps REMAPS = CodeRemapReader.forVintage(CodeRemapReader.BUNDLED_VINTAGE);
  private static Dataset dataset;

  private RealData() {}

  static synchronized Dataset dataset() {
    if (dataset == null) {
      Path dir = TestData.dir();
      Boundaries b = lite();
      Path ind = dir.resolve("indicators");
      var values =
          BundledPublication.values(
              ind, b, TpmapDefinitions.catalogue(ind), REMAPS, "test", "real", new ArrayList<>());
      b = withVillages(b, values.get(2561));
      Set<String> in2566 = new TreeSet<>();
      values.get(2566).values().forEach(m -> in2566.addAll(m.keySet()));
      Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> byYear =
          new HashMap<>();
      byYear.put(TpmapDefinitions.Y2561, values.get(2561));
      byYear.put(TpmapDefinitions.Y2566, values.get(2566));
      IndicatorData data =
          new IndicatorData(
              TpmapDefinitions.definitions(TpmapDefinitions.catalogue(ind), in2566),
              List.of(TpmapDefinitions.year2561(), TpmapDefinitions.year2566()),
              byYear);
      dataset = Dataset.of("real", Instant.EPOCH, b, data, Map.of(), new LoadReport(Map.of()));
    }
    return dataset;
  }

  /** The real boundaries' lite files (the same areas and names, lighter polygons, no bands). */
  static Boundaries lite() {
    return lite(REMAPS);
  }

  /** The lite files as filed (no vintage: no move applied). */
  static Boundaries liteAsFiled() {
    return lite(CodeRemaps.NONE);
  }

  private static Boundaries lite(CodeRemaps remaps) {
    Path dir = TestData.dir();
    return new BoundaryLoader(PropertyMapping.DEFAULT, remaps)
        .load(
            List.of(
                dir.resolve("boundaries/th-provinces-lite.geojson"),
                dir.resolve("boundaries/th-districts-lite.geojson"),
                dir.resolve("boundaries/th-subdistricts-lite.geojson")))
        .boundaries();
  }

  /**
   * The boundaries with the village level the bundled publication declares (values only): every
   * village with values, as {@code DatasetImporter} builds it.
   */
  private static Boundaries withVillages(
      Boundaries b, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> v2561) {
    TreeSet<String> ids = new TreeSet<>();
    v2561.get(AdminLevel.VILLAGE).values().forEach(column -> ids.addAll(column.keySet()));
    List<Area> areas = new ArrayList<>();
    for (AdminLevel l : b.levels()) {
      areas.addAll(b.areas(l));
    }
    List<String> inside =
        ids.stream().filter(id -> b.area(id.substring(0, 4)).isPresent()).toList();
    areas.addAll(VillageAreas.areas(inside, Map.of(), new HashMap<>()));
    return new Boundaries(Levels.WITH_VILLAGES, areas);
  }

  static Path tpmap(String file) {
    return TestData.dir().resolve("indicators/real/tpmap-2561").resolve(file);
  }
}
