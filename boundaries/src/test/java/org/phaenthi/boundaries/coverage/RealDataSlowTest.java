package org.phaenthi.boundaries.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.SharedData;

/**
 * Builds every level of the real medium files and prints the figures quoted in the report. Skip
 * with {@code -DexcludedGroups=slow}.
 */
@Tag("slow")
@SharedData
class RealDataSlowTest {

  @ParameterizedTest
  @MethodSource("org.phaenthi.boundaries.AdminLevel#standard")
  void buildsEveryBandOfTheRealLevel(AdminLevel level) throws IOException {
    List<Area> areas = CoverageTestData.medium(level);
    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    LevelBands bands = CoverageBandBuilder.build(level, areas);
    long buildMs = (System.nanoTime() - t0) / 1_000_000;
    long heapMb = (usedHeap() - heapBefore) >> 20;
    System.out.printf(
        Locale.ROOT,
        "%s: %d areas, all bands built in %d ms, about %d MB retained%n",
        level,
        areas.size(),
        buildMs,
        heapMb);
    long previous = 0;
    for (BandGeometry b : bands.bands()) {
      assertEquals(areas.size(), b.areas().size(), "areas in " + b.band());
      b.areas().forEach((code, g) -> assertFalse(g.isEmpty(), code + " lost in " + b.band()));
      long v = b.areaVertexCount();
      assertTrue(v >= previous, "a finer band has fewer vertices than a coarser one");
      previous = v;
      long t1 = System.nanoTime();
      Geometry[] invalid = CoverageValidator.validate(b.areas().values().toArray(new Geometry[0]));
      long validateMs = (System.nanoTime() - t1) / 1_000_000;
      long bad = java.util.Arrays.stream(invalid).filter(g -> g != null).count();
      System.out.printf(
          Locale.ROOT,
          "  %-22s area vertices %,10d  border lines %,7d  border vertices %,10d  invalid %d"
              + " (validated in %d ms)%n",
          b.band(),
          v,
          b.borders().size(),
          b.borderVertexCount(),
          bad,
          validateMs);
      assertEquals(0, bad, "invalid coverage edges in " + b.band());
    }
    long t2 = System.nanoTime();
    byte[] bytes = bands.toBytes();
    long writeMs = (System.nanoTime() - t2) / 1_000_000;
    long t3 = System.nanoTime();
    LevelBands.fromBytes(bytes);
    long readMs = (System.nanoTime() - t3) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "  serialised %,d bytes, written in %d ms, read in %d ms%n",
        bytes.length,
        writeMs,
        readMs);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
