package org.phaenthi.server.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.tiles.TileCoord;

/**
 * {@link TileFastPath} answers cached tiles ahead of Javalin: every request gets the same status,
 * headers and bytes whether the fast path is on or off, and the fast path really answers the
 * cached-tile requests (and only those).
 */
class TileFastPathTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;
  static HttpTestClient http;
  static final TileCoord PHUKET = TileCoord.containing(98.39, 7.885, 10);
  static final String TILE = TileHandlerTest.path("subdistrict", PHUKET);
  static final String SEA = "/tiles/province/10/0/0.mvt";

  @BeforeAll
  static void start() {
    server = TestServers.start(TestServers.dataset(), tmp);
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void fastPathBackOn() {
    server.tileFastPath(true);
  }

  /** Status, headers (without Date) and body of one request with the fast path on or off. */
  record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

  static Answer ask(boolean fast, String path, String... headers) {
    server.tileFastPath(fast);
    HttpResponse<byte[]> r = http.get(path, headers);
    Map<String, List<String>> h = new TreeMap<>(r.headers().map());
    h.remove("date");
    return new Answer(r.statusCode(), h, r.body());
  }

  /**
   * Asks once with the fast path off and once on (after a first request that caches the tile when
   * it is a valid one), asserts that both answers are the same, and returns whether the fast path
   * answered the second.
   */
  static boolean assertSameAnswer(String path, String... headers) {
    ask(true, path, headers);
    Answer slow = ask(false, path, headers);
    long before = server.tileFastPathAnswered();
    Answer fast = ask(true, path, headers);
    boolean answeredHere = server.tileFastPathAnswered() - before == 1;
    String what = path + " " + List.of(headers);
    assertEquals(slow.status(), fast.status(), what);
    assertEquals(slow.headers(), fast.headers(), what);
    assertArrayEquals(slow.body(), fast.body(), what);
    return answeredHere;
  }

  @Test
  void cachedTilesAreAnsweredHereWithTheSameBytesAndHeaders() {
    assertTrue(
        assertSameAnswer(TILE + "?indicator=test:rate&year=2561", "Accept-Encoding", "gzip"));
    assertTrue(assertSameAnswer(TILE + "?indicator=test:rate", "Accept-Encoding", "gzip, br"));
    assertTrue(assertSameAnswer(TILE, "Accept-Encoding", "gzip"));
    assertTrue(assertSameAnswer(SEA, "Accept-Encoding", "gzip"));
    // encodeURIComponent writes the colon of a code as %3A
    assertTrue(
        assertSameAnswer(TILE + "?indicator=test%3Arate&year=2561", "Accept-Encoding", "gzip"));
    Answer tile = ask(true, TILE, "Accept-Encoding", "gzip");
    assertEquals(200, tile.status());
    assertEquals(List.of("gzip"), tile.headers().get("content-encoding"));
    // Origin from PublicCors, in front of both paths; Accept-Encoding from the tile answer
    assertEquals(List.of("Origin", "Accept-Encoding"), tile.headers().get("vary"));
    assertEquals(204, ask(true, SEA, "Accept-Encoding", "gzip").status());
  }

  /**
   * Clients that do not accept gzip (curl, seeders, GIS tools): once a tile's uncompressed bytes
   * are in the cache's second tier they are answered here too, with the same headers and bytes.
   */
  @Test
  void cachedTilesAreAnsweredHereForClientsWithoutGzipToo() {
    assertTrue(assertSameAnswer(TILE));
    assertTrue(assertSameAnswer(TILE + "?indicator=test:rate&year=2561"));
    assertTrue(assertSameAnswer(TILE + "?indicator=test%3Arate"));
    assertTrue(assertSameAnswer(TILE, "Accept-Encoding", "gzip;q=0, br")); // gzip refused
    assertTrue(assertSameAnswer(TILE, "Accept-Encoding", "identity"));
    assertTrue(assertSameAnswer(TILE, "Accept-Encoding", "br, deflate"));
    assertTrue(assertSameAnswer(SEA));
    Answer plain = ask(true, TILE);
    assertEquals(200, plain.status());
    assertTrue(!plain.headers().containsKey("content-encoding"), plain.headers().toString());
    assertEquals(List.of("Origin", "Accept-Encoding"), plain.headers().get("vary"));
    assertEquals(List.of(TileHandler.MVT_TYPE), plain.headers().get("content-type"));
    Answer zipped = ask(true, TILE, "Accept-Encoding", "gzip");
    assertArrayEquals(plain.body(), gunzip(zipped.body()), "the same tile, unzipped");
    assertEquals(
        List.of(Integer.toString(plain.body().length)), plain.headers().get("content-length"));
    assertEquals(204, ask(true, SEA).status());
  }

  @Test
  void theFirstRequestWithoutGzipIsUnzippedByJavalinThenServedHere() {
    String path = TileHandlerTest.path("province", PHUKET) + "?indicator=test:rate&year=2561";
    long before = server.tileFastPathAnswered();
    ask(true, path, "Accept-Encoding", "gzip"); // rendered by Javalin: a miss
    assertEquals(200, ask(true, path, "Accept-Encoding", "gzip").status());
    assertEquals(1, server.tileFastPathAnswered() - before, "the gzip hit was answered here");
    Answer first = ask(true, path);
    assertEquals(1, server.tileFastPathAnswered() - before, "not yet unzipped: Javalin's");
    Answer second = ask(true, path);
    assertEquals(2, server.tileFastPathAnswered() - before, "unzipped once, then answered here");
    assertEquals(200, second.status());
    assertArrayEquals(first.body(), second.body());
    assertEquals(first.headers(), second.headers());
  }

  @Test
  void ifNoneMatchWithoutGzipGives304Here() {
    String etag = http.get(TILE).headers().firstValue("ETag").orElseThrow();
    assertTrue(assertSameAnswer(TILE, "If-None-Match", etag));
    assertEquals(304, ask(true, TILE, "If-None-Match", etag).status());
  }

  static byte[] gunzip(byte[] gz) {
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void ifNoneMatchGives304OnBothPaths() {
    String etag =
        http.get(TILE, "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();
    assertTrue(assertSameAnswer(TILE, "Accept-Encoding", "gzip", "If-None-Match", etag));
    assertTrue(
        assertSameAnswer(TILE, "Accept-Encoding", "gzip", "If-None-Match", "\"x\", " + etag));
    assertTrue(assertSameAnswer(TILE, "Accept-Encoding", "gzip", "If-None-Match", "\"other\""));
    assertEquals(304, ask(true, TILE, "Accept-Encoding", "gzip", "If-None-Match", etag).status());
  }

  @Test
  void everythingElseGoesOnToJavalinUnchanged() {
    http.get(TILE, "Accept-Encoding", "gzip"); // cached
    String[][] cases = {
      {TILE, "Origin", "https://province.example"}, // CORS headers come from Javalin
      {TILE + "?indicator=nope"}, // errors are Javalin's for clients without gzip as well
      {TILE + "?colour=red", "Accept-Encoding", "gzip"}, // unknown parameter: 400
      {TILE + "?year=2561", "Accept-Encoding", "gzip"}, // year without indicator: 400
      {TILE + "?indicator=nope", "Accept-Encoding", "gzip"}, // unknown indicator: 404
      {TILE + "?indicator=test:rate&indicator=x", "Accept-Encoding", "gzip"},
      {TILE + "?indicator=test:rate&", "Accept-Encoding", "gzip"}, // empty parameter name: 400
      {TILE + "?indicator", "Accept-Encoding", "gzip"}, // no value: 400
      {"/tiles/county/10/0/0.mvt", "Accept-Encoding", "gzip"}, // unknown level: 404
      {"/tiles/province/15/0/0.mvt", "Accept-Encoding", "gzip"}, // zoom too deep: 400
      {"/tiles/province/2/9/0.mvt", "Accept-Encoding", "gzip"}, // x outside: 400
      {"/tiles/province/a/0/0.mvt", "Accept-Encoding", "gzip"},
      {"/tiles/province/1/0/0.png", "Accept-Encoding", "gzip"},
      {"/tiles/province/1/0/0/0.mvt", "Accept-Encoding", "gzip"},
      {"/tiles/province.json", "Accept-Encoding", "gzip"},
    };
    for (String[] c : cases) {
      String[] headers = java.util.Arrays.copyOfRange(c, 1, c.length);
      assertTrue(!assertSameAnswer(c[0], headers), "left to Javalin: " + List.of(c));
    }
    Answer bad = ask(true, TILE + "?colour=red", "Accept-Encoding", "gzip");
    assertEquals(400, bad.status());
    assertTrue(new String(bad.body()).contains("unknown parameter 'colour'"));
    Answer refused = ask(true, TILE, "Accept-Encoding", "gzip;q=0, br");
    assertEquals(200, refused.status());
    assertTrue(!refused.headers().containsKey("content-encoding"), "gzip;q=0 is a refusal");
    Answer cors = ask(true, TILE, "Origin", "https://province.example");
    assertEquals(200, cors.status());
    assertTrue(
        cors.headers().containsKey("access-control-allow-origin"), cors.headers().toString());
  }

  @Test
  void aMalformedEscapeIsA400OnBothPathsNotATileWithoutTheParameter() throws Exception {
    http.get(TILE + "?indicator=test:rate", "Accept-Encoding", "gzip"); // cached
    for (boolean fast : new boolean[] {true, false}) {
      server.tileFastPath(fast);
      // java.net.URI refuses to build such a request, so it goes over a plain socket
      String answer = rawGet(TILE + "?indicator=%zz");
      assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
      assertTrue(answer.contains("malformed query string"), answer);
      assertTrue(answer.contains("application/json"), answer);
    }
  }

  static String rawGet(String target) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + target
                      + " HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void aNewDataVersionIsAMissHereNeverTheOldTile() {
    String old =
        http.get(TILE, "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();
    var before = server.live().snapshot().dataset();
    try {
      server.serve(
          org.phaenthi.boundaries.Dataset.of(
              "fastpathv2",
              before.importedAt(),
              before.boundaries(),
              before.indicators(),
              before.blobs(),
              before.report()));
      long answered = server.tileFastPathAnswered();
      HttpResponse<byte[]> r = http.get(TILE, "Accept-Encoding", "gzip", "If-None-Match", old);
      assertEquals(200, r.statusCode(), "the old ETag does not match the new version");
      String boundaries = server.live().snapshot().boundaryVersion();
      assertTrue(r.headers().firstValue("ETag").orElseThrow().startsWith("\"" + boundaries + "-"));
      assertEquals(answered, server.tileFastPathAnswered(), "rendered by Javalin, not served here");
    } finally {
      server.serve(before);
    }
  }

  @Test
  void aMissIsRenderedByJavalinAndThenServedHere() {
    String path = TileHandlerTest.path("district", PHUKET) + "?indicator=test:rate&year=2561";
    long before = server.tileFastPathAnswered();
    assertEquals(200, ask(true, path, "Accept-Encoding", "gzip").status());
    assertEquals(0, server.tileFastPathAnswered() - before, "the miss went to Javalin");
    assertEquals(200, ask(true, path, "Accept-Encoding", "gzip").status());
    assertEquals(1, server.tileFastPathAnswered() - before, "the hit was answered here");
  }

  /**
   * A HEAD of a cached tile (link checkers, caches revalidating, {@code curl -I}) is answered here
   * with the GET's status and headers and no body, as the handlers behind answer it; the security
   * headers and {@code Vary: Origin}, which the fast path adds itself, are the same on both paths.
   */
  @Test
  void aHeadOfACachedTileIsAnsweredHereWithTheHeadersOfItsGet() {
    for (String[] headers : new String[][] {{"Accept-Encoding", "gzip"}, {}}) {
      ask(true, TILE, headers);
      ask(true, TILE, headers); // the identity tier is filled by the first GET without gzip
      Answer get = ask(true, TILE, headers);
      server.tileFastPath(false);
      Answer slow = head(TILE, headers);
      server.tileFastPath(true);
      long before = server.tileFastPathAnswered();
      Answer fast = head(TILE, headers);
      assertEquals(1, server.tileFastPathAnswered() - before, "answered here " + List.of(headers));
      assertEquals(slow.status(), fast.status());
      assertEquals(slow.headers(), fast.headers());
      assertEquals(get.headers(), fast.headers(), "a HEAD has its GET's headers");
      assertEquals(0, fast.body().length);
      assertEquals(List.of("nosniff"), fast.headers().get("x-content-type-options"));
      assertTrue(fast.headers().containsKey("content-security-policy"));
    }
  }

  static Answer head(String path, String... headers) {
    HttpResponse<byte[]> r = http.send("HEAD", path, headers);
    Map<String, List<String>> h = new TreeMap<>(r.headers().map());
    h.remove("date");
    return new Answer(r.statusCode(), h, r.body());
  }
}
