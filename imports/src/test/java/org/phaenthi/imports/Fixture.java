package org.phaenthi.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.LoadReport;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.load.BoundaryLoader;
import org.phaenthi.boundaries.load.PropertyMapping;

/** A publication of the Phuket fixture (83: 3 districts, 17 subdistricts) with no indicators. */
final class Fixture {
  private Fixture() {}

  static Dataset phuket() {
    Boundaries b =
        new BoundaryLoader(PropertyMapping.DEFAULT)
            .load(List.of(TestData.fixture83()))
            .boundaries();
    return Dataset.of(
        "phuket",
        Instant.EPOCH,
        b,
        new IndicatorData(List.of(), List.of(), Map.of()),
        Map.of(),
        new LoadReport(Map.of()));
  }

  static Validator.Context all(Dataset d) {
    return new Validator.Context(d, CodeRemaps.NONE, "all");
  }
}
