package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.ogc.OgcFixture;

/**
 * Downloads with {@code crs}: GeoJSON, GeoPackage and TopoJSON in another CRS, the formats without
 * geometry refuse.
 */
class ExportCrsTest {
  static final HttpTestClient http = OgcFixture.http();
  static final String UTM47 = HttpTestClient.enc("http://www.opengis.net/def/crs/EPSG/0/32647");

  @TempDir Path tmp;

  static HttpResponse<byte[]> ok(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path + ": " + new String(r.body()));
    return r;
  }

  @Test
  void geoJsonInUtm47HasTheLegacyCrsMemberAndTransformedCoordinates() throws Exception {
    JsonNode lonLat = Json.MAPPER.readTree(ok("/api/export/district.geojson?parent=83").body());
    HttpResponse<byte[]> r = ok("/api/export/district.geojson?parent=83&crs=EPSG:32647");
    JsonNode utm = Json.MAPPER.readTree(r.body());
    assertEquals(
        "urn:ogc:def:crs:EPSG::32647", utm.path("crs").path("properties").path("name").asText());
    assertTrue(lonLat.path("crs").isMissingNode(), "CRS84 stays RFC 7946");
    assertTrue(utm.path("metadata").path("crs").asText().startsWith("EPSG:32647"));
    Crs c = Crs.parse("EPSG:32647", "crs");
    JsonNode p =
        lonLat.path("features").get(0).path("geometry").path("coordinates").get(0).get(0).get(0);
    JsonNode q =
        utm.path("features").get(0).path("geometry").path("coordinates").get(0).get(0).get(0);
    double[] expected = c.fromCrs84(p.get(0).asDouble(), p.get(1).asDouble());
    // the CRS84 file is rounded to 6 decimals (≈ 0.1 m), the UTM one to 0.1 m
    assertEquals(expected[0], q.get(0).asDouble(), 0.3);
    assertEquals(expected[1], q.get(1).asDouble(), 0.3);
    assertNotEquals(
        ok("/api/export/district.geojson?parent=83").headers().firstValue("ETag"),
        r.headers().firstValue("ETag"),
        "another CRS is another file");
    // EPSG:4326 in a file is longitude first, as GDAL reads GeoJSON: the CRS84 bytes
    assertEquals(
        new String(ok("/api/export/district.geojson?parent=83").body()),
        new String(ok("/api/export/district.geojson?parent=83&crs=EPSG:4326").body()));
  }

  @Test
  void geoPackageInUtm47DeclaresItsSrsAndHoldsMetres() throws Exception {
    Path file = tmp.resolve("utm.gpkg");
    // Phuket's districts: their box in UTM 47N is known
    Files.write(file, ok("/api/export/district.gpkg?parent=83&crs=" + UTM47).body());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id = 32647 AND organization ="
                  + " 'EPSG' AND definition LIKE 'PROJCS[\"WGS 84 / UTM zone 47N\"%'"));
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = 'district' AND srs_id"
                  + " = 32647"));
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM gpkg_contents WHERE table_name = 'district' AND srs_id = 32647"
                  + " AND min_x > 400000 AND max_x < 470000 AND min_y > 800000 AND max_y < 930000"));
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM rtree_district_geom WHERE minx > 400000 AND maxy < 930000 AND"
                  + " id = 1"));
    }
    Path indian = tmp.resolve("indian.gpkg");
    Files.write(indian, ok("/api/export/province.gpkg?crs=EPSG:24047").body());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + indian);
        Statement st = c.createStatement()) {
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id = 24047 AND definition LIKE"
                  + " '%TOWGS84[210,814,289,0,0,0,0]%'"));
    }
    ogrinfoSaysUtm47(file);
  }

  /** GDAL (when installed) reads the file's CRS as UTM 47N. */
  static void ogrinfoSaysUtm47(Path file) throws Exception {
    Process p;
    try {
      p =
          new ProcessBuilder("ogrinfo", "-so", file.toString(), "district")
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException e) {
      return; // gdal-bin not installed
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.contains("WGS 84 / UTM zone 47N"), out);
    assertTrue(out.contains("Feature Count: 3"), out);
  }

  /**
   * TopoJSON in UTM 47N is quantized in metres (0.1 m) after reprojection: every arc vertex,
   * decoded (delta + transform), is a vertex of the UTM GeoJSON download (rounded to 0.1 m), its
   * bbox is the GeoJSON's extent, and neighbours still share arcs.
   */
  @Test
  void topoJsonInUtm47IsQuantizedInMetres() throws Exception {
    JsonNode topo =
        Json.MAPPER.readTree(
            ok("/api/export/subdistrict.topojson?parent=83&crs=EPSG:32647").body());
    JsonNode geo =
        Json.MAPPER.readTree(ok("/api/export/subdistrict.geojson?parent=83&crs=EPSG:32647").body());
    assertEquals(
        "urn:ogc:def:crs:EPSG::32647", topo.path("crs").path("properties").path("name").asText());
    assertTrue(topo.path("metadata").path("crs").asText().startsWith("EPSG:32647"));
    assertEquals(0.1, topo.path("transform").path("scale").get(0).asDouble());
    java.util.Set<Long> vertices = new java.util.HashSet<>();
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    for (JsonNode f : geo.path("features")) {
      for (JsonNode poly : f.path("geometry").path("coordinates")) {
        for (JsonNode ring : poly) {
          for (JsonNode c : ring) {
            vertices.add(grid(c.get(0).asDouble(), c.get(1).asDouble()));
            minX = Math.min(minX, c.get(0).asDouble());
            maxX = Math.max(maxX, c.get(0).asDouble());
          }
        }
      }
    }
    assertTrue(minX > 300_000 && maxX < 700_000, "UTM eastings: " + minX + ".." + maxX);
    assertEquals(minX, topo.path("bbox").get(0).asDouble(), 0.2);
    assertEquals(maxX, topo.path("bbox").get(2).asDouble(), 0.2);
    double tx = topo.path("transform").path("translate").get(0).asDouble();
    double ty = topo.path("transform").path("translate").get(1).asDouble();
    int points = 0;
    int matched = 0;
    for (JsonNode arc : topo.path("arcs")) {
      long x = 0;
      long y = 0;
      for (JsonNode d : arc) {
        x += d.get(0).asLong();
        y += d.get(1).asLong();
        points++;
        double ex = tx + x * 0.1;
        double ny = ty + y * 0.1;
        if (near(vertices, ex, ny)) {
          matched++;
        }
      }
    }
    assertTrue(points > 100, "points " + points);
    assertEquals(points, matched, "every arc vertex is a vertex of the UTM GeoJSON");
    // shared borders: fewer arc vertices than the features' ring vertices
    assertTrue(points < vertices.size() * 2, points + " vs " + vertices.size());
  }

  private static long grid(double x, double y) {
    return Math.round(x * 10) * 100_000_000L + Math.round(y * 10);
  }

  private static boolean near(java.util.Set<Long> vertices, double x, double y) {
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        if (vertices.contains(grid(x + dx * 0.1, y + dy * 0.1))) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void formatsWithoutGeometryInAnotherCrsAre400NamingCrs() {
    for (String f :
        List.of(
            "district.csv?crs=EPSG:32647",
            "district.xlsx?crs=EPSG:32647",
            "district.csv-metadata.json?crs=EPSG:32647",
            "district.geojson?crs=EPSG:2154",
            "district.gpkg?crs=")) {
      HttpResponse<byte[]> r = http.get("/api/export/" + f);
      assertEquals(400, r.statusCode(), f);
      assertTrue(new String(r.body()).contains("'crs'"), f + ": " + new String(r.body()));
    }
    ok("/api/export/district.csv?crs=" + HttpTestClient.enc(Crs.CRS84_URI));
  }

  static int one(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
