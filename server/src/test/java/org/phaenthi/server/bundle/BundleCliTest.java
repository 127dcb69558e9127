package org.phaenthi.server.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * {@code phaenthi bundle --area 83 …}: the folder it writes holds the same files, byte for byte, as
 * {@code GET /api/export/bundle/83.zip} over the same store (but the manifest's time of making).
 */
class BundleCliTest {
  @TempDir Path tmp;

  /** {@code phaenthi bundle --area AREA --indicator test:rate --out OUT --store STORE}. */
  private int bundle(String area, Path out, Path store, StringWriter o, StringWriter e) {
    return BundleCli.run(
        new String[] {
          "--area",
          area,
          "--indicator",
          "test:rate",
          "--out",
          out.toString(),
          "--store",
          store.toString(),
          "--data",
          tmp.resolve("none").toString()
        },
        Map.of(),
        new PrintWriter(o),
        new PrintWriter(e));
  }

  @Test
  void writesTheEndpointsBundleAsAFolder() throws Exception {
    Map<String, byte[]> zip;
    try (PhaenthiServer server =
        TestServers.start(TestServers.dataset(), tmp, "--access-log", "false")) {
      HttpResponse<byte[]> r =
          new HttpTestClient(server.port()).get("/api/export/bundle/83.zip?indicator=test:rate");
      assertEquals(200, r.statusCode());
      zip = BundleTest.unzip(r.body());
    }
    // the same publication in a store of its own (the server's store stays locked by this JVM)
    Path cli = tmp.resolve("cli");
    TestServers.publishedStore(cli, TestServers.dataset()).close();
    Path out = tmp.resolve("site");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = bundle("83", out, cli.resolve("store"), o, e);
    assertEquals(0, code, e.toString());
    assertTrue(o.toString().contains("bundle of 83 written"), o.toString());
    Map<String, byte[]> dir = new TreeMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p)) {
          dir.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
    }
    assertEquals(new TreeMap<>(zip).keySet(), dir.keySet());
    for (var f : zip.entrySet()) {
      if (!f.getKey().equals(BundleBuilder.MANIFEST)) {
        assertArrayEquals(f.getValue(), dir.get(f.getKey()), f.getKey());
      }
    }
  }

  @Test
  void badArgumentsAreRefusedClearly() {
    StringWriter e = new StringWriter();
    int code = bundle("99", tmp.resolve("x"), tmp.resolve("cli-store-2"), new StringWriter(), e);
    assertTrue(code != 0);
    assertTrue(e.toString().contains("phaenthi bundle:"), e.toString());
    assertEquals(
        2,
        BundleCli.run(
            new String[] {"--area", "83"},
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter())));
  }

  @Test
  void anOutThatNamesNoFolderIsRefusedBeforeTheDataIsOpened() {
    StringWriter e = new StringWriter();
    Path root = tmp.getRoot();
    int code = bundle("83", root, tmp.resolve("cli-store-3"), new StringWriter(), e);
    assertEquals(1, code, e.toString());
    assertTrue(
        e.toString().contains("--out takes a folder or a file ending in .zip, not " + root),
        e.toString());
    assertTrue(Files.notExists(tmp.resolve("cli-store-3")), "no store was opened");
  }
}
