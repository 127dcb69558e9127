package org.phaenthi.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * Part versions in cache keys and ETags, and the publication history over HTTP: publishing a new
 * value set of one year changes no geometry-tile ETag and drops no cached geometry tile, while that
 * year's value tiles and values change and the other year's do not; a rollback in one request
 * brings back the earlier values and their ETags.
 */
class PublicationsTest {
  private static final String TOKEN = "s3cret-admin";
  private static final List<String> GEOMETRY_TILES =
      List.of(
          "/tiles/province/8/199/124.mvt",
          "/tiles/district/8/199/124.mvt",
          "/tiles/subdistrict/10/797/496.mvt",
          "/tiles/subdistrict/9/398/248.mvt");
  private static final String VALUE_TILE_61 =
      "/tiles/subdistrict/10/797/496.mvt?indicator=test:rate&year=2561";
  private static final String VALUES_61 =
      "/api/values?level=subdistrict&indicator=test:rate&year=2561";
  private static final String VALUES_66 =
      "/api/values?level=province&indicator=tpmap:households_surveyed&year=2566";

  @TempDir Path dir;
  private TestServers.OnStore on;
  private EmbeddedStore store;
  private PhaenthiServer server;
  private HttpTestClient http;

  @BeforeEach
  void start() {
    on = TestServers.onStore(dir, TestServers.dataset(), "--admin-token", TOKEN);
    store = on.store();
    server = on.server();
    http = on.http();
  }

  @AfterEach
  void stop() {
    on.close();
  }

  private String etag(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertTrue(r.statusCode() == 200 || r.statusCode() == 204, path + " → " + r.statusCode());
    return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag " + path));
  }

  @Test
  void newValuesChangeNoGeometryETagAndDropNoGeometryTile() {
    Map<String, String> geometryBefore = new LinkedHashMap<>();
    GEOMETRY_TILES.forEach(t -> geometryBefore.put(t, etag(t)));
    String geometryJson = etag("/api/geometry/district?zoom=8");
    String tileJson = http.json("/tiles/subdistrict.json").get("version").asText();
    String valueTileJson =
        http.json("/tiles/subdistrict.json?indicator=test:rate&year=2561").get("version").asText();
    String valueTile = etag(VALUE_TILE_61);
    String values61 = etag(VALUES_61);
    String values66 = etag(VALUES_66);
    String boundaries = server.live().snapshot().boundaryVersion();
    long cachedGeometry = server.tileCache().peekCount(boundaries);
    assertEquals(GEOMETRY_TILES.size(), cachedGeometry, "every geometry tile is cached");

    Publication p =
        store.publish(TestServers.rateNumeratorsPlusOne(server.live().snapshot().dataset()));
    server.serve(store.load(p.id()));

    assertEquals(boundaries, server.live().snapshot().boundaryVersion());
    assertEquals(
        cachedGeometry,
        server.tileCache().peekCount(boundaries),
        "no cached geometry tile was dropped");
    Map<String, String> geometryAfter = new LinkedHashMap<>();
    GEOMETRY_TILES.forEach(t -> geometryAfter.put(t, etag(t)));
    assertEquals(geometryBefore, geometryAfter, "0 geometry-tile ETags changed");
    assertEquals(geometryJson, etag("/api/geometry/district?zoom=8"));
    assertEquals(tileJson, http.json("/tiles/subdistrict.json").get("version").asText());
    assertNotEquals(
        valueTileJson,
        http.json("/tiles/subdistrict.json?indicator=test:rate&year=2561").get("version").asText());
    assertNotEquals(valueTile, etag(VALUE_TILE_61), "the value tile of the changed year");
    assertNotEquals(values61, etag(VALUES_61), "the values of the changed year");
    assertEquals(values66, etag(VALUES_66), "the other year's values are unchanged");
    // A geometry ETag from before revalidates: 304, not a new download.
    String t = GEOMETRY_TILES.get(0);
    assertEquals(304, http.get(t, "If-None-Match", geometryBefore.get(t)).statusCode());
  }

  @Test
  void ogcItemsWithoutAnIndicatorKeepTheirETagWhenNewValuesArePublished() {
    String items = "/ogc/collections/subdistrict/items?limit=5";
    String one = "/ogc/collections/district/items/8301";
    String html = "/ogc/collections/subdistrict/items?limit=5&f=html";
    String withValues = "/ogc/collections/subdistrict/items?indicator=test:rate&year=2561";
    String itemsBefore = etag(items);
    String oneBefore = etag(one);
    String htmlBefore = etag(html);
    String valuesBefore = etag(withValues);
    assertTrue(itemsBefore.startsWith("W/\""), itemsBefore);
    assertNotEquals(itemsBefore, htmlBefore, "another format, another ETag");
    assertNotEquals(itemsBefore, etag("/ogc/collections/subdistrict/items?limit=6"));
    assertEquals(304, http.get(items, "If-None-Match", itemsBefore).statusCode());

    Publication p =
        store.publish(TestServers.rateNumeratorsPlusOne(server.live().snapshot().dataset()));
    server.serve(store.load(p.id()));

    assertEquals(itemsBefore, etag(items), "items without an indicator: boundary set only");
    assertEquals(oneBefore, etag(one));
    assertEquals(htmlBefore, etag(html));
    assertEquals(304, http.get(one, "If-None-Match", oneBefore).statusCode());
    assertNotEquals(valuesBefore, etag(withValues), "items with the changed year's values");
    assertEquals(200, http.get(withValues, "If-None-Match", valuesBefore).statusCode());
  }

  @Test
  void rollbackInOneRequestRestoresTheEarlierValuesAndTheirETags() throws Exception {
    String values61 = etag(VALUES_61);
    double before = http.json(VALUES_61).get("values").get(0).get("numerator").asDouble();
    Publication p =
        store.publish(TestServers.rateNumeratorsPlusOne(server.live().snapshot().dataset()));
    server.serve(store.load(p.id()));
    assertNotEquals(values61, etag(VALUES_61));
    assertEquals(before + 1, http.json(VALUES_61).get("values").get(0).get("numerator").asDouble());

    HttpClient c = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + server.port();
    HttpResponse<String> none =
        c.send(
            HttpRequest.newBuilder(URI.create(base + "/admin/api/publications/1/publish"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, none.statusCode(), none.body());
    HttpResponse<String> missing =
        c.send(
            HttpRequest.newBuilder(URI.create(base + "/admin/api/publications/99/publish"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, missing.statusCode(), missing.body());
    HttpResponse<String> r =
        c.send(
            HttpRequest.newBuilder(
                    URI.create(base + "/admin/api/publications/1/publish?note=bad%20upload"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode(), r.body());
    JsonNode made = Json.MAPPER.readTree(r.body());
    assertEquals(3, made.get("id").asInt());
    assertEquals(1, made.get("republish_of").asInt());

    assertEquals(values61, etag(VALUES_61), "the earlier values' ETag is back");
    assertEquals(before, http.json(VALUES_61).get("values").get(0).get("numerator").asDouble());
    JsonNode list = http.json("/api/publications");
    assertEquals(3, list.get("served").asInt());
    assertEquals(3, list.get("publications").size());
    assertEquals(3, list.get("publications").get(0).get("id").asInt(), "newest first");
    assertEquals("bad upload", list.get("publications").get(0).get("note").asText());
    assertEquals("new 2561 values", list.get("publications").get(1).get("note").asText());
    assertTrue(list.get("publications").get(0).get("served").asBoolean());
  }
}
