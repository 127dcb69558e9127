package org.phaenthi.boundaries.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.Publication;

/**
 * kill -9 during publishes into the embedded store, at points spread over the write: a child JVM
 * publishes round after round (each an 8 MB part plus the rest) and is killed with SIGKILL at a
 * random moment; after every kill the store opens, its current publication is the last one the
 * child completed or the one it was writing — whole, its content exactly that round's — and the
 * store takes the next publication. (Before: H2's MVStore was left unopenable by 3 of 5 kills.)
 */
class EmbeddedStoreKillIT {
  private static final int KILLS = 50;
  @TempDir Path dir;

  private Process child(Path store, int round, boolean once) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            PublishChild.class.getName(),
            store.toString(),
            Integer.toString(round),
            once ? "once" : "loop")
        .redirectErrorStream(true)
        .start();
  }

  /** Reads the child's lines until one starts with {@code prefix}; returns that line. */
  private static String await(BufferedReader r, Process p, String prefix) throws Exception {
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("child ended before '" + prefix + "', exit " + p.waitFor());
  }

  private static BufferedReader out(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  @Test
  void everyKillLeavesACompletePublication() throws Exception {
    Path store = dir.resolve("store");
    // Round 0 runs alone and times one publish cycle, so kills can be spread over cycles.
    Process first = child(store, 0, true);
    BufferedReader r0 = out(first);
    await(r0, first, "OPEN");
    long t0 = System.nanoTime();
    await(r0, first, "PUBLISHED");
    long cycleNanos = System.nanoTime() - t0;
    assertEquals(0, first.waitFor());
    SplittableRandom random = new SplittableRandom(42);
    int round = 1;
    long totalPublished = 1;
    for (int kill = 0; kill < KILLS; kill++) {
      Process p = child(store, round, false);
      BufferedReader r = out(p);
      await(r, p, "OPEN");
      await(r, p, "PUBLISHED"); // the child is now in its cycle of publishes
      TimeUnit.NANOSECONDS.sleep((long) (random.nextDouble() * cycleNanos * 1.5));
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      p.waitFor();
      try (EmbeddedStore s = new EmbeddedStore(store)) {
        Publication current = s.current().orElseThrow();
        int done = Integer.parseInt(current.note().substring("round ".length()));
        assertTrue(done >= round, "kill " + kill + ": round " + round + " was published");
        Dataset served = s.load();
        TestDatasets.assertSame(PublishChild.round(done), served);
        assertEquals(current.id(), s.publications().size(), "ids have no gaps");
        if (s.publications().size() - totalPublished > done - round + 1) {
          throw new AssertionError("more publications than rounds");
        }
        totalPublished = s.publications().size();
        round = done + 1;
      }
    }
    // The store still takes publications after all that.
    Process last = child(store, round, true);
    BufferedReader rl = out(last);
    await(rl, last, "PUBLISHED");
    assertEquals(0, last.waitFor());
    try (EmbeddedStore s = new EmbeddedStore(store)) {
      TestDatasets.assertSame(PublishChild.round(round), s.load());
    }
    System.out.printf(
        "EmbeddedStoreKillIT: %d SIGKILLs spread over %d ms publish cycles; %d publications"
            + " survived, every reopen served a whole publication, 0 unopenable%n",
        KILLS, cycleNanos / 1_000_000, totalPublished);
  }
}
