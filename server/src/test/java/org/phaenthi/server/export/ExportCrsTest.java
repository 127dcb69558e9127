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

/** Downloads with {@code crs}: GeoJSON and GeoPackage in another CRS, the other formats refuse. */
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
    Files.write(file, ok("/api/export/district.gpkg?crs=" + UTM47).body());
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

  @Test
  void formatsWithoutGeometryInAnotherCrsAre400NamingCrs() {
    for (String f :
        List.of(
            "district.csv?crs=EPSG:32647",
            "district.xlsx?crs=EPSG:32647",
            "district.topojson?crs=EPSG:32647",
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
