package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.ogc.OgcFixture;

/**
 * Downloads under load: the bounded admission (503 with Retry-After beyond {@code
 * --export-concurrency}), one build shared by concurrent identical requests, topologies and
 * GeoPackages built once and kept.
 */
class ExportLimitsTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;
  static HttpTestClient http;

  @BeforeAll
  static void start() {
    server =
        org.phaenthi.server.TestServers.start(
            OgcFixture.dataset(),
            tmp,
            "--export-concurrency",
            "2",
            "--export-retry-after",
            "7",
            "--access-log",
            "false");
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void beyondTheConcurrencyAnExportIs503WithRetryAfterAndNoFile() {
    ExportAdmission a = server.exportAdmission();
    assertEquals(2, a.limit());
    try (ExportAdmission.Permit p1 = a.tryEnter();
        ExportAdmission.Permit p2 = a.tryEnter()) {
      assertNotNull(p1);
      assertNotNull(p2);
      for (String ext : List.of("geojson", "csv", "xlsx", "gpkg", "topojson")) {
        HttpResponse<byte[]> r = http.get("/api/export/subdistrict." + ext + "?parent=8301");
        assertEquals(503, r.statusCode(), ext);
        assertEquals("7", r.headers().firstValue("Retry-After").orElse(null), ext);
        assertFalse(r.headers().firstValue("Content-Disposition").isPresent(), ext);
        assertFalse(r.headers().firstValue("ETag").isPresent(), ext);
        JsonNode e = OgcFixture.json(r);
        assertEquals(503, e.path("status").asInt());
        assertTrue(e.path("message").asText().contains("--export-concurrency"), e.toString());
        assertTrue(
            e.path("message_th").asText().contains("กรุณาลองใหม่ในอีก 7 วินาที"), e.toString());
      }
    }
    HttpResponse<byte[]> ok = http.get("/api/export/subdistrict.csv?parent=8301");
    assertEquals(200, ok.statusCode());
    assertEquals(0, a.running(), "every permit is given back");
    String etag = ok.headers().firstValue("ETag").orElseThrow();
    try (ExportAdmission.Permit p1 = a.tryEnter();
        ExportAdmission.Permit p2 = a.tryEnter()) {
      // a conditional request costs no work: 304 even when every permit is taken
      assertEquals(
          304,
          http.get("/api/export/subdistrict.csv?parent=8301", "If-None-Match", etag).statusCode());
    }
  }

  /**
   * OGC items pages that may hold more than 100 full-detail features are exports in all but name:
   * they pass the same admission (503 with Retry-After when it is full); small or simplified pages
   * and conditional requests do not need a permit.
   */
  @Test
  void largeFullDetailItemsPagesPassTheExportAdmission() {
    String big = "/ogc/collections/subdistrict/items?limit=1000";
    HttpResponse<byte[]> ok = http.get(big);
    assertEquals(200, ok.statusCode());
    String etag = ok.headers().firstValue("ETag").orElseThrow();
    ExportAdmission a = server.exportAdmission();
    try (ExportAdmission.Permit p1 = a.tryEnter();
        ExportAdmission.Permit p2 = a.tryEnter()) {
      for (String path :
          List.of(big, big + "&f=json", "/ogc/collections/district/items?limit=101")) {
        HttpResponse<byte[]> r = http.get(path);
        assertEquals(503, r.statusCode(), path);
        assertEquals("7", r.headers().firstValue("Retry-After").orElse(null), path);
        assertFalse(r.headers().firstValue("ETag").isPresent(), path);
        assertTrue(OgcFixture.json(r).path("message").asText().contains("--export-concurrency"));
      }
      assertEquals(200, http.get("/ogc/collections/subdistrict/items?limit=100").statusCode());
      assertEquals(200, http.get(big + "&zoom=8").statusCode(), "simplified: no permit");
      assertEquals(200, http.get("/ogc/collections/village/items?limit=1000").statusCode());
      assertEquals(304, http.get(big, "If-None-Match", etag).statusCode());
    }
    assertEquals(200, http.get(big).statusCode());
    assertEquals(0, a.running(), "every permit is given back");
  }

  @Test
  void aGeoPackageBuiltOnceIsSentAgainWithoutAPermitAndTheSameBytes() {
    String path = "/api/export/district.gpkg?parent=83";
    HttpResponse<byte[]> first = http.get(path);
    assertEquals(200, first.statusCode());
    ExportAdmission a = server.exportAdmission();
    try (ExportAdmission.Permit p1 = a.tryEnter();
        ExportAdmission.Permit p2 = a.tryEnter()) {
      HttpResponse<byte[]> again = http.get(path);
      assertEquals(200, again.statusCode(), "a kept file is a copy, not work");
      assertArrayEquals(first.body(), again.body());
      assertEquals(503, http.get("/api/export/province.gpkg").statusCode(), "not kept yet");
    }
  }

  @Test
  void concurrentIdenticalGeoPackagesShareOneBuild() throws Exception {
    ExportSpool spool = new ExportSpool(1 << 20);
    try {
      AtomicInteger builds = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      ExportSpool.Builder slow =
          file -> {
            builds.incrementAndGet();
            started.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            Files.writeString(file, "built once");
          };
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<byte[]>> sent = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        sent.add(
            pool.submit(
                () -> {
                  ByteArrayOutputStream out = new ByteArrayOutputStream();
                  spool.send("k", slow, out);
                  return out.toByteArray();
                }));
      }
      started.await();
      Thread.sleep(200); // the other seven are waiting for the first build now
      release.countDown();
      for (Future<byte[]> f : sent) {
        assertEquals("built once", new String(f.get()));
      }
      pool.shutdown();
      assertEquals(1, builds.get());
      assertEquals(1, spool.builds());
      assertTrue(spool.ready("k"));
    } finally {
      spool.close();
    }
    assertFalse(Files.exists(spool.directory()), "closing deletes the kept files");
  }

  @Test
  void anEvictedGeoPackageIsDeletedAndBuiltAgain() throws Exception {
    ExportSpool spool = new ExportSpool(100);
    try {
      ExportSpool.Builder big = file -> Files.write(file, new byte[80]);
      spool.send("a", big, new ByteArrayOutputStream());
      spool.send("b", big, new ByteArrayOutputStream()); // 160 bytes > 100: one is evicted
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      spool.send("a", big, out);
      assertEquals(80, out.size());
      for (int i = 0; i < 50 && filesIn(spool.directory()) > 1; i++) {
        Thread.sleep(20); // eviction runs after the write
      }
      assertTrue(filesIn(spool.directory()) <= 1, "evicted files are deleted");
    } finally {
      spool.close();
    }
  }

  @Test
  void aFailedBuildIsNotKept() throws Exception {
    ExportSpool spool = new ExportSpool(1 << 20);
    try {
      try {
        spool.send(
            "x",
            file -> {
              Files.writeString(file, "half");
              throw new java.io.IOException("disk full");
            },
            new ByteArrayOutputStream());
      } catch (java.io.IOException expected) {
        assertEquals("disk full", expected.getMessage());
      }
      assertFalse(spool.ready("x"));
      assertEquals(0, filesIn(spool.directory()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      spool.send("x", file -> Files.writeString(file, "whole"), out);
      assertEquals("whole", out.toString());
    } finally {
      spool.close();
    }
  }

  @Test
  void theTopologyOfALevelIsBuiltOnceForEveryIndicatorAndYear() throws Exception {
    TopologyCache cache = new TopologyCache(64L << 20);
    var d = OgcFixture.dataset();
    List<Selection> selections = new ArrayList<>();
    selections.add(Selection.parse(d, AdminLevel.SUBDISTRICT, null, null, null));
    for (var i : d.indicators().indicators()) {
      selections.add(Selection.parse(d, AdminLevel.SUBDISTRICT, null, i.code(), null));
    }
    assertTrue(selections.size() > 2);
    TopoJsonExporter exporter = new TopoJsonExporter(cache);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<byte[]>> out = new ArrayList<>();
    for (Selection s : selections) {
      out.add(
          pool.submit(
              () -> {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                exporter.write(s, ExportMetadata.of(s), b);
                return b.toByteArray();
              }));
    }
    JsonNode firstArcs = null;
    for (Future<byte[]> f : out) {
      JsonNode t = Json.MAPPER.readTree(f.get());
      if (firstArcs == null) {
        firstArcs = t.path("arcs");
      }
      assertEquals(firstArcs, t.path("arcs"), "every indicator shares the level's arcs");
    }
    pool.shutdown();
    assertEquals(1, cache.builds());
    assertSame(
        cache.get(
            TopoJsonExporter.topologyKey(selections.get(0), Crs.CRS84), selections.get(0).areas()),
        cache.get(
            TopoJsonExporter.topologyKey(selections.get(1), Crs.CRS84), selections.get(1).areas()));
    // the same bytes as a topology built for this request alone
    ByteArrayOutputStream alone = new ByteArrayOutputStream();
    Selection s = selections.get(1);
    new TopoJsonExporter().write(s, ExportMetadata.of(s), alone);
    assertArrayEquals(alone.toByteArray(), out.get(1).get());
    // another parent is another topology
    Selection district = Selection.parse(d, AdminLevel.SUBDISTRICT, "8301", null, null);
    cache.get(TopoJsonExporter.topologyKey(district, Crs.CRS84), district.areas());
    assertEquals(2, cache.builds());
  }

  private static long filesIn(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.count();
    }
  }
}
