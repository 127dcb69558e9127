package org.phaenthi.server.bench;

import java.util.Map;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.Config;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.LiveData;

/**
 * Heap of today's real data loaded the way {@code Main} loads it: the embedded store opened (and
 * imported first when out of date), {@code DataBootstrap.prepare} (a warm start reads the store),
 * then {@code new LiveData(dataset)} (the snapshot: name search and every level's decoded bands),
 * the store kept open as the server keeps it. Prints the live heap after full GCs at each step, the
 * parts whose size is known exactly (persisted blobs, values held) and the top of the class
 * histogram, which says what dominates. It uses only API that main also has, so the same file
 * measures main's representation. Not run by CI. From the repository root:
 *
 * <pre>
 * JAVA_OPTS=-Xmx2g server/src/bench/heap.sh RealDataHeapBench --store /tmp/heap-bench/store
 * </pre>
 *
 * Run it twice: the first run imports the store (and its heap is not a warm start's).
 */
public final class RealDataHeapBench {
  private RealDataHeapBench() {}

  public static void main(String[] args) {
    Map<String, String> opt = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Config config =
        Config.read(
            new String[] {
              "--data", opt.getOrDefault("data", "/work/shared/data"),
              "--store", opt.getOrDefault("store", "/tmp/heap-bench/store")
            },
            Map.of());
    long baseline = HeapMeter.liveBytes();
    try (Store store = DataBootstrap.openStore(config.store())) {
      boolean warm = store.dataVersion().isPresent();
      long t0 = System.nanoTime();
      Dataset dataset = DataBootstrap.prepare(config, store);
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      long afterDataset = HeapMeter.liveBytes();
      t0 = System.nanoTime();
      LiveData live = new LiveData(dataset);
      live.snapshot().decodeGeometry(); // as the server does once it listens (then it is ready)
      double snapshotSeconds = (System.nanoTime() - t0) / 1e9;
      long afterSnapshot = HeapMeter.liveBytes();

      long blobBytes = dataset.blobs().values().stream().mapToLong(b -> b.length).sum();
      long values = 0;
      int valueMaps = 0;
      for (var y : dataset.indicators().all().values()) {
        for (var l : y.values()) {
          for (var i : l.values()) {
            values += i.size();
            valueMaps++;
          }
        }
      }
      System.out.printf(
          "real data %s (%s; prepare %.1f s, snapshot %.1f s): %,d values in %d maps,"
              + " %d blobs of %s%n",
          dataset.dataVersion(),
          warm ? "warm start" : "cold start: imported first, run again for a warm one",
          loadSeconds,
          snapshotSeconds,
          values,
          valueMaps,
          dataset.blobs().size(),
          HeapMeter.mib(blobBytes));
      System.out.printf(
          "live heap after full GC: %s JVM baseline, %s with the dataset, %s served"
              + " (dataset + snapshot); served minus baseline %s%n",
          HeapMeter.mib(baseline),
          HeapMeter.mib(afterDataset),
          HeapMeter.mib(afterSnapshot),
          HeapMeter.mib(afterSnapshot - baseline));
      HeapMeter.histogram(15).forEach(System.out::println);
      java.lang.ref.Reference.reachabilityFence(live);
    }
  }
}
