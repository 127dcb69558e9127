package org.phaenthi.boundaries.load;

import java.util.Map;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.coverage.CoverageBandBuilder;
import org.phaenthi.boundaries.coverage.LevelBands;

/**
 * Derived data computed once at import and persisted with the dataset, so a warm start does not
 * recompute it: the gap-free per-zoom bands of each level with geometry, under {@code
 * bands/{level}}.
 */
public final class DerivedData {
  private DerivedData() {}

  public static String bandsKey(AdminLevel level) {
    return "bands/" + level.urlName();
  }

  static void build(Boundaries boundaries, Map<String, byte[]> blobs, Map<String, Long> counts) {
    for (AdminLevel level : boundaries.levels().withGeometry()) {
      long t0 = System.nanoTime();
      LevelBands bands = CoverageBandBuilder.build(level, boundaries.areas(level));
      blobs.put(bandsKey(level), bands.toBytes());
      counts.put("bandsMillis." + level.urlName(), (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
