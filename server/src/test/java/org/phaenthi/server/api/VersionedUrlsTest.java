package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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

/**
 * The client cache policy of data responses: a URL naming the served version ({@code v=}) is
 * immutable, every other one is revalidated, and after a publish the next request of a client that
 * follows {@code /api/meta} gets the new values, never the ones a cache kept.
 */
class VersionedUrlsTest {
  private static final String VALUES = "/api/values?level=district&indicator=test:rate&year=2561";
  private static final String GEOMETRY = "/api/geometry/district?zoom=8";

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

  private static JsonNode json(HttpResponse<byte[]> r) {
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cacheControl(HttpResponse<byte[]> r) {
    return r.headers().firstValue("Cache-Control").orElse("");
  }

  private static String etag(HttpResponse<byte[]> r) {
    return r.headers().firstValue("ETag").orElseThrow();
  }

  /** The numerator of the first area with one, as text. */
  private static String firstNumerator(HttpResponse<byte[]> r) {
    for (JsonNode row : json(r).get("values")) {
      if (row.hasNonNull("numerator")) {
        return row.get("code").asText() + "=" + row.get("numerator").asText();
      }
    }
    throw new AssertionError("no numerator in " + new String(r.body()));
  }

  @Test
  void aUrlNamingTheServedVersionIsImmutableOthersAreRevalidated() {
    JsonNode meta = http.json("/api/meta");
    String version = meta.get("data_version").asText();
    HttpResponse<byte[]> versioned = http.get(VALUES + "&v=" + version);
    assertEquals(200, versioned.statusCode());
    assertEquals(VersionedUrls.IMMUTABLE, cacheControl(versioned));
    assertTrue(cacheControl(versioned).contains("immutable"));

    HttpResponse<byte[]> plain = http.get(VALUES);
    assertEquals(200, plain.statusCode());
    assertEquals("public, no-cache", cacheControl(plain), "version-less: revalidate every use");
    assertEquals(etag(versioned), etag(plain), "same answer, same validator");
    HttpResponse<byte[]> revalidated = http.get(VALUES, "If-None-Match", etag(plain));
    assertEquals(304, revalidated.statusCode(), "an unchanged answer revalidates as 304");
    assertEquals("public, no-cache", cacheControl(revalidated));

    HttpResponse<byte[]> other = http.get(VALUES + "&v=someotherversion");
    assertEquals(200, other.statusCode());
    assertEquals("public, no-cache", cacheControl(other), "not the served version: not immutable");

    String boundary = meta.get("boundary_version").asText();
    assertEquals(VersionedUrls.IMMUTABLE, cacheControl(http.get(GEOMETRY + "&v=" + boundary)));
    assertEquals("public, no-cache", cacheControl(http.get(GEOMETRY)));
    assertEquals(
        VersionedUrls.IMMUTABLE,
        cacheControl(
            http.get("/api/classes?level=district&indicator=test:rate&year=2561&v=" + version)));
  }

  @Test
  void afterAPublishTheNextVersionedRequestHasTheNewValues() {
    JsonNode meta = http.json("/api/meta");
    String before = meta.get("data_version").asText();
    String boundary = meta.get("boundary_version").asText();
    HttpResponse<byte[]> old = http.get(VALUES + "&v=" + before);
    HttpResponse<byte[]> oldPlain = http.get(VALUES);
    HttpResponse<byte[]> oldGeometry = http.get(GEOMETRY + "&v=" + boundary);

    Publication p =
        store.publish(TestServers.rateNumeratorsPlusOne(server.live().snapshot().dataset()));
    server.serve(store.load(p.id()));

    JsonNode after = http.json("/api/meta");
    String now = after.get("data_version").asText();
    assertNotEquals(before, now, "a new value set is a new data version: a new URL");
    HttpResponse<byte[]> fresh = http.get(VALUES + "&v=" + now);
    assertEquals(VersionedUrls.IMMUTABLE, cacheControl(fresh));
    assertNotEquals(firstNumerator(old), firstNumerator(fresh), "the new values");

    // a cache that kept the version-less answer asks again and gets the new one, not a 304
    HttpResponse<byte[]> revalidated = http.get(VALUES, "If-None-Match", etag(oldPlain));
    assertEquals(200, revalidated.statusCode());
    assertEquals(firstNumerator(fresh), firstNumerator(revalidated));

    // a client still on the old version gets the current values, which no cache may keep for long
    HttpResponse<byte[]> behind = http.get(VALUES + "&v=" + before);
    assertEquals(firstNumerator(fresh), firstNumerator(behind));
    assertEquals("public, no-cache", cacheControl(behind));

    // geometry follows the boundary set only: the same URL stays valid and immutable
    assertEquals(boundary, after.get("boundary_version").asText());
    HttpResponse<byte[]> geometry = http.get(GEOMETRY + "&v=" + boundary);
    assertEquals(VersionedUrls.IMMUTABLE, cacheControl(geometry));
    assertEquals(etag(oldGeometry), etag(geometry));
  }

  @Test
  void aMalformedVersionIsA400NamingIt() {
    for (String path : new String[] {VALUES + "&v=a%20b", GEOMETRY + "&v=%3Cx%3E"}) {
      HttpResponse<byte[]> r = http.get(path);
      assertEquals(400, r.statusCode(), path);
      JsonNode body = json(r);
      assertEquals(400, body.get("status").asInt());
      assertTrue(body.get("message").asText().contains("'v'"), body.toString());
    }
  }
}
