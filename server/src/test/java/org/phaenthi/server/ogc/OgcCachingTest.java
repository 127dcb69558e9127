package org.phaenthi.server.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * The cache policy of OGC API answers ({@link OgcCaching}): their URLs name no version, so every
 * answer is {@code public, no-cache} with a weak ETag of the parts it reads, answered 304 on {@code
 * If-None-Match} with the same validators; a new value set changes the ETag of items with that
 * indicator and of the documents keyed on the data version, never of plain (geometry-only) items;
 * the format is part of the ETag and of {@code Vary}.
 */
class OgcCachingTest {
  private static final String REVALIDATE = "public, no-cache";
  private static final String ITEMS = "/ogc/collections/subdistrict/items?limit=5";
  private static final String RATE_ITEMS = ITEMS + "&indicator=test:rate&year=2561";

  @TempDir Path dir;
  private TestServers.OnStore on;
  private EmbeddedStore store;
  private PhaenthiServer server;
  private HttpTestClient http;

  @BeforeEach
  void start() {
    on = TestServers.onStore(dir, TestServers.dataset());
    store = on.store();
    server = on.server();
    http = on.http();
  }

  @AfterEach
  void stop() {
    on.close();
  }

  private static String header(HttpResponse<byte[]> r, String name) {
    return String.join(", ", r.headers().allValues(name));
  }

  private List<String> resources() {
    String code =
        http.json("/ogc/collections/subdistrict/items?limit=1")
            .path("features")
            .get(0)
            .path("id")
            .asText();
    return List.of(
        "/ogc",
        "/ogc?f=html",
        "/ogc/conformance",
        "/ogc/api",
        "/ogc/collections",
        "/ogc/collections?f=html",
        "/ogc/collections/subdistrict",
        "/ogc/collections/subdistrict/queryables",
        "/ogc/collections/subdistrict/schema?indicator=test:rate",
        ITEMS,
        ITEMS + "&f=html",
        RATE_ITEMS,
        "/ogc/collections/subdistrict/items/" + code,
        "/ogc/style.css");
  }

  @Test
  void everyAnswerIsRevalidatedAndA304KeepsItsValidators() {
    for (String path : resources()) {
      HttpResponse<byte[]> ok = http.get(path);
      assertEquals(200, ok.statusCode(), path);
      assertEquals(REVALIDATE, header(ok, "Cache-Control"), path);
      String etag = header(ok, "ETag");
      assertTrue(etag.matches("W/\"[^\"]+\""), path + " ETag " + etag);

      HttpResponse<byte[]> same = http.get(path, "If-None-Match", etag);
      assertEquals(304, same.statusCode(), path);
      assertEquals(0, same.body().length, path);
      assertEquals(etag, header(same, "ETag"), path);
      assertEquals(REVALIDATE, header(same, "Cache-Control"), path);
      assertEquals(header(ok, "Vary"), header(same, "Vary"), path);
      // a list naming it, and the strong form of the same tag, match too (weak comparison)
      String opaque = etag.substring(2);
      assertEquals(304, http.get(path, "If-None-Match", "\"other\", " + opaque).statusCode());
      assertEquals(200, http.get(path, "If-None-Match", "W/\"other\"").statusCode(), path);
    }
  }

  @Test
  void negotiatedAnswersVaryOnAcceptAndTheFormatIsInTheEtag() {
    HttpResponse<byte[]> json = http.get(ITEMS);
    HttpResponse<byte[]> html = http.get(ITEMS, "Accept", "text/html");
    assertTrue(header(html, "Content-Type").startsWith("text/html"));
    assertNotEquals(header(json, "ETag"), header(html, "ETag"));
    for (HttpResponse<byte[]> r : List.of(json, html)) {
      String vary = header(r, "Vary");
      assertTrue(vary.contains("Accept") && vary.contains("Accept-Encoding"), vary);
    }
    // the HTML page's ETag does not validate the JSON answer
    assertEquals(200, http.get(ITEMS, "If-None-Match", header(html, "ETag")).statusCode());
    // the stylesheet is not negotiated
    assertFalse(header(http.get("/ogc/style.css"), "Vary").contains("Accept,"));
  }

  @Test
  void aNewValueSetLeavesGeometryOnlyItemsValid() {
    Map<String, String> before = new LinkedHashMap<>();
    for (String path : resources()) {
      before.put(path, header(http.get(path), "ETag"));
    }
    Publication p =
        store.publish(TestServers.rateNumeratorsPlusOne(server.live().snapshot().dataset()));
    server.serve(store.load(p.id()));

    for (String path : List.of(ITEMS, ITEMS + "&f=html", resources().get(12))) {
      assertEquals(before.get(path), header(http.get(path), "ETag"), path);
      assertEquals(304, http.get(path, "If-None-Match", before.get(path)).statusCode(), path);
    }
    // what reads the new values (or the whole publication) is a new answer
    for (String path :
        List.of(
            RATE_ITEMS,
            "/ogc",
            "/ogc/collections",
            "/ogc/collections/subdistrict/schema?indicator=test:rate")) {
      String old = before.get(path);
      HttpResponse<byte[]> r = http.get(path, "If-None-Match", old);
      assertEquals(200, r.statusCode(), path);
      assertNotEquals(old, header(r, "ETag"), path);
    }
  }

  @Test
  void errorsAreNotKeptWithoutRevalidationAndHaveNoEtag() {
    for (String path :
        List.of("/ogc?f=xml", "/ogc/collections/nowhere", "/ogc/collections/subdistrict/items/1")) {
      HttpResponse<byte[]> r = http.get(path);
      assertTrue(r.statusCode() == 400 || r.statusCode() == 404, path + " " + r.statusCode());
      assertEquals("", header(r, "ETag"), path);
      String cc = header(r, "Cache-Control");
      assertFalse(cc.contains("max-age") && !cc.contains("max-age=0"), path + " " + cc);
    }
  }
}
