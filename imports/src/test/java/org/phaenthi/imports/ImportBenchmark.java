package org.phaenthi.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.store.EmbeddedStore;

/**
 * Prints how long validating and publishing take (not a test; BENCHMARKS.md has the figures): the
 * national village files (84,090 rows; common: 31 BMN pass rates and 7 other measures, 11111: 40
 * target-poor counts) one after the other, and one province's villages (Phitsanulok, 65).
 * Publishing goes into a fresh embedded store that already holds the bundled parts, as on a server.
 *
 * <pre>
 * ./mvnw -q -B -pl imports -am install -DskipTests
 * ./mvnw -q -B -pl imports test-compile
 * ./mvnw -q -B -pl imports dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx3g -cp imports/target/test-classes:imports/target/classes:$(cat /tmp/cp.txt) \
 *   org.phaenthi.imports.ImportBenchmark
 * </pre>
 */
public final class ImportBenchmark {
  private ImportBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    long t0 = System.nanoTime();
    Dataset bundled = RealData.dataset();
    System.out.printf("setup: bundled data and boundaries loaded in %.1f s%n", secs(t0));
    byte[] common = Files.readAllBytes(RealData.tpmap("61_village_common.csv.gz"));
    byte[] poor = Files.readAllBytes(RealData.tpmap("61_village_11111.csv.gz"));
    byte[] province = provinceRows(common, "65");
    Path dir = Files.createTempDirectory("import-bench");
    try (EmbeddedStore store = new EmbeddedStore(dir.resolve("store"))) {
      long s = System.nanoTime();
      Publication base = store.publish(bundled.asDraft("bench", "bundled"));
      System.out.printf("setup: bundled parts published in %.1f s%n", secs(s));
      Dataset current = store.load(base.id());
      for (int round = 1; round <= rounds; round++) {
        long a = System.nanoTime();
        Upload u1 = check(common, "61_village_common.csv.gz", current);
        double v1 = secs(a);
        long b = System.nanoTime();
        Upload u2 = check(poor, "61_village_11111.csv.gz", current);
        double v2 = secs(b);
        long c = System.nanoTime();
        Draft d1 = Importer.draft(current, u1, "bench", "national common");
        Publication p1 = store.publish(d1);
        Dataset after1 = store.load(p1.id());
        Draft d2 = Importer.draft(after1, u2, "bench", "national 11111");
        Publication p2 = store.publish(d2);
        store.load(p2.id());
        double pub = secs(c);
        System.out.printf(
            "round %d national: validate common %.1f s (%,d rows, %d indicators, %d errors),"
                + " 11111 %.1f s (%,d rows, %d indicators), merge+publish+load both %.1f s;"
                + " total %.1f s%n",
            round,
            v1,
            u1.rows(),
            u1.counts().size(),
            u1.report().errors(),
            v2,
            u2.rows(),
            u2.counts().size(),
            pub,
            secs(a));
        long e = System.nanoTime();
        Upload up = check(province, "61_village_common.csv", current);
        double vp = secs(e);
        long f = System.nanoTime();
        Publication pp = store.publish(Importer.draft(current, up, "bench", "province 65"));
        store.load(pp.id());
        System.out.printf(
            "round %d province 65: validate %.2f s (%,d villages, %d errors), merge+publish+load %.2f s;"
                + " total %.2f s%n",
            round, vp, up.rows(), up.report().errors(), secs(f), secs(e));
      }
    }
  }

  private static Upload check(byte[] bytes, String name, Dataset current) {
    return Importer.check(
        bytes, name, Overrides.NONE, new Validator.Context(current, RealData.REMAPS, "all"));
  }

  /** The header and the village rows of one province, as a province office would upload them. */
  static byte[] provinceRows(byte[] gz, String province) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      in.transferTo(raw);
    }
    String[] lines = raw.toString(StandardCharsets.UTF_8).split("\n");
    StringBuilder out = new StringBuilder(lines[0]).append('\n');
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].startsWith("\"" + province)) {
        out.append(lines[i]).append('\n');
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
