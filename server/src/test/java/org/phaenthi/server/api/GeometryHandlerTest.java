package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.phaenthi.boundaries.load.DatasetImporter;
import org.phaenthi.boundaries.load.PropertyMapping;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/** Simplified GeoJSON from the real import pipeline (Phuket boundaries, real TPMAP data). */
class GeometryHandlerTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;
  static HttpTestClient http;

  @BeforeAll
  static void start() {
    Path data = TestServers.dataDir();
    var ds =
        org.phaenthi.imports.BundledPublication.importAll(
            new DatasetImporter(data, TestServers.fixtureBoundaries(), PropertyMapping.DEFAULT));
    server = TestServers.start(ds, tmp);
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void subdistrictsOfADistrictAreGapFreeAndValid() throws Exception {
    HttpResponse<byte[]> r = http.get("/api/geometry/subdistrict?zoom=8&parent=8301");
    assertEquals(200, r.statusCode());
    assertEquals("application/geo+json", r.headers().firstValue("Content-Type").orElseThrow());
    JsonNode fc = Json.MAPPER.readTree(r.body());
    assertTrue(
        fc.get("simplification").asText().contains("gap-free"), fc.get("simplification").asText());
    JsonNode features = fc.get("features");
    assertEquals(8, features.size(), "Mueang Phuket has 8 subdistricts");
    GeoJsonReader reader = new GeoJsonReader();
    Geometry union = null;
    double sum = 0;
    for (JsonNode f : features) {
      assertTrue(f.get("properties").get("code").asText().startsWith("8301"));
      Geometry g = reader.read(f.get("geometry").toString());
      assertTrue(g.isValid(), f.get("id").asText());
      sum += g.getArea();
      union = union == null ? g : union.union(g);
    }
    assertEquals(sum, union.getArea(), sum * 1e-6, "no overlaps between neighbours");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertEquals(
        304,
        http.get("/api/geometry/subdistrict?zoom=8&parent=8301", "If-None-Match", etag)
            .statusCode());
  }

  @Test
  void gzipIsSentWhenAccepted() {
    HttpResponse<byte[]> r = http.get("/api/geometry/district?zoom=6", "Accept-Encoding", "gzip");
    assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElseThrow());
    int plain = http.get("/api/geometry/district?zoom=6").body().length;
    assertTrue(r.body().length < plain / 2, r.body().length + " vs " + plain);
  }

  @Test
  void lowerZoomsCarryFewerVertices() throws Exception {
    int low = http.get("/api/geometry/province?zoom=4").body().length;
    int high = http.get("/api/geometry/province?zoom=12").body().length;
    assertTrue(low < high, low + " < " + high);
  }

  @Test
  void badZoomAndParentAre4xx() {
    assertEquals(400, http.get("/api/geometry/province?zoom=15").statusCode());
    assertEquals(400, http.get("/api/geometry/province?zoom=x").statusCode());
    assertEquals(404, http.get("/api/geometry/village?zoom=3").statusCode());
    assertEquals(404, http.get("/api/geometry/district?parent=99").statusCode());
    assertEquals(400, http.get("/api/geometry/district?parent=9999").statusCode());
  }
}
