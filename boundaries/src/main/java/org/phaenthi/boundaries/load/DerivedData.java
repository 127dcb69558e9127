package org.phaenthi.boundaries.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
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

  /**
   * The levels' bands, built side by side when the heap is at least {@link #SIDE_BY_SIDE_HEAP}:
   * each level is simplified as a coverage of its own, so they are independent. Up to one thread
   * per core, the level with the most vertices first (on two cores the subdistricts take one while
   * the provinces and districts share the other).
   */
  /** The heap under which the levels' bands are built one after the other (2 GiB). */
  static final long SIDE_BY_SIDE_HEAP = 2L << 30;

  static void build(Boundaries boundaries, Map<String, byte[]> blobs, Map<String, Long> counts) {
    List<AdminLevel> levels = boundaries.levels().withGeometry();
    List<AdminLevel> largestFirst = new ArrayList<>(levels);
    largestFirst.sort(Comparator.comparingLong((AdminLevel l) -> -vertices(boundaries, l)));
    // side by side only with heap to spare: each level's build holds its coverage and its encoded
    // bands at once, and a first import in the documented -Xmx1200m ran out of heap with two
    int threads =
        Runtime.getRuntime().maxMemory() < SIDE_BY_SIDE_HEAP
            ? 1
            : Math.max(1, Math.min(levels.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "coverage-bands");
              t.setDaemon(true);
              return t;
            });
    try {
      Map<AdminLevel, Future<Built>> futures = new java.util.HashMap<>();
      for (AdminLevel level : largestFirst) {
        futures.put(level, pool.submit(() -> Built.of(level, boundaries.areas(level))));
      }
      // put in the levels' own order, as one level after the other would
      for (AdminLevel level : levels) {
        Built b = get(futures.get(level));
        blobs.put(bandsKey(level), b.bytes());
        counts.put("bandsMillis." + level.urlName(), b.millis());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private record Built(byte[] bytes, long millis) {
    static Built of(AdminLevel level, List<Area> areas) {
      long t0 = System.nanoTime();
      LevelBands bands = CoverageBandBuilder.build(level, areas);
      return new Built(bands.toBytes(), (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private static long vertices(Boundaries boundaries, AdminLevel level) {
    long n = 0;
    for (Area a : boundaries.areas(level)) {
      n += a.geometry().getNumPoints();
    }
    return n;
  }

  private static Built get(Future<Built> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the bands", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
