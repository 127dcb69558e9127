package org.phaenthi.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * Absolute links (OGC API, TileJSON) come from {@code --public-url}, or from the request where
 * forwarded headers count only from a trusted proxy and are validated; the responses carry
 * Cache-Control and, where the links follow forwarded headers, Vary on them.
 */
class ForwardedUrlsTest {
  @TempDir Path tmp;

  static final String[] POISON = {
    "X-Forwarded-Proto", "javascript", "X-Forwarded-Host", "evil.example"
  };

  @Test
  void forwardedHeadersFromAnyClientAreIgnored() throws IOException {
    try (PhaenthiServer server = TestServers.start(TestServers.dataset(), tmp)) {
      HttpTestClient http = new HttpTestClient(server.port());
      String own = "http://127.0.0.1:" + server.port();
      assertLinksAt(own + "/", links(http.get("/ogc?f=json", POISON)));
      String html = new String(http.get("/ogc?f=html", POISON).body(), StandardCharsets.UTF_8);
      assertFalse(html.contains("javascript:"), html);
      assertFalse(html.contains("evil.example"), html);
      JsonNode tj = json(http.get("/tiles/province.json", POISON));
      assertEquals(
          own + "/tiles/province/{z}/{x}/{y}.mvt?v=" + tj.get("version").asText(),
          tj.get("tiles").get(0).asText());
      HttpResponse<byte[]> next =
          http.get("/ogc/collections/subdistrict/items?f=json&limit=2", POISON);
      assertLinksAt(own + "/", links(next));
    }
  }

  @Test
  void thePublicUrlIsTheBaseWhateverTheRequestSays() throws IOException {
    try (PhaenthiServer server =
        TestServers.start(
            TestServers.dataset(),
            tmp,
            "--public-url",
            "https://map.example.org/thai/",
            "--trusted-proxies",
            "127.0.0.1")) {
      HttpTestClient http = new HttpTestClient(server.port());
      String[] forwarded = {"X-Forwarded-Proto", "http", "X-Forwarded-Host", "other.example"};
      assertLinksAt(
          "https://map.example.org/thai/", links(http.get("/ogc/collections?f=json", forwarded)));
      HttpResponse<byte[]> r = http.get("/tiles/province.json", forwarded);
      assertEquals(
          "https://map.example.org/thai/tiles/province/{z}/{x}/{y}.mvt?v="
              + json(r).get("version").asText(),
          json(r).get("tiles").get(0).asText());
      // the links cannot change with the request, so nothing to vary on but Origin
      assertFalse(vary(r).contains("x-forwarded-host"), vary(r).toString());
    }
  }

  @Test
  void aTrustedProxyIsHonouredAndValidated() throws IOException {
    try (PhaenthiServer server =
        TestServers.start(TestServers.dataset(), tmp, "--trusted-proxies", "127.0.0.0/8")) {
      HttpTestClient http = new HttpTestClient(server.port());
      HttpResponse<byte[]> ok =
          http.get(
              "/tiles/province.json",
              "X-Forwarded-Proto",
              "https",
              "X-Forwarded-Host",
              "map.example.org");
      assertEquals(200, ok.statusCode());
      assertEquals(
          "https://map.example.org/tiles/province/{z}/{x}/{y}.mvt?v="
              + json(ok).get("version").asText(),
          json(ok).get("tiles").get(0).asText());
      assertTrue(
          vary(ok).containsAll(List.of("x-forwarded-host", "x-forwarded-proto")),
          vary(ok).toString());
      for (String href :
          links(http.get("/ogc?f=json", "Forwarded", "proto=https;host=a.example"))) {
        assertTrue(href.startsWith("https://a.example/"), href);
      }
      HttpResponse<byte[]> bad = http.get("/ogc?f=html", "X-Forwarded-Proto", "javascript");
      assertEquals(400, bad.statusCode());
      JsonNode err = json(bad);
      assertEquals(400, err.get("status").asInt());
      assertTrue(err.get("message").asText().contains("X-Forwarded-Proto"), err.toString());
      HttpResponse<byte[]> badHost =
          http.get("/tiles/province.json", "X-Forwarded-Host", "evil.example/<script>");
      assertEquals(400, badHost.statusCode(), new String(badHost.body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void ogcAndTileJsonSayHowLongTheyMayBeCached() throws IOException {
    try (PhaenthiServer server = TestServers.start(TestServers.dataset(), tmp)) {
      HttpTestClient http = new HttpTestClient(server.port());
      // OGC answers: a shared cache keeps them but asks again, with the ETag of the data they
      // read (OgcCaching; OgcCachingTest has the 304s)
      for (String path :
          List.of(
              "/ogc?f=json",
              "/ogc/conformance?f=json",
              "/ogc/collections?f=html",
              "/ogc/collections/province/items?f=json")) {
        HttpResponse<byte[]> r = http.get(path);
        assertEquals(200, r.statusCode(), path);
        assertEquals(
            "public, no-cache", r.headers().firstValue("Cache-Control").orElse(null), path);
        assertTrue(r.headers().firstValue("ETag").isPresent(), path);
      }
      // an unversioned TileJSON: five minutes (a versioned one is immutable: TileVersionsTest)
      HttpResponse<byte[]> tj = http.get("/tiles/province.json");
      assertEquals(200, tj.statusCode());
      assertEquals("public, max-age=300", tj.headers().firstValue("Cache-Control").orElse(null));
    }
  }

  /**
   * The server's own links all start with {@code base}; the others are fixed external references
   * (the licence, OGC specifications), never a host or scheme the request named.
   */
  static void assertLinksAt(String base, List<String> hrefs) {
    assertTrue(hrefs.stream().anyMatch(h -> h.startsWith(base)), hrefs.toString());
    for (String href : hrefs) {
      assertTrue(
          href.startsWith(base)
              || href.startsWith("https://creativecommons.org/")
              || href.startsWith("http://www.opengis.net/")
              || href.startsWith("https://www.tpmap.in.th/"),
          href);
    }
  }

  static List<String> vary(HttpResponse<byte[]> r) {
    return r.headers().allValues("Vary").stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(v -> v.trim().toLowerCase(java.util.Locale.ROOT))
        .toList();
  }

  static JsonNode json(HttpResponse<byte[]> r) throws IOException {
    return Json.MAPPER.readTree(r.body());
  }

  /** Every {@code href} in a JSON response. */
  static List<String> links(HttpResponse<byte[]> r) throws IOException {
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    return json(r).findValuesAsText("href");
  }
}
