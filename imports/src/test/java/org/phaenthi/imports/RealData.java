package org.phaenthi.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.LoadReport;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorLoader;
import org.phaenthi.boundaries.load.BoundaryLoader;
import org.phaenthi.boundaries.load.CodeRemapReader;
import org.phaenthi.boundaries.load.PropertyMapping;

/**
 * The bundled publication's content as tests need it: the real boundaries (lite files: the same
 * areas and names, lighter polygons, no bands) and the bundled indicator data, loaded once.
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
      dataset = Dataset.of("real", Instant.EPOCH, b, data, Map.of(), new LoadReport(Map.of()));
    }
    return dataset;
  }

  static Path tpmap(String file) {
    return TestData.dir().resolve("indicators/real/tpmap-2561").resolve(file);
  }
}
