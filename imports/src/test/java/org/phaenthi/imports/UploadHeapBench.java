package org.phaenthi.imports;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import org.phaenthi.boundaries.Dataset;

/**
 * Prints the heap the two national village uploads hold once validated (not a test; BENCHMARKS.md
 * §6 has the figures): used heap after full collections with both held, minus before, and the time
 * to validate both, per round. Run as {@link ImportBenchmark} is run (its class comment), with this
 * class's name.
 */
public final class UploadHeapBench {
  private UploadHeapBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Dataset current = RealData.dataset();
    byte[] common = Files.readAllBytes(RealData.tpmap("61_village_common.csv.gz"));
    byte[] poor = Files.readAllBytes(RealData.tpmap("61_village_11111.csv.gz"));
    for (int round = 1; round <= rounds; round++) {
      long before = usedAfterGc();
      long t = System.nanoTime();
      Upload u1 = check(common, "61_village_common.csv.gz", current);
      Upload u2 = check(poor, "61_village_11111.csv.gz", current);
      double secs = (System.nanoTime() - t) / 1e9;
      long held = usedAfterGc();
      System.out.printf(
          "round %d: the two national uploads (%d + %d indicators, %,d + %,d rows) hold %.1f MiB;"
              + " validated in %.1f s%n",
          round,
          u1.counts().size(),
          u2.counts().size(),
          u1.rows(),
          u2.rows(),
          (held - before) / 1048576.0,
          secs);
    }
  }

  private static Upload check(byte[] bytes, String name, Dataset current) {
    return Importer.check(
        bytes, name, Overrides.NONE, new Validator.Context(current, RealData.REMAPS, "all"));
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
