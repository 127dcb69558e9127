package org.phaenthi.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.store.PostgisCluster;
import org.phaenthi.server.Json;

/**
 * Two nodes over one PostGIS behind nginx: an import through node A reaches node B and the proxy;
 * ETags agree across nodes; a PostGIS outage gives 503 and the nodes recover by themselves. Prints
 * the measured times.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {
  private static final String TOKEN = "it-admin-token";
  private static final String TILE = "/tiles/subdistrict/8/197/122.mvt";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path tmp;
  private static PostgisCluster cluster;
  private static ClusterNode a;
  private static ClusterNode b;
  private static NginxCache nginx;
  private static Path data1;
  private static Path data2;

  @BeforeAll
  static void startEverything() throws Exception {
    if (!Files.isExecutable(NginxCache.BINARY)) {
      if (Boolean.getBoolean("phaenthi.requireIT")) {
        Assertions.fail("nginx is required (apt-get install nginx)");
      }
      Assumptions.abort("nginx not installed");
    }
    cluster = PostgisCluster.startOrSkip();
    data1 = ClusterTestData.dataDir(tmp, "data1", false);
    data2 = ClusterTestData.dataDir(tmp, "data2", true);
    String url = cluster.createDatabase("phaenthi");
    a =
        ClusterNode.start(
            url, data1, "--admin-token", TOKEN, "--cache-control", "public, max-age=1");
    b =
        ClusterNode.start(
            url, data1, "--admin-token", TOKEN, "--cache-control", "public, max-age=1");
    nginx = NginxCache.start(tmp.resolve("nginx"), List.of(a.port(), b.port()), 1);
  }

  @AfterAll
  static void stopEverything() {
    ClusterNode.closeAll(nginx, a, b, cluster);
  }

  @Test
  @Order(1)
  void importThroughOneNodeReachesTheOtherAndTheProxy() throws Exception {
    String v1 = version(a);
    assertEquals(v1, version(b), "both nodes start on the store's version");
    assertSameAcrossNodes();
    get(nginx.port(), TILE);
    assertEquals("HIT", get(nginx.port(), TILE).headers().firstValue("X-Cache-Status").orElse(""));
    assertEquals(403, get(nginx.port(), "/admin/import").statusCode(), "admin is not proxied");

    long t0 = System.nanoTime();
    HttpResponse<String> r = post(a.port(), "/admin/import?data=" + data2);
    long t1 = System.nanoTime();
    assertEquals(200, r.statusCode(), r.body());
    String v2 = Json.MAPPER.readTree(r.body()).get("data_version").asText();
    assertNotEquals(v1, v2);
    long tB = waitFor(() -> version(b).equals(v2), 10_000);
    String newTag = etag(a.port());
    long tP = waitFor(() -> newTag.equals(etag(nginx.port())), 10_000);
    System.out.printf(
        "MultiNodeIT: import through A took %d ms; B served the new version %d ms after A"
            + " answered (%d ms after the request); the proxy %d ms after A answered%n",
        (t1 - t0) / 1_000_000, (tB - t1) / 1_000_000, (tB - t0) / 1_000_000, (tP - t1) / 1_000_000);
    // The notice itself takes milliseconds; B's load of the version from PostGIS dominates
    // (about 3 s for the full indicator tables on a busy 2-core machine, see docs/POSTGIS.md).
    assertTrue(tB - t1 < 10_000_000_000L, "B must follow the import");
    // B's follow time, then max-age=1 plus one revalidation round trip
    assertTrue(tP - tB < 2_500_000_000L, "the proxy must revalidate after max-age");
    assertSameAcrossNodes();
    String values = valuesUrl();
    if (values != null) {
      // JSON without Cache-Control is kept by the proxy's 1 s fallback, then refetched.
      // /api/values carries the version of the parts it depends on, as node A now serves them.
      String wantValues = json(a.port(), values).get("data_version").asText();
      long tV =
          waitFor(
              () -> wantValues.equals(json(nginx.port(), values).get("data_version").asText()),
              3_000);
      System.out.printf(
          "MultiNodeIT: new values through the proxy %d ms after A answered%n",
          (tV - t1) / 1_000_000);
    }
  }

  @Test
  @Order(2)
  void postgisOutageGives503ThenNodesRecoverAndFollowAgain() throws Exception {
    assertEquals(200, get(b.port(), "/api/levels").statusCode());
    assertEquals(200, get(b.port(), TILE).statusCode(), "cached before the outage");
    long t0 = System.nanoTime();
    cluster.stop();
    long down = waitFor(() -> get(b.port(), "/api/levels").statusCode() == 503, 5_000);
    HttpResponse<String> err = get(b.port(), "/api/levels");
    assertTrue(err.body().contains("store is unreachable"), err.body());
    HttpResponse<String> health = get(b.port(), "/health");
    assertEquals(503, health.statusCode());
    assertEquals("degraded", Json.MAPPER.readTree(health.body()).get("status").asText());
    assertEquals(200, get(b.port(), TILE).statusCode(), "a cached tile is still served");
    HttpResponse<String> cold = get(b.port(), "/tiles/subdistrict/12/3166/1957.mvt");
    assertEquals(503, cold.statusCode(), "a cold tile is not");
    assertTrue(
        Json.MAPPER.readTree(cold.body()).get("message_th").asText().contains("แคช"), cold.body());
    long t1 = System.nanoTime();
    cluster.start();
    long up = waitFor(() -> get(b.port(), "/api/levels").statusCode() == 200, 10_000);
    waitFor(() -> get(a.port(), "/health").statusCode() == 200, 10_000);
    System.out.printf(
        "MultiNodeIT: 503 %d ms after PostGIS stopped; 200 again %d ms after it started%n",
        (down - t0) / 1_000_000, (up - t1) / 1_000_000);
    // The notification connection came back too: an import through A reaches B again.
    HttpResponse<String> r = post(a.port(), "/admin/import?data=" + data1);
    assertEquals(200, r.statusCode(), r.body());
    String v = Json.MAPPER.readTree(r.body()).get("data_version").asText();
    long t2 = System.nanoTime();
    long tB = waitFor(() -> version(b).equals(v), 10_000);
    System.out.printf(
        "MultiNodeIT: after the outage B followed an import in %d ms%n", (tB - t2) / 1_000_000);
  }

  /** Same version, same bytes and ETags on both nodes. */
  private static void assertSameAcrossNodes() {
    HttpResponse<String> ta = get(a.port(), TILE);
    HttpResponse<String> tb = get(b.port(), TILE);
    assertEquals(200, ta.statusCode());
    assertEquals(ta.headers().firstValue("ETag"), tb.headers().firstValue("ETag"), "tile ETag");
    assertTrue(ta.headers().firstValue("ETag").isPresent());
    assertEquals(ta.body(), tb.body(), "tile bytes");
    for (String path : Arrays.asList("/api/levels", "/api/indicators", valuesUrl())) {
      if (path != null) {
        HttpResponse<String> ra = get(a.port(), path);
        HttpResponse<String> rb = get(b.port(), path);
        assertEquals(ra.body(), rb.body(), path);
        assertEquals(ra.headers().firstValue("ETag"), rb.headers().firstValue("ETag"), path);
      }
    }
  }

  /** A values URL for Phuket when the import carries indicators, else null. */
  private static String valuesUrl() {
    JsonNode ind = json(a.port(), "/api/indicators");
    JsonNode list = ind.isArray() ? ind : ind.path("indicators");
    if (list.size() == 0) {
      return null;
    }
    return "/api/values?level=subdistrict&indicator=tpmap:households_surveyed&year=2561";
  }

  private static String version(ClusterNode n) {
    return json(n.port(), "/health").get("data_version").asText();
  }

  private static String etag(int port) {
    return get(port, TILE).headers().firstValue("ETag").orElse("");
  }

  private static JsonNode json(int port, String path) {
    try {
      return Json.MAPPER.readTree(get(port, path).body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls every 5 ms; returns the nanoTime at which the condition first held. */
  private static long waitFor(java.util.function.BooleanSupplier cond, long timeoutMs)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (cond.getAsBoolean()) {
        return System.nanoTime();
      }
      Thread.sleep(5);
    }
    throw new AssertionError("condition not met within " + timeoutMs + " ms");
  }

  static HttpResponse<String> get(int port, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> post(int port, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
