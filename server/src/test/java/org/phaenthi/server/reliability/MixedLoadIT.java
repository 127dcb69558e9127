package org.phaenthi.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.TestServers;

/**
 * Issue #15, the reliability suite's "60 s mixed load": {@value #THREADS} clients, one request
 * after another for {@code phaenthi.mixed.seconds} (default 60) seconds, against a node on the real
 * data in a child JVM ({@value #HEAP_MB} MiB heap): cached tiles (geometry and value tiles),
 * values, classes, search, OGC items, area details and downloads (CSV, GeoJSON, GeoPackage of a
 * province's districts). Before the load, the same cached tiles are fetched one after another by
 * one client: the idle baseline. Passes with 0 errors (every answer 200, 204 or 304, no transport
 * failure) and cached tiles at p99 ≤ 50 ms under the load; prints the figures per kind and the
 * ratio of the loaded to the idle p99. {@code --export-concurrency} is set to the number of clients
 * so the admission (tested by {@code ExportLimitsTest} and {@code ExportLoadIT}) refuses none.
 *
 * <p>{@code -Dphaenthi.it.store=DIR} keeps the imported store between runs (shared with {@code
 * ExportLoadIT}).
 */
class MixedLoadIT {
  static final int HEAP_MB = 1200;
  static final int THREADS = 12;
  static final String IND = "indicator=tpmap:households_surveyed&year=2561";
  @TempDir Path tmp;

  @Test
  void sixtySecondsOfMixedLoadWithoutAnError() throws Exception {
    Path data = TestServers.realDataDir();
    boolean real = Files.exists(data.resolve("boundaries/th-subdistricts.geojson"));
    if (!Boolean.getBoolean("phaenthi.requireIT")) {
      Assumptions.assumeTrue(real, "the real boundaries are not in " + data);
    }
    assertTrue(real, "phaenthi.requireIT=true but the real data is missing in " + data);
    int seconds = Integer.getInteger("phaenthi.mixed.seconds", 60);
    String keep = System.getProperty("phaenthi.it.store");
    Path store = (keep != null ? Path.of(keep) : tmp).resolve("store");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = tmp.resolve("server.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx" + HEAP_MB + "m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.phaenthi.server.Main",
                "--port",
                Integer.toString(port),
                "--host",
                "127.0.0.1",
                "--data",
                data.toString(),
                "--store",
                store.toString(),
                "--export-concurrency",
                Integer.toString(THREADS),
                "--access-log",
                "false")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    String base = "http://127.0.0.1:" + port;
    HttpClient one = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      awaitHealth(one, base, child, log);
      List<String> cached = new ArrayList<>();
      cached.addAll(MixedLoad.tiles("province", 6, 97.4, 5.7, 105.6, 20.4));
      cached.addAll(MixedLoad.tiles("subdistrict", 8, 100.0, 13.4, 101.0, 14.4));
      List<String> valueTiles = new ArrayList<>();
      for (String t : MixedLoad.tiles("district", 7, 99.5, 12.5, 102.0, 15.5)) {
        valueTiles.add(t + "?" + IND);
      }
      cached.addAll(valueTiles);
      for (String t : cached) {
        int code = status(one, base + t);
        assertTrue(code == 200 || code == 204, "warm " + t + ": " + code);
      }
      // the idle baseline: the same cached tiles, one client, nothing else running
      MixedLoad.Tally idle = new MixedLoad.Tally();
      for (int i = 0; i < 3 * cached.size(); i++) {
        long t0 = System.nanoTime();
        idle.add(status(one, base + cached.get(i % cached.size())), System.nanoTime() - t0);
      }
      MixedLoad load =
          new MixedLoad(
              base,
              List.of(
                  new MixedLoad.Kind("cached tiles", 55, cached),
                  new MixedLoad.Kind(
                      "values",
                      8,
                      List.of(
                          "/api/values?level=province&" + IND,
                          "/api/values?level=district&" + IND,
                          "/api/values?level=subdistrict&" + IND + "&parent=5001",
                          "/api/classes?level=district&" + IND + "&method=quantile&n=5")),
                  new MixedLoad.Kind(
                      "search",
                      8,
                      List.of(
                          "/api/areas/search?q=%E0%B8%9A%E0%B8%B2%E0%B8%87",
                          "/api/areas/search?q=chiang",
                          "/api/areas/search?q=Mueang&limit=20",
                          "/api/areas/search?q=%E0%B8%AA%E0%B8%A1%E0%B8%B8%E0%B8%97%E0%B8%A3")),
                  new MixedLoad.Kind(
                      "ogc items",
                      8,
                      List.of(
                          "/ogc/collections/province/items?limit=10",
                          "/ogc/collections/district/items?limit=20&offset=100",
                          "/ogc/collections/subdistrict/items?limit=5&offset=3000",
                          "/ogc/collections/province/items/10?f=json")),
                  new MixedLoad.Kind(
                      "area details",
                      6,
                      List.of("/api/values/area/50?year=2561", "/api/values/area/5001?year=2561")),
                  new MixedLoad.Kind(
                      "exports",
                      3,
                      List.of(
                          "/api/export/province.csv?" + IND,
                          "/api/export/district.geojson?" + IND + "&parent=50",
                          "/api/export/district.gpkg?" + IND + "&parent=30",
                          "/api/export/subdistrict.csv?" + IND + "&parent=5001"))));
      load.start(THREADS);
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      load.stop();
      MixedLoad.Tally tiles = load.tally("cached tiles");
      double idleP99 = idle.quantileMs(0.99);
      double p99 = tiles.quantileMs(0.99);
      int total = 0;
      int errors = 0;
      StringBuilder kinds = new StringBuilder();
      for (var e : load.tallies().entrySet()) {
        MixedLoad.Tally t = e.getValue();
        total += t.count();
        errors += t.notIn(List.of(200, 204, 304)) + t.failures();
        kinds.append(String.format("  %-13s %s%n", e.getKey(), t));
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      System.out.printf(
          "MixedLoadIT: %d clients for %d s, %d requests (%.0f/s), errors %d%n%s"
              + "  idle baseline (1 client, cached tiles): %s%n"
              + "  cached-tile p99 under load %.1f ms = %.1f × idle p99 %.1f ms%n",
          THREADS,
          seconds,
          total,
          total / (double) seconds,
          errors,
          kinds,
          idle,
          p99,
          p99 / idleP99,
          idleP99);
      assertFalse(out.contains("OutOfMemoryError"), "the child ran out of heap");
      assertTrue(child.isAlive(), "the server is up");
      assertEquals(0, errors, "errors under the mixed load");
      assertTrue(p99 <= 50, "cached tiles p99 " + p99 + " ms > 50 ms under the mixed load");
    } finally {
      child.destroy();
      if (!child.waitFor(10, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  private static int status(HttpClient c, String url) throws IOException, InterruptedException {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept-Encoding", "gzip")
            .timeout(Duration.ofSeconds(30))
            .build();
    return c.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static void awaitHealth(HttpClient c, String base, Process child, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError("the server exited: " + Files.readString(log));
      }
      try {
        if (status(c, base + "/health") == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still importing
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the server did not start within 6 minutes: " + Files.readString(log));
  }
}
