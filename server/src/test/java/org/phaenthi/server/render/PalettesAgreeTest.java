package org.phaenthi.server.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.Json;

/**
 * {@link Palettes} gives the colours the web app's {@code classify.js} gives (run in Node on the
 * built web module), for every palette, reversed or not, 1–9 classes, both directions and none, and
 * change maps. Skips when Node or the built web module is missing.
 */
class PalettesAgreeTest {
  static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
  static final List<List<Double>> CHANGE_BREAKS =
      List.of(
          List.of(-2.0, 0.0, 1.5, 3.0),
          List.of(-5.0, -1.0, 0.0),
          List.of(0.0, 2.0),
          List.of(1.0, 2.0, 3.0));

  @TempDir Path tmp;

  @Test
  void serverAndWebAppGiveTheSameColours() throws Exception {
    Path classify = WEB.resolve("target/classes/phaenthi-web/js/classify.js");
    Path globals = WEB.resolve("src/test/js/globals.mjs");
    assumeTrue(Files.exists(classify), "web module not built: " + classify);
    Path script = tmp.resolve("colours.mjs");
    Files.writeString(
        script,
        "import '"
            + globals.toUri()
            + "';\n"
            + "const c = await import('"
            + classify.toUri()
            + "');\n"
            + "const out = {};\n"
            + "const dirs = [true, false, null];\n"
            + "for (const p of c.PALETTES.flatMap((p) => [p, p + '-r'])) {\n"
            + "  for (let n = 1; n <= 9; n++) dirs.forEach((d, k) => { out[`${p}|${n}|${k}`] = c.colours(p, n, d); });\n"
            + "  "
            + Json.MAPPER.writeValueAsString(CHANGE_BREAKS)
            + ".forEach((b, j) => dirs.forEach((d, k) => {"
            + " out[`${p}|change${j}|${k}`] = c.changeColours(c.changePalette(p), b, d, 4); }));\n"
            + "}\n"
            + "process.stdout.write(JSON.stringify(out));\n");
    JsonNode web;
    try {
      web = Json.MAPPER.readTree(node(script));
    } catch (IOException e) {
      assumeTrue(false, "node not runnable: " + e.getMessage());
      return;
    }
    Boolean[] dirs = {true, false, null};
    int compared = 0;
    for (String base : Palettes.NAMES) {
      for (String p : List.of(base, base + "-r")) {
        for (int n = 1; n <= 9; n++) {
          for (int k = 0; k < 3; k++) {
            assertEquals(
                texts(web.get(p + "|" + n + "|" + k)),
                hex(Palettes.colours(p, n, dirs[k])),
                p + " " + n + " " + dirs[k]);
            compared++;
          }
        }
        for (int j = 0; j < CHANGE_BREAKS.size(); j++) {
          for (int k = 0; k < 3; k++) {
            assertEquals(
                texts(web.get(p + "|change" + j + "|" + k)),
                hex(
                    Palettes.changeColours(
                        Palettes.changePalette(p), CHANGE_BREAKS.get(j), dirs[k], 4)),
                p + " change " + CHANGE_BREAKS.get(j) + " " + dirs[k]);
            compared++;
          }
        }
      }
    }
    assertEquals(web.size(), compared);
  }

  private static List<String> texts(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(c -> out.add(c.asText().toLowerCase()));
    return out;
  }

  private static List<String> hex(List<java.awt.Color> cs) {
    return cs.stream().map(Palettes::hex).toList();
  }

  private static String node(Path script) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("node", script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("node exited with " + p.exitValue());
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
