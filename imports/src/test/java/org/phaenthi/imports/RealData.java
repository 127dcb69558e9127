package org.phaenthi.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.phaenthi.boundaries.indicators.IndicatorLoader;
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
      Boundaries b =
          new BoundaryLoader(PropertyMapping.DEFAULT, REMAPS)
              .load(
                  List.of(
                      dir.resolve("boundaries/th-provinces-lite.geojson"),
                      dir.resolve("boundaries/th-districts-lite.geojson"),
                      dir.resolve("boundaries/th-subdistricts-lite.geojson")))
              .boundaries();
      IndicatorData data = IndicatorLoader.load(dir, new HashMap<>(), REMAPS);
      b = withVillages(b, data);
      dataset = Dataset.of("real", Instant.EPOCH, b, data, Map.of(), new LoadReport(Map.of()));
    }
    return dataset;
  }

  /**
   * The boundaries with the village level the bundled publication declares (values only): every
   * village with values, as {@code DatasetImporter} builds it.
   */
  private static Boundaries withVillages(Boundaries b, IndicatorData data) {
    TreeSet<String> ids = new TreeSet<>();
    for (var byLevel : data.all().values()) {
      var village = byLevel.get(AdminLevel.VILLAGE);
      if (village != null) {
        village.values().forEach(column -> ids.addAll(column.keySet()));
      }
    }
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
