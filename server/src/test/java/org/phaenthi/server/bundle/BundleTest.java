package org.phaenthi.server.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.tiles.MvtDecoder;
import org.phaenthi.tiles.MvtLayer;
import org.phaenthi.tiles.TileDump;
import org.phaenthi.tiles.pmtiles.PmtilesReader;

/**
 * {@code GET /api/export/bundle/83.zip}: what the zip holds (the app, the manifest, the data files
 * being the API's own answers cut to the area, texts) and that every tile of its archive holds the
 * server's tiles of each level, layer for layer.
 */
class BundleTest {
  static PhaenthiServer server;
  static HttpTestClient http;
  static Map<String, byte[]> zip;
  @TempDir static Path tmp;

  @BeforeAll
  static void build() throws IOException {
    server = TestServers.start(TestServers.dataset(), tmp, "--access-log", "false");
    http = new HttpTestClient(server.port());
    HttpResponse<byte[]> r = http.get("/api/export/bundle/83.zip?indicator=test:rate");
    assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
    zip = unzip(r.body());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
    return unzip(bytes, "phaenthi-83/");
  }

  static Map<String, byte[]> unzip(byte[] bytes, String folder) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        assertTrue(e.getName().startsWith(folder), e.getName());
        out.put(e.getName().substring(folder.length()), in.readAllBytes());
      }
    }
    return out;
  }

  private static JsonNode json(String path) throws IOException {
    assertTrue(zip.containsKey(path), "the bundle has " + path);
    return Json.MAPPER.readTree(zip.get(path));
  }

  /**
   * The report cards of the bundle's province and of each of its districts, for every indicator and
   * year the bundle has at the card's children's level, in Thai and English: PDFs whose text layer
   * names the area, listed in the manifest with the files the app links to.
   */
  @Test
  void holdsTheReportCardsOfItsProvinceAndDistricts() throws IOException {
    JsonNode reports = json("bundle.json").get("reports");
    java.util.Set<String> areas = new java.util.TreeSet<>();
    for (JsonNode r : reports) {
      areas.add(r.get("area").asText());
      assertEquals("test:rate", r.get("indicator").asText());
      assertEquals(2561, r.get("year").asInt());
      for (String lang : List.of("th", "en")) {
        String file = r.get("files").get(lang).asText();
        assertEquals(
            "data/report/" + r.get("area").asText() + "/test_rate/2561/" + lang + ".pdf", file);
        assertTrue(zip.containsKey(file), file);
        try (org.apache.pdfbox.pdmodel.PDDocument doc =
            org.apache.pdfbox.Loader.loadPDF(zip.get(file))) {
          String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
          assertTrue(
              text.contains(lang.equals("en") ? "Area report" : "รายงานพื้นที่"),
              file + ": " + text);
          assertTrue(text.contains("(" + r.get("area").asText() + ")"), file + ": " + text);
        }
      }
    }
    assertEquals(java.util.Set.of("83", "8301", "8302", "8303"), areas);
  }

  @Test
  void holdsTheAppItsLibrariesAndTexts() {
    for (String f :
        new String[] {
          "index.html",
          "app.css",
          "js/app.js",
          "js/api.js",
          "js/bundle-source.js",
          "vendor/pmtiles/dist/pmtiles.js",
          "vendor/leaflet.vectorgrid/Leaflet.VectorGrid.bundled.min.js",
          "vendor/sarabun/files/sarabun-thai-400-normal.woff2",
          "webjars/leaflet/1.9.4/dist/leaflet.js",
          "webjars/leaflet/1.9.4/dist/leaflet.css",
          "README.txt",
          "ATTRIBUTION.txt",
          "bundle.json",
          "tiles.pmtiles"
        }) {
      assertTrue(zip.containsKey(f), "the bundle has " + f);
    }
    assertFalse(zip.containsKey("admin.html"), "no admin page in a static site");
    String index = new String(zip.get("index.html"), StandardCharsets.UTF_8);
    assertTrue(index.contains("data-bundle=\"bundle.json\""), index);
    assertFalse(index.contains("href=\"api/"), "no request to an API: " + index);
    String readme = new String(zip.get("README.txt"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("วิธีนำขึ้นเว็บไซต์") && readme.contains("How to host it"), readme);
    String attribution = new String(zip.get("ATTRIBUTION.txt"), StandardCharsets.UTF_8);
    assertTrue(attribution.contains("CC BY 3.0 IGO") && attribution.contains("TPMAP"), attribution);
  }

  @Test
  void dataFilesAreTheApisAnswersForTheArea() throws IOException {
    JsonNode manifest = json("bundle.json");
    assertEquals("83", manifest.get("area").asText());
    assertEquals("district", manifest.get("start").get("level").asText());
    assertEquals(2561, manifest.get("indicators").get("test:rate").get(0).asInt());
    // a question about one parent: byte for byte the server's answer
    assertArrayEquals(
        http.get("/api/values?level=subdistrict&indicator=test:rate&year=2561&parent=8301").body(),
        zip.get("data/values/subdistrict/test_rate/2561/8301.json"));
    assertArrayEquals(
        http.get("/api/values/area/8301?year=2561").body(), zip.get("data/area/8301/2561.json"));
    assertArrayEquals(
        http.get("/api/geometry/subdistrict?zoom=11&parent=8301").body(),
        zip.get("data/geometry/subdistrict/11/8301.json"));
    // a whole-country question cut to the area: every district of 83 and nothing else
    JsonNode all = json("data/values/district/test_rate/2561/all.json");
    JsonNode server =
        http.json("/api/values?level=district&indicator=test:rate&year=2561&parent=83");
    assertEquals(server.get("values"), all.get("values"));
    // the levels the archive draws are marked; the catalogue holds the chosen indicator only
    for (JsonNode l : json("data/levels.json").get("levels")) {
      if (l.get("level").asText().equals("subdistrict")) {
        assertTrue(l.get("tiles").asBoolean());
      }
    }
    JsonNode inds = json("data/indicators.json").get("indicators");
    assertEquals(1, inds.size());
    assertEquals("test:rate", inds.get(0).get("code").asText());
    // search: every area of the bundle, as the search endpoint lists one
    JsonNode areas = json("data/areas.json").get("areas");
    Set<String> codes = new HashSet<>();
    areas.forEach(a -> codes.add(a.get("code").asText()));
    assertTrue(
        codes.contains("83") && codes.contains("8301") && codes.contains("830101"),
        codes.toString());
    JsonNode found =
        http.json("/api/areas/search?q=" + HttpTestClient.enc(areas.get(1).get("name_th").asText()))
            .get("results");
    assertTrue(found.size() > 0);
    for (JsonNode a : areas) {
      if (a.get("code").equals(found.get(0).get("code"))) {
        assertEquals(found.get(0), a, "the index entry is the search endpoint's");
      }
    }
  }

  @Test
  void archiveTilesHoldEveryLevelsServerTile() throws IOException {
    Path file = tmp.resolve("bundle.pmtiles");
    Files.write(file, zip.get("tiles.pmtiles"));
    JsonNode manifest = json("bundle.json").get("archive");
    int checked = 0;
    try (PmtilesReader reader = new PmtilesReader(file)) {
      assertEquals(manifest.get("minzoom").asInt(), reader.header().minZoom());
      assertEquals(manifest.get("maxzoom").asInt(), reader.header().maxZoom());
      for (int z = reader.header().minZoom(); z <= Math.min(reader.header().maxZoom(), 11); z++) {
        var b = json("data/meta.json").get("bounds");
        var nw =
            org.phaenthi.tiles.TileCoord.containing(b.get(0).asDouble(), b.get(3).asDouble(), z);
        var se =
            org.phaenthi.tiles.TileCoord.containing(b.get(2).asDouble(), b.get(1).asDouble(), z);
        for (int x = nw.x(); x <= se.x(); x++) {
          for (int y = nw.y(); y <= se.y(); y++) {
            byte[] tile = reader.tile(z, x, y);
            List<MvtLayer> expected = new ArrayList<>();
            for (String level : new String[] {"province", "district", "subdistrict"}) {
              HttpResponse<byte[]> t =
                  http.get("/tiles/" + level + "/" + z + "/" + x + "/" + y + ".mvt");
              if (t.statusCode() == 200) {
                expected.addAll(MvtDecoder.decode(t.body()));
              }
            }
            List<MvtLayer> got = tile == null ? List.of() : MvtDecoder.decode(gunzip(tile));
            assertEquals(TileDump.dump(expected), TileDump.dump(got), z + "/" + x + "/" + y);
            checked++;
          }
        }
      }
    }
    assertTrue(checked >= 5, "tiles compared: " + checked);
  }

  @Test
  void identicalRequestsShareOneBuild() throws Exception {
    String path = "/api/export/bundle/8301.zip?indicator=test:rate,tpmap:households_surveyed";
    long before = server.exportSpool().builds();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    byte[] first = null;
    try {
      List<java.util.concurrent.Future<HttpResponse<byte[]>>> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        all.add(pool.submit(() -> http.get(path)));
      }
      for (var f : all) {
        HttpResponse<byte[]> r = f.get();
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        if (first == null) {
          first = r.body();
        }
        assertArrayEquals(first, r.body(), "every client gets the one build's bytes");
      }
    } finally {
      pool.shutdown();
    }
    // a district's bundle: its subdistricts, and above it only the way up (its province, itself)
    Map<String, byte[]> d = unzip(first, "phaenthi-8301/");
    assertEquals(
        "subdistrict",
        Json.MAPPER.readTree(d.get("bundle.json")).get("start").get("level").asText());
    JsonNode provinces = Json.MAPPER.readTree(d.get("data/geometry/province/6/all.json"));
    assertEquals(1, provinces.get("features").size());
    assertEquals("83", provinces.get("features").get(0).get("properties").get("code").asText());
    JsonNode districts =
        Json.MAPPER.readTree(d.get("data/values/district/test_rate/2561/all.json")).get("values");
    assertEquals(1, districts.size());
    assertEquals("8301", districts.get(0).get("code").asText());
    // one zip and the district's archive: built once for the four requests
    assertEquals(before + 2, server.exportSpool().builds());
    HttpResponse<byte[]> again = http.get(path);
    assertEquals(before + 2, server.exportSpool().builds(), "then served from the spool");
    String etag = again.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, http.get(path, "If-None-Match", etag).statusCode());
  }

  @Test
  void aClientThatLeavesStopsItsBuild() throws Exception {
    String path = "/api/export/bundle/TH.zip?indicator=test:rate";
    long cancelled = server.exportSpool().cancelled();
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
      s.getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
    } // gone before any answer
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (server.exportSpool().cancelled() == cancelled && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(server.exportSpool().cancelled() > cancelled, "the build was stopped");
    // nothing half-built was kept: the next client gets the whole bundle
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode());
    assertTrue(unzip(r.body(), "phaenthi-TH/").containsKey("bundle.json"));
  }

  @Test
  void badRequestsAreClear4xx() {
    assertEquals(400, http.get("/api/export/bundle/83.zip").statusCode());
    // a subdistrict has no map areas below it
    assertEquals(400, http.get("/api/export/bundle/830101.zip?indicator=test:rate").statusCode());
    assertEquals(404, http.get("/api/export/bundle/83.zip?indicator=no:such").statusCode());
    assertEquals(404, http.get("/api/export/bundle/99.zip?indicator=test:rate").statusCode());
    assertEquals(400, http.get("/api/export/bundle/x.zip?indicator=test:rate").statusCode());
    assertEquals(
        400, http.get("/api/export/bundle/83.zip?indicator=test:rate&year=25x1").statusCode());
    assertEquals(
        404, http.get("/api/export/bundle/83.zip?indicator=test:rate&year=2400").statusCode());
    assertEquals(404, http.get("/api/export/bundle/83.tar?indicator=test:rate").statusCode());
    assertEquals(
        400, http.get("/api/export/bundle/83.zip?indicator=test:rate&zoom=1").statusCode());
  }

  @Test
  void perAreaPmtilesCoverTheAreaOnly() throws IOException {
    HttpResponse<byte[]> r = http.get("/api/export/subdistrict.pmtiles?parent=8301");
    assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
    Path file = tmp.resolve("8301.pmtiles");
    Files.write(file, r.body());
    try (PmtilesReader reader = new PmtilesReader(file)) {
      var h = reader.header();
      assertTrue(h.maxZoom() == 12 && h.minZoom() > 0, h.toString());
    }
    assertEquals(404, http.get("/api/export/subdistrict.pmtiles?parent=8399").statusCode());
    assertEquals(400, http.get("/api/export/district.pmtiles?parent=8301").statusCode());
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
