package org.phaenthi.server.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
import org.phaenthi.server.http.VersionedUrls;
import org.phaenthi.tiles.TileCoord;

/**
 * The client cache policy of tiles and TileJSON: TileJSON's {@code tiles} names the part version
 * ({@code v=} the boundary version for geometry tiles, the value version for {@code ?indicator=}
 * tiles), a tile asked for with the served version is immutable — on Javalin's path and on the fast
 * path alike —, without {@code v} it keeps the configured {@code --cache-control}, with another
 * version it is revalidated; after a publish of new values the geometry tile's URL stays valid and
 * the value tile's old URL is no longer immutable.
 */
class TileVersionsTest {
  private static final TileCoord PHUKET = TileCoord.containing(98.39, 7.885, 10);
  private static final String CONFIGURED = "public, max-age=300";
  private static final String VALUES =
      "/api/values?level=subdistrict&indicator=test:rate&year=2561";

  @TempDir Path dir;
  private TestServers.OnStore running;
  private EmbeddedStore store;
  private PhaenthiServer server;
  private HttpTestClient http;

  @BeforeEach
  void start() {
    running = TestServers.onStore(dir, TestServers.dataset());
    store = running.store();
    server = running.server();
    http = running.http();
  }

  @AfterEach
  void stop() {
    running.close();
  }

  private static String cacheControl(HttpResponse<byte[]> r) {
    return r.headers().firstValue("Cache-Control").orElse("");
  }

  private static String etag(HttpResponse<byte[]> r) {
    return r.headers().firstValue("ETag").orElseThrow();
  }

  /** The path and query of TileJSON's first tile URL at the Phuket tile. */
  private static String tileOf(JsonNode tileJson) {
    URI u =
        URI.create(
            tileJson
                .get("tiles")
                .get(0)
                .asText()
                .replace("{z}", "" + PHUKET.z())
                .replace("{x}", "" + PHUKET.x())
                .replace("{y}", "" + PHUKET.y()));
    return u.getRawPath() + "?" + u.getRawQuery();
  }

  private static String v(String path) {
    return URI.create("http://x" + path).getQuery().replaceAll(".*(^|&)v=", "");
  }

  /** The same request on Javalin's path and on the fast path: same status, policy and bytes. */
  private HttpResponse<byte[]> both(String path, String... headers) {
    server.tileFastPath(false);
    HttpResponse<byte[]> slow = http.get(path, headers);
    server.tileFastPath(true);
    http.get(path, headers); // cached now, if it was not
    long before = server.tileFastPathAnswered();
    HttpResponse<byte[]> fast = http.get(path, headers);
    assertEquals(slow.statusCode(), fast.statusCode(), path);
    assertEquals(cacheControl(slow), cacheControl(fast), path);
    assertArrayEquals(slow.body(), fast.body(), path);
    if (fast.statusCode() < 400) {
      assertEquals(1, server.tileFastPathAnswered() - before, "fast path answered " + path);
    }
    return fast;
  }

  @Test
  void tileJsonNamesThePartVersionAndThatUrlIsImmutable() throws IOException {
    JsonNode meta = http.json("/api/meta");
    String boundary = meta.get("boundary_version").asText();
    JsonNode geometry = http.json("/tiles/subdistrict.json");
    assertEquals(boundary, geometry.get("version").asText());
    String geometryTile = tileOf(geometry);
    assertEquals(boundary, v(geometryTile), geometryTile);

    JsonNode values = http.json("/tiles/subdistrict.json?indicator=test:rate&year=2561");
    String valueTile = tileOf(values);
    String valueVersion =
        Json.MAPPER.readTree(http.get(VALUES).body()).get("data_version").asText();
    assertEquals(
        valueVersion, v(valueTile), "the value tile names its value version: " + valueTile);
    assertNotEquals(boundary, valueVersion);

    for (String tile : new String[] {geometryTile, valueTile}) {
      for (String encoding : new String[] {"gzip", "identity"}) {
        HttpResponse<byte[]> r = both(tile, "Accept-Encoding", encoding);
        assertEquals(200, r.statusCode(), tile);
        assertEquals(VersionedUrls.IMMUTABLE, cacheControl(r), tile + " " + encoding);
        HttpResponse<byte[]> revalidated = both(tile, "If-None-Match", etag(r));
        assertEquals(304, revalidated.statusCode());
        assertEquals(VersionedUrls.IMMUTABLE, cacheControl(revalidated));
      }
      String plain = tile.replaceAll("[?&]v=[^&]*$", "");
      HttpResponse<byte[]> unversioned = both(plain, "Accept-Encoding", "gzip");
      assertEquals(CONFIGURED, cacheControl(unversioned), "no v: the configured policy " + plain);
      assertEquals(etag(both(tile, "Accept-Encoding", "gzip")), etag(unversioned), "same tile");
      String other = plain + (plain.contains("?") ? "&" : "?") + "v=someotherversion";
      assertEquals(VersionedUrls.REVALIDATE, cacheControl(both(other, "Accept-Encoding", "gzip")));
    }

    // TileJSON itself: immutable when asked for with the version it names
    String tj = "/tiles/subdistrict.json?indicator=test:rate&year=2561";
    assertEquals(CONFIGURED, cacheControl(http.get(tj)));
    assertEquals(VersionedUrls.IMMUTABLE, cacheControl(http.get(tj + "&v=" + valueVersion)));
    assertEquals(VersionedUrls.REVALIDATE, cacheControl(http.get(tj + "&v=" + boundary)));
    assertEquals(
        VersionedUrls.IMMUTABLE, cacheControl(http.get("/tiles/subdistrict.json?v=" + boundary)));
  }

  @Test
  void aPublishOfNewValuesKeepsGeometryUrlsAndRetiresTheOldValueUrl() {
    String geometryTile = tileOf(http.json("/tiles/subdistrict.json"));
    String oldValueTile =
        tileOf(http.json("/tiles/subdistrict.json?indicator=test:rate&year=2561"));
    HttpResponse<byte[]> oldGeometry = http.get(geometryTile, "Accept-Encoding", "gzip");
    HttpResponse<byte[]> oldValues = http.get(oldValueTile, "Accept-Encoding", "gzip");

    Publication p =
        store.publish(TestServers.rateNumeratorsPlusOne(server.live().snapshot().dataset()));
    server.serve(store.load(p.id()));

    assertEquals(geometryTile, tileOf(http.json("/tiles/subdistrict.json")), "same boundary set");
    HttpResponse<byte[]> geometry = both(geometryTile, "Accept-Encoding", "gzip");
    assertEquals(VersionedUrls.IMMUTABLE, cacheControl(geometry));
    assertEquals(etag(oldGeometry), etag(geometry), "geometry tile unchanged");

    String newValueTile =
        tileOf(http.json("/tiles/subdistrict.json?indicator=test:rate&year=2561"));
    assertNotEquals(oldValueTile, newValueTile, "new values: a new URL");
    HttpResponse<byte[]> fresh = both(newValueTile, "Accept-Encoding", "gzip");
    assertEquals(VersionedUrls.IMMUTABLE, cacheControl(fresh));
    assertNotEquals(etag(oldValues), etag(fresh), "the new values' tile");

    // a client still on the old URL gets the current tile, which no cache may keep
    HttpResponse<byte[]> behind = both(oldValueTile, "Accept-Encoding", "gzip");
    assertEquals(etag(fresh), etag(behind));
    assertEquals(VersionedUrls.REVALIDATE, cacheControl(behind));
  }

  @Test
  void aMalformedVersionIsA400NamingIt() throws IOException {
    String tile = TileHandlerTest.path("subdistrict", PHUKET);
    http.get(tile, "Accept-Encoding", "gzip"); // cached: the fast path must still not answer
    for (String path :
        new String[] {
          tile + "?v=a%20b",
          tile + "?indicator=test:rate&v=%3Cx%3E",
          "/tiles/subdistrict.json?v=a%20b"
        }) {
      HttpResponse<byte[]> r = both(path, "Accept-Encoding", "gzip");
      assertEquals(400, r.statusCode(), path);
      JsonNode body = Json.MAPPER.readTree(r.body());
      assertTrue(body.get("message").asText().contains("'v'"), body.toString());
    }
  }
}
