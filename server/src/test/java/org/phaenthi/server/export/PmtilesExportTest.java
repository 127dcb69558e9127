package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.server.ogc.OgcFixture;
import org.phaenthi.tiles.TileCoord;
import org.phaenthi.tiles.pmtiles.PmtilesHeader;
import org.phaenthi.tiles.pmtiles.PmtilesReader;
import org.phaenthi.tiles.pmtiles.TileIds;

/**
 * {@code /api/export/{level}.pmtiles}: every tile equals the server's own tile, ranges, ETag/304,
 * one build for concurrent identical requests, bad input as 400/404 naming the parameter; and the
 * {@code pmtiles} npm reader reading it from the server (node test run from here).
 */
class PmtilesExportTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;
  static HttpTestClient http;

  @BeforeAll
  static void start() {
    server = TestServers.start(OgcFixture.dataset(), tmp, "--access-log", "false");
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyTileOfTheArchiveIsTheServersTile() throws Exception {
    for (String query : List.of("", "&" + valueQuery())) {
      Path file = download("/api/export/subdistrict.pmtiles?maxzoom=11" + query);
      try (PmtilesReader r = new PmtilesReader(file)) {
        PmtilesHeader h = r.header();
        assertEquals(11, h.maxZoom());
        assertEquals(PmtilesHeader.GZIP, h.tileCompression());
        int present = 0;
        for (TileCoord c : coords(0, 11)) {
          byte[] stored = r.tile(c.z(), c.x(), c.y());
          HttpResponse<byte[]> t =
              http.get(tilePath(c) + (query.isEmpty() ? "" : "?" + query.substring(1)));
          if (t.statusCode() == 204) {
            assertNull(stored, c + " is empty on the server");
          } else {
            assertEquals(200, t.statusCode());
            assertArrayEquals(t.body(), gunzip(stored), c + query);
            present++;
          }
        }
        assertEquals(present, h.addressedTiles());
        assertTrue(present > 20, present + " tiles");
        JsonNode meta = Json.MAPPER.readTree(r.metadata());
        assertEquals("subdistrict", meta.path("vector_layers").path(0).path("id").asText());
      }
    }
  }

  @Test
  void rangesEtagAndConditionalRequests() throws Exception {
    String path = "/api/export/district.pmtiles?maxzoom=9";
    HttpResponse<byte[]> all = http.get(path);
    assertEquals(200, all.statusCode());
    assertEquals("bytes", all.headers().firstValue("Accept-Ranges").orElse(""));
    assertEquals(PmtilesHandler.MEDIA_TYPE, all.headers().firstValue("Content-Type").orElse(""));
    String etag = all.headers().firstValue("ETag").orElseThrow();
    byte[] bytes = all.body();
    int n = bytes.length;

    HttpResponse<byte[]> head = http.get(path, "Range", "bytes=0-16383");
    assertEquals(206, head.statusCode());
    assertEquals(
        "bytes 0-" + (Math.min(16384, n) - 1) + "/" + n,
        head.headers().firstValue("Content-Range").orElse(""));
    assertArrayEquals(Arrays.copyOf(bytes, Math.min(16384, n)), head.body());

    HttpResponse<byte[]> tail = http.get(path, "Range", "bytes=-10");
    assertEquals(206, tail.statusCode());
    assertArrayEquals(Arrays.copyOfRange(bytes, n - 10, n), tail.body());

    HttpResponse<byte[]> middle = http.get(path, "Range", "bytes=100-199");
    assertArrayEquals(Arrays.copyOfRange(bytes, 100, 200), middle.body());

    HttpResponse<byte[]> beyond = http.get(path, "Range", "bytes=" + n + "-");
    assertEquals(416, beyond.statusCode());
    assertEquals("bytes */" + n, beyond.headers().firstValue("Content-Range").orElse(""));

    HttpResponse<byte[]> stale = http.get(path, "Range", "bytes=0-9", "If-Range", "\"old\"");
    assertEquals(200, stale.statusCode(), "a stale If-Range gets the whole file");
    assertEquals(n, stale.body().length);
    assertEquals(
        206, http.get(path, "Range", "bytes=0-9", "If-Range", etag).statusCode(), "fresh If-Range");

    assertEquals(304, http.get(path, "If-None-Match", etag).statusCode());
    assertTrue(etag.contains("district"), etag);
    HttpResponse<byte[]> values = http.get(path + "&" + valueQuery());
    assertTrue(!values.headers().firstValue("ETag").orElse("").equals(etag), "value tiles differ");
  }

  @Test
  void concurrentIdenticalRequestsShareOneBuild() throws Exception {
    String path = "/api/export/province.pmtiles?maxzoom=10&minzoom=3";
    long before = spoolBuilds();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> http.get(path)));
      }
      byte[] first = null;
      for (Future<HttpResponse<byte[]>> f : answers) {
        HttpResponse<byte[]> r = f.get(60, TimeUnit.SECONDS);
        // the build takes the export slot; identical requests join it without one (no 503)
        assertEquals(200, r.statusCode());
        if (first != null) {
          assertArrayEquals(first, r.body());
        }
        first = r.body();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, spoolBuilds() - before, "one build for identical requests");
    http.get(path);
    assertEquals(1, spoolBuilds() - before, "kept for the next request");
  }

  @Test
  void badInputIsA4xxNamingTheParameter() {
    assertError(400, "maxzoom", "/api/export/subdistrict.pmtiles?maxzoom=15");
    assertError(400, "maxzoom", "/api/export/subdistrict.pmtiles?maxzoom=ten");
    assertError(400, "minzoom", "/api/export/subdistrict.pmtiles?minzoom=-1");
    assertError(400, "minzoom", "/api/export/subdistrict.pmtiles?minzoom=9&maxzoom=4");
    assertError(400, "year", "/api/export/subdistrict.pmtiles?year=2561");
    assertError(400, "zoom", "/api/export/subdistrict.pmtiles?zoom=3");
    assertError(404, "nowhere", "/api/export/nowhere.pmtiles");
    assertError(404, "indicator", "/api/export/province.pmtiles?indicator=no:such&year=2561");
    // a whole country to z14 is far past the limit: refused before any work
    ApiException e =
        assertThrows(
            ApiException.class,
            () ->
                PmtilesHandler.request(
                    server.live().snapshot(),
                    "subdistrict",
                    null,
                    null,
                    null,
                    "14",
                    new AreaExtent(null, new Envelope(97.3, 105.7, 5.6, 20.5), 0, 10)));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("'maxzoom'"), e.getMessage());
  }

  @Test
  void thePmtilesNpmReaderReadsTheServersArchiveOverRanges() throws Exception {
    Path web = Path.of("..", "web").toAbsolutePath().normalize();
    Path test = web.resolve("src/test/js/pmtiles-reader.test.mjs");
    Assumptions.assumeTrue(
        Files.isDirectory(web.resolve("node_modules/pmtiles")),
        "web/node_modules/pmtiles missing (npm ci in web/)");
    Assumptions.assumeTrue(hasNode(), "node not installed");
    int maxZoom = 10;
    ObjectNode expected = Json.MAPPER.createObjectNode();
    expected.put("level", "subdistrict");
    expected.put("minzoom", 0);
    expected.put("maxzoom", maxZoom);
    ArrayNode tiles = expected.putArray("tiles");
    ArrayNode ids = expected.putArray("ids");
    for (TileCoord c : coords(0, maxZoom)) {
      HttpResponse<byte[]> t = http.get(tilePath(c));
      ObjectNode o = tiles.addObject().put("z", c.z()).put("x", c.x()).put("y", c.y());
      if (t.statusCode() == 200) {
        o.put("mvt", Base64.getEncoder().encodeToString(t.body()));
      }
      ids.addArray().add(c.z()).add(c.x()).add(c.y()).add(TileIds.of(c));
    }
    Path file = tmp.resolve("expected-tiles.json");
    new ObjectMapper().writeValue(file.toFile(), expected);
    ProcessBuilder pb =
        new ProcessBuilder("node", "--test", test.toString())
            .directory(web.toFile())
            .redirectErrorStream(true);
    pb.environment()
        .put(
            "PHAENTHI_PMTILES_URL",
            "http://127.0.0.1:"
                + server.port()
                + "/api/export/subdistrict.pmtiles?maxzoom="
                + maxZoom);
    pb.environment().put("PHAENTHI_PMTILES_EXPECTED", file.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("# pass 1"), out);
  }

  private static boolean hasNode() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static void assertError(int status, String name, String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(status, r.statusCode(), path + ": " + new String(r.body()));
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(path + ": not JSON", e);
    }
    assertEquals(status, body.path("status").asInt());
    assertTrue(body.path("message").asText().contains(name), body.toString());
  }

  private static String valueQuery() {
    String[] iy = OgcFixture.indicatorWithSubdistrictData();
    return "indicator=" + HttpTestClient.enc(iy[0]) + "&year=" + iy[1];
  }

  private static List<TileCoord> coords(int min, int max) {
    Envelope e = server.live().snapshot().dataset().boundaries().extent();
    List<TileCoord> all = new ArrayList<>();
    for (int z = min; z <= max; z++) {
      all.addAll(TileCoord.covering(e, z));
    }
    return all;
  }

  private static String tilePath(TileCoord c) {
    return "/tiles/subdistrict/" + c.z() + "/" + c.x() + "/" + c.y() + ".mvt";
  }

  private static long spoolBuilds() {
    return server.exportSpool().builds();
  }

  private static Path download(String path) throws Exception {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), new String(r.body()));
    Path file = Files.createTempFile(tmp, "a", ".pmtiles");
    Files.write(file, r.body());
    return file;
  }

  private static byte[] gunzip(byte[] gz) throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
