package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's class breaks ({@link ClassBreaks}) are the web app's ({@code classify.js}, run in
 * Node on the built web module): the same numbers for every method, class count and kind of data
 * (rates with ties at 100 %, whole counts, changes around 0). Skips when Node or the built web
 * module is missing.
 */
class ClassesAgreeTest {
  static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Values of the kinds the map shows; nulls stand for areas without data. */
  static List<List<Double>> datasets() {
    List<List<Double>> out = new ArrayList<>();
    out.add(list(0, 0, 0, 0, 0, 0, 3, 5, 8, 9, 12, 20, 28, 31, 40, 74, 75, 120, 300, 1277, null));
    out.add(list(1, 2, 3, 4, 5, 6, 100, 100, 100, 100, 100, 100));
    out.add(list(-6.2, -4.1, -3.3, -1.2, -0.4, 0.3, 0.9, 1.8, 2.2, 5.5, null));
    out.add(list(99.5, 99.91, 100, 100, 100, 100, 100, 98.2, 97.25, 100, 99.62));
    out.add(list(1, 1, 2));
    Random r = new Random(13);
    for (int k = 0; k < 60; k++) {
      int size = 4 + r.nextInt(120);
      List<Double> xs = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        double v =
            switch (k % 4) {
              case 0 -> Math.round(r.nextDouble() * 10000) / 100.0; // a rate, two decimals
              case 1 -> (double) (long) Math.floor(Math.exp(r.nextDouble() * 9)); // a count
              case 2 -> Math.min(100, Math.round((90 + r.nextGaussian() * 8) * 100) / 100.0);
              default -> Math.round(r.nextGaussian() * 400) / 100.0; // a change around 0
            };
        xs.add(r.nextInt(25) == 0 ? null : v);
      }
      out.add(xs);
    }
    return out;
  }

  @Test
  void serverAndWebAppComputeTheSameBreaks() throws Exception {
    Path classify = WEB.resolve("target/classes/phaenthi-web/js/classify.js");
    Path globals = WEB.resolve("src/test/js/globals.mjs");
    assumeTrue(Files.exists(classify), "web module not built: " + classify);
    assumeTrue(Files.isDirectory(WEB.resolve("node_modules/simple-statistics")), "no npm install");
    List<List<Double>> sets = datasets();
    Path input = tmp.resolve("sets.json");
    JSON.writeValue(input.toFile(), sets);
    Path script = tmp.resolve("breaks.mjs");
    Files.writeString(
        script,
        "import "
            + js(globals.toUri().toString())
            + ";\n"
            + "import { readFileSync } from 'node:fs';\n"
            + "const c = await import("
            + js(classify.toUri().toString())
            + ");\n"
            + "const sets = JSON.parse(readFileSync(process.argv[2], 'utf8'));\n"
            + "const out = {};\n"
            + "sets.forEach((xs, k) => { for (const m of ['quantile', 'jenks', 'equal']) {"
            + " for (let n = 3; n <= 9; n++) {"
            + "  out[`${k}|${m}|${n}|v`] = c.computeBreaks(xs, m, n);"
            + "  out[`${k}|${m}|${n}|c`] = c.changeBreaks(xs, m, n); } }"
            + " out[`${k}|manual|5|v`] = c.computeBreaks(xs, 'manual', 5, [30, 10, 20]); });\n"
            + "process.stdout.write(JSON.stringify(out));\n");
    JsonNode web;
    try {
      web = JSON.readTree(node(script, input));
    } catch (IOException e) {
      assumeTrue(false, "node not runnable: " + e.getMessage());
      return;
    }
    Map<String, List<Double>> server = new LinkedHashMap<>();
    for (int k = 0; k < sets.size(); k++) {
      for (String m : List.of("quantile", "jenks", "equal")) {
        for (int n = 3; n <= 9; n++) {
          server.put(
              k + "|" + m + "|" + n + "|v", ClassBreaks.compute(sets.get(k), m, n, List.of()));
          server.put(
              k + "|" + m + "|" + n + "|c", ClassBreaks.change(sets.get(k), m, n, List.of()));
        }
      }
      server.put(
          k + "|manual|5|v", ClassBreaks.compute(sets.get(k), "manual", 5, list(30, 10, 20)));
    }
    assertEquals(server.size(), web.size());
    int compared = 0;
    for (var e : server.entrySet()) {
      List<Double> theirs = new ArrayList<>();
      web.get(e.getKey()).forEach(b -> theirs.add(b.asDouble() + 0.0));
      assertEquals(
          theirs,
          e.getValue(),
          "breaks of "
              + e.getKey()
              + " for "
              + sets.get(Integer.parseInt(e.getKey().split("\\|")[0])));
      compared++;
    }
    assertEquals(sets.size() * (3 * 7 * 2 + 1), compared);
  }

  private static String node(Path script, Path input) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("node", script.toString(), input.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("node exited with " + p.exitValue());
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String js(String s) {
    return "'" + s.replace("'", "\\'") + "'";
  }

  static List<Double> list(Object... xs) {
    List<Double> out = new ArrayList<>();
    for (Object x : xs) {
      out.add(x == null ? null : ((Number) x).doubleValue());
    }
    return out;
  }
}
