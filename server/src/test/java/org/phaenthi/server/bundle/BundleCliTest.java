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
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * {@code phaenthi bundle --area 83 …}: the folder it writes holds the same files, byte for byte, as
 * {@code GET /api/export/bundle/83.zip} over the same store (but the manifest's time of making).
 */
class BundleCliTest {
  @TempDir Path tmp;

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
    Path cliStore = tmp.resolve("cli-store");
    try (EmbeddedStore store = new EmbeddedStore(cliStore)) {
      store.publish(TestServers.dataset().asDraft("test", "test"));
    }
    Path out = tmp.resolve("site");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        BundleCli.run(
            new String[] {
              "--area",
              "83",
              "--indicator",
              "test:rate",
              "--out",
              out.toString(),
              "--store",
              cliStore.toString(),
              "--data",
              tmp.resolve("none").toString()
            },
            Map.of(),
            new PrintWriter(o),
            new PrintWriter(e));
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
    int code =
        BundleCli.run(
            new String[] {
              "--area",
              "99",
              "--indicator",
              "test:rate",
              "--out",
              tmp.resolve("x").toString(),
              "--store",
              tmp.resolve("cli-store-2").toString(),
              "--data",
              tmp.resolve("none").toString()
            },
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(e));
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
    int code =
        BundleCli.run(
            new String[] {
              "--area",
              "83",
              "--indicator",
              "test:rate",
              "--out",
              root.toString(),
              "--store",
              tmp.resolve("cli-store-3").toString(),
              "--data",
              tmp.resolve("none").toString()
            },
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(e));
    assertEquals(1, code, e.toString());
    assertTrue(
        e.toString().contains("--out takes a folder or a file ending in .zip, not " + root),
        e.toString());
    assertTrue(Files.notExists(tmp.resolve("cli-store-3")), "no store was opened");
  }
}
