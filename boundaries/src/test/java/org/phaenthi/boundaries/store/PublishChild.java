package org.phaenthi.boundaries.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.phaenthi.boundaries.Dataset;

/**
 * Run in a child JVM by {@link EmbeddedStoreKillIT}: opens the store, says so, then publishes the
 * datasets of rounds N, N+1, … (distinct parts, a large blob so each write takes a while) until it
 * is killed, saying "PUBLISHED n" after each; with a second argument "once" it stops after round N.
 */
public final class PublishChild {
  private PublishChild() {}

  /** The dataset round {@code n} publishes: Phuket, two years, and an 8 MB blob. */
  static Dataset round(int n) {
    Dataset d = TestDatasets.first("kill-round-" + n);
    Map<String, byte[]> blobs = new LinkedHashMap<>(d.blobs());
    byte[] big = new byte[8 << 20];
    new SplittableRandom(n).nextBytes(big);
    blobs.put("bands/big", big);
    return Dataset.of(
        "kill-round-" + n, d.importedAt(), d.boundaries(), d.indicators(), blobs, d.report());
  }

  public static void main(String[] args) {
    int n = Integer.parseInt(args[1]);
    boolean once = args.length > 2 && args[2].equals("once");
    try (EmbeddedStore s = new EmbeddedStore(Path.of(args[0]))) {
      System.out.println("OPEN");
      System.out.flush();
      do {
        s.publish(round(n).asDraft("child", "round " + n));
        System.out.println("PUBLISHED " + n);
        System.out.flush();
        n++;
      } while (!once);
    }
  }
}
