package org.phaenthi.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phaenthi.server.http.ForwardedUrlsTest.vary;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.tiles.TileCoord;

/**
 * CORS with a restricted origin list and with the default {@code *}; HEAD answered as the GET
 * without a body; OPTIONS only where CORS applies.
 */
class CorsAndMethodsTest {
  @TempDir static Path tmp;
  static PhaenthiServer restricted;
  static PhaenthiServer open;
  static HttpTestClient r;
  static HttpTestClient o;
  static final String ALLOWED = "https://province.example";
  static final TileCoord PHUKET = TileCoord.containing(98.39, 7.885, 10);
  static final String TILE =
      "/tiles/subdistrict/" + PHUKET.z() + "/" + PHUKET.x() + "/" + PHUKET.y() + ".mvt";

  @BeforeAll
  static void start() {
    restricted =
        TestServers.start(
            TestServers.dataset(),
            tmp.resolve("r"),
            "--cors-origins",
            ALLOWED + ", https://other.example",
            "--admin-token",
            "tok");
    open = TestServers.start(TestServers.dataset(), tmp.resolve("o"), "--admin-token", "tok");
    r = new HttpTestClient(restricted.port());
    o = new HttpTestClient(open.port());
  }

  @AfterAll
  static void stop() {
    restricted.close();
    open.close();
  }

  static Optional<String> acao(HttpResponse<byte[]> res) {
    return res.headers().firstValue("Access-Control-Allow-Origin");
  }

  @Test
  void publicReadsVaryOnOriginWhetherOrNotOneIsSent() {
    for (String path :
        List.of(
            "/api/levels", "/api/values?level=province&indicator=test:rate", TILE, "/ogc?f=json")) {
      HttpResponse<byte[]> none = r.get(path, "Accept-Encoding", "gzip");
      assertEquals(200, none.statusCode(), path);
      assertTrue(vary(none).contains("origin"), path + " " + vary(none));
      assertFalse(acao(none).isPresent(), path);
      // a second ask of a tile is answered by the fast path: still Vary: Origin
      HttpResponse<byte[]> again = r.get(path, "Accept-Encoding", "gzip");
      assertEquals(vary(none), vary(again), path);
      HttpResponse<byte[]> allowed = r.get(path, "Accept-Encoding", "gzip", "Origin", ALLOWED);
      assertEquals(Optional.of(ALLOWED), acao(allowed), path);
      assertTrue(vary(allowed).contains("origin"), path);
      assertFalse(allowed.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
      assertTrue(
          allowed
              .headers()
              .firstValue("Access-Control-Expose-Headers")
              .orElse("")
              .contains("ETag"));
    }
  }

  @Test
  void aDisallowedOriginGetsTheSameAnswerWithoutTheCorsHeader() {
    HttpResponse<byte[]> plain = r.get("/api/levels");
    HttpResponse<byte[]> other = r.get("/api/levels", "Origin", "https://evil.example");
    assertEquals(200, other.statusCode());
    assertFalse(acao(other).isPresent());
    assertTrue(vary(other).contains("origin"));
    assertArrayEquals(plain.body(), other.body());
    // a preflight from it gets no approval either
    HttpResponse<byte[]> pre =
        r.send(
            "OPTIONS",
            "/api/levels",
            "Origin",
            "https://evil.example",
            "Access-Control-Request-Method",
            "GET");
    assertFalse(acao(pre).isPresent());
  }

  @Test
  void adminRoutesNeverAnswerCors() {
    for (HttpTestClient c : List.of(r, o)) {
      HttpResponse<byte[]> pre =
          c.send(
              "OPTIONS",
              "/admin/import",
              "Origin",
              ALLOWED,
              "Access-Control-Request-Method",
              "POST",
              "Access-Control-Request-Headers",
              "authorization");
      assertFalse(acao(pre).isPresent(), "preflight to admin approved");
      assertFalse(pre.headers().firstValue("Access-Control-Allow-Methods").isPresent());
      assertFalse(pre.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
      assertTrue(pre.statusCode() == 404 || pre.statusCode() == 405, "" + pre.statusCode());
      HttpResponse<byte[]> post =
          c.send("POST", "/admin/import", "Origin", ALLOWED, "Authorization", "Bearer nope");
      assertEquals(401, post.statusCode());
      assertFalse(acao(post).isPresent());
    }
  }

  @Test
  void theDefaultStarApprovesPublicReadsWithoutCredentials() {
    HttpResponse<byte[]> res = o.get("/api/levels", "Origin", "https://any.example");
    assertEquals(Optional.of("https://any.example"), acao(res));
    assertTrue(vary(res).contains("origin"));
    assertFalse(res.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
    HttpResponse<byte[]> pre =
        o.send(
            "OPTIONS",
            "/api/values",
            "Origin",
            "https://any.example",
            "Access-Control-Request-Method",
            "GET");
    assertEquals(200, pre.statusCode());
    assertEquals(Optional.of("https://any.example"), acao(pre));
    assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
  }

  @Test
  void optionsAnswersOnlyWhereCorsApplies() {
    assertEquals(404, o.send("OPTIONS", "/nope").statusCode());
    assertEquals(404, o.send("OPTIONS", "/nope", "Origin", ALLOWED).statusCode());
    HttpResponse<byte[]> plain = o.send("OPTIONS", "/api/levels");
    assertEquals(405, plain.statusCode(), "not a preflight: the route takes GET only");
    assertTrue(new String(plain.body(), StandardCharsets.UTF_8).contains("\"status\":405"));
  }

  @Test
  void headGivesTheGetsStatusAndHeadersWithoutABody() {
    String[][] cases = {
      {"/api/values?level=foo&indicator=test:rate"},
      {"/tiles/province/99/0/0.mvt"},
      {"/api/export/nope.csv"},
      {"/api/levels"},
      {TILE, "Accept-Encoding", "gzip"},
      {TILE},
      {"/tiles/province.json"},
      {"/api/export/province.csv?indicator=test:rate"},
      {"/ogc?f=html"},
      {"/"},
    };
    for (String[] c : cases) {
      String[] headers = java.util.Arrays.copyOfRange(c, 1, c.length);
      HttpResponse<byte[]> get = o.get(c[0], headers);
      HttpResponse<byte[]> head = o.send("HEAD", c[0], headers);
      String what = List.of(c).toString();
      assertEquals(get.statusCode(), head.statusCode(), what);
      assertEquals(0, head.body().length, what);
      for (String h :
          List.of("Content-Type", "ETag", "Cache-Control", "Content-Encoding", "Vary")) {
        assertEquals(get.headers().allValues(h), head.headers().allValues(h), what + " " + h);
      }
      get.headers()
          .firstValue("Content-Length")
          .ifPresent(
              len ->
                  assertEquals(
                      Optional.of(len), head.headers().firstValue("Content-Length"), what));
    }
    assertEquals(404, o.send("HEAD", "/api/values?level=foo&indicator=test:rate").statusCode());
    assertEquals(400, o.send("HEAD", "/tiles/province/99/0/0.mvt").statusCode());
    assertEquals(404, o.send("HEAD", "/api/export/nope.csv").statusCode());
  }
}
