package org.phaenthi.server.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.tiles.MvtDecoder;
import org.phaenthi.tiles.MvtFeature;
import org.phaenthi.tiles.MvtLayer;
import org.phaenthi.tiles.TileCoord;

/** Tiles over HTTP against a real embedded store built from the Phuket fixture. */
class TileHandlerTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;
  static HttpTestClient http;
  // Phuket town (Talat Yai, 830101) at z10.
  static final TileCoord PHUKET = TileCoord.containing(98.39, 7.885, 10);

  @BeforeAll
  static void start() {
    server = TestServers.start(TestServers.dataset(), tmp);
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String path(String level, TileCoord c) {
    return "/tiles/" + level + "/" + c.z() + "/" + c.x() + "/" + c.y() + ".mvt";
  }

  @Test
  void subdistrictTileHasAreasWithIdsNamesAndValues() throws IOException {
    HttpResponse<byte[]> r =
        http.get(
            path("subdistrict", PHUKET) + "?indicator=test:rate&year=2561",
            "Accept-Encoding",
            "gzip");
    assertEquals(200, r.statusCode());
    assertEquals(
        "application/vnd.mapbox-vector-tile", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElseThrow());
    List<MvtLayer> layers = MvtDecoder.decode(gunzip(r.body()));
    MvtLayer areas =
        layers.stream().filter(l -> l.name().equals("subdistrict")).findFirst().orElseThrow();
    assertEquals(4096, areas.extent());
    MvtFeature f =
        areas.features().stream()
            .filter(x -> x.id().orElse(-1) == 830101L)
            .findFirst()
            .orElseThrow();
    assertEquals("830101", f.properties().get("code"));
    assertNotNull(f.properties().get("name_th"));
    assertEquals(10.0, ((Number) f.properties().get("value")).doubleValue());
    assertTrue(f.geometry().isValid());
    MvtFeature noValue =
        areas.features().stream()
            .filter(x -> x.id().orElse(-1) == 830102L)
            .findFirst()
            .orElseThrow();
    assertTrue(!noValue.properties().containsKey("value"), "a missing value is absent, never 0");
  }

  @Test
  void lowZoomSubdistrictTilesCarryCodesButNotNames() throws IOException {
    TileCoord z4 = TileCoord.containing(98.39, 7.885, 4);
    HttpResponse<byte[]> r = http.get(path("subdistrict", z4));
    MvtLayer areas =
        MvtDecoder.decode(r.body()).stream()
            .filter(l -> l.name().equals("subdistrict"))
            .findFirst()
            .orElseThrow();
    assertTrue(areas.features().size() > 0);
    for (MvtFeature f : areas.features()) {
      assertNotNull(f.properties().get("code"));
      assertTrue(!f.properties().containsKey("name_th"), "no names below z5");
    }
    MvtLayer provinces =
        MvtDecoder.decode(http.get(path("province", z4)).body()).stream()
            .filter(l -> l.name().equals("province"))
            .findFirst()
            .orElseThrow();
    assertEquals("ภูเก็ต", provinces.features().get(0).properties().get("name_th"));
  }

  @Test
  void etagIsStrongAndIfNoneMatchGives304() {
    HttpResponse<byte[]> a = http.get(path("province", PHUKET));
    String etag = a.headers().firstValue("ETag").orElseThrow();
    assertTrue(etag.startsWith("\"" + server.live().snapshot().boundaryVersion() + "-"), etag);
    HttpResponse<byte[]> b = http.get(path("province", PHUKET), "If-None-Match", etag);
    assertEquals(304, b.statusCode());
    assertEquals(0, b.body().length);
    HttpResponse<byte[]> c = http.get(path("province", PHUKET));
    assertArrayEquals(a.body(), c.body(), "uncompressed when gzip is not accepted; same bytes");
    assertTrue(a.headers().firstValue("Cache-Control").orElseThrow().contains("max-age"));
  }

  @Test
  void aNewDataVersionNeverServesAnOldTile() {
    String path = path("subdistrict", PHUKET) + "?indicator=test:rate&year=2561";
    String before = http.get(path).headers().firstValue("ETag").orElseThrow();
    var old = server.live().snapshot().dataset();
    String oldVersion = old.valueVersion("test:rate", new SurveyYear(2561));
    try {
      server.serve(
          org.phaenthi.boundaries.Dataset.of(
              "testversion2",
              old.importedAt(),
              old.boundaries(),
              old.indicators(),
              old.blobs(),
              old.report()));
      HttpResponse<byte[]> after = http.get(path, "If-None-Match", before);
      assertEquals(200, after.statusCode(), "the old ETag does not match the new version");
      String now = server.live().snapshot().valueVersion("test:rate", new SurveyYear(2561));
      assertTrue(after.headers().firstValue("ETag").orElseThrow().startsWith("\"" + now + "-"));
      assertEquals(0, server.tileCache().peekCount(oldVersion), "old version's tiles dropped");
    } finally {
      server.serve(old);
    }
  }

  @Test
  void seaIsNoContentAndBadCoordinatesAre400() {
    assertEquals(204, http.get("/tiles/province/10/0/0.mvt").statusCode());
    assertEquals(400, http.get("/tiles/province/15/0/0.mvt").statusCode());
    assertEquals(400, http.get("/tiles/province/3/8/0.mvt").statusCode());
    assertEquals(400, http.get("/tiles/province/3/a/0.mvt").statusCode());
    assertEquals(400, http.get("/tiles/province/3/-1/0.mvt").statusCode());
    assertEquals(404, http.get("/tiles/village/3/0/0.mvt").statusCode());
    assertEquals(404, http.get(path("province", PHUKET) + "?indicator=nope").statusCode());
    assertEquals(400, http.get(path("province", PHUKET) + "?year=2561").statusCode());
    assertEquals(400, http.get(path("province", PHUKET) + "?colour=1").statusCode());
  }

  @Test
  void tileJsonDescribesLayersAndAttribution() {
    JsonNode t = http.json("/tiles/subdistrict.json?indicator=test:rate&year=2561");
    assertEquals("3.0.0", t.get("tilejson").asText());
    assertTrue(
        t.get("tiles")
            .get(0)
            .asText()
            .endsWith(
                "/tiles/subdistrict/{z}/{x}/{y}.mvt?indicator=test%3Arate&year=2561&v="
                    + t.get("version").asText()));
    assertEquals("subdistrict", t.get("vector_layers").get(0).get("id").asText());
    assertTrue(t.get("vector_layers").get(0).get("fields").has("value"));
    assertEquals("subdistrict_borders", t.get("vector_layers").get(1).get("id").asText());
    assertTrue(t.get("attribution").asText().contains("CC BY 3.0 IGO"));
    assertTrue(
        t.get("attribution")
            .asText()
            .contains(org.phaenthi.server.export.ExportMetadata.INDICATOR_LICENCE),
        "the TPMAP licence statement next to the boundaries' licence");
    assertEquals(404, http.get("/tiles/village.json").statusCode());
  }

  @Test
  void metricsCountHitsAndMisses() {
    http.get(path("district", PHUKET));
    http.get(path("district", PHUKET));
    String m = new String(http.get("/metrics").body());
    assertTrue(m.contains("phaenthi_tiles_cache_total{result=\"hit\"}"), m);
    assertTrue(m.contains("phaenthi_tiles_render_seconds"), m);
  }

  static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
