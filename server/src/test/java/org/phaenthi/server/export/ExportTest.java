package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.phaenthi.server.Attribution;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.ogc.OgcFixture;

/** The downloads of {@code /api/export/{level}.{ext}} against the Phuket fixture. */
class ExportTest {
  static final HttpTestClient http = OgcFixture.http();
  static final String[] IND = OgcFixture.indicatorWithSubdistrictData();
  static final String Q = "?indicator=" + HttpTestClient.enc(IND[0]) + "&year=" + IND[1];
  @TempDir Path tmp;

  static HttpResponse<byte[]> ok(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path + " → " + new String(r.body(), StandardCharsets.UTF_8));
    return r;
  }

  static String disposition(HttpResponse<byte[]> r) {
    return r.headers().firstValue("Content-Disposition").orElse("");
  }

  @Test
  void fileNamesSayWhatTheFileHoldsWithoutColons() {
    HttpResponse<byte[]> r = ok("/api/export/subdistrict.csv" + Q);
    String expected = "phaenthi_subdistrict_" + IND[0].replace(':', '-') + "_" + IND[1] + ".csv";
    assertEquals("attachment; filename=\"" + expected + "\"", disposition(r));
    assertEquals(
        "attachment; filename=\"phaenthi_district_in-83.gpkg\"",
        disposition(ok("/api/export/district.gpkg?parent=83")));
  }

  @Test
  void badInputIs400Or404JsonNeverAFile() {
    for (String[] c :
        new String[][] {
          {"/api/export/subdistrict.shp", "404", "shp"},
          {"/api/export/village.csv", "404", "village"},
          {"/api/export/subdistrict", "404", "format"},
          {"/api/export/subdistrict.csv?indicator=nope:x", "404", "nope:x"},
          {"/api/export/subdistrict.csv?year=2561", "400", "indicator"},
          {"/api/export/subdistrict.csv?colour=red", "400", "colour"},
          {"/api/export/subdistrict.csv?parent=8x", "400", "parent"},
          {"/api/export/subdistrict.csv?parent=99", "404", "99"},
          {"/api/export/subdistrict.csv" + Q.replace(IND[1], "2018"), "400", "year"},
        }) {
      HttpResponse<byte[]> r = http.get(c[0]);
      assertEquals(Integer.parseInt(c[1]), r.statusCode(), c[0]);
      JsonNode e = OgcFixture.json(r);
      assertTrue(e.path("message").asText().contains(c[2]), c[0] + ": " + e);
      assertFalse(disposition(r).contains("attachment"));
    }
  }

  @Test
  void csvHasBomHeaderRowsAndMetadataAfterABlankRow() {
    HttpResponse<byte[]> r = ok("/api/export/subdistrict.csv" + Q);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    byte[] b = r.body();
    assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(b[0], b[1], b[2]));
    String[] lines = new String(b, 3, b.length - 3, StandardCharsets.UTF_8).split("\r\n");
    assertEquals(String.join(",", CsvExporter.COLUMNS), lines[0]);
    assertEquals(
        "code,name_th,name_en,level,parent_code,indicator,year_be,year_ce,numerator,denominator,value,unit,reason,small_denominator",
        lines[0]);
    assertEquals(
        18, Arrays.asList(lines).indexOf(",,,,,,,,,,,,,"), "17 data rows then a blank row");
    int withValue = 0;
    for (int i = 1; i < 18; i++) {
      String[] cells = lines[i].split(",", -1);
      String flag = cells[13];
      if (cells[10].isEmpty()) {
        assertEquals("", flag, "no value, no flag: " + lines[i]);
      } else {
        withValue++;
        boolean small = Double.parseDouble(cells[9]) < 30;
        assertEquals(Boolean.toString(small), flag, "flag of a rate over 30 units: " + lines[i]);
      }
    }
    assertTrue(withValue > 0, "some rows have values");
    String text = String.join("\n", lines);
    assertTrue(
        text.contains(
            "boundary_attribution,\"" + Attribution.BOUNDARIES.replace("\"", "\"\"") + "\""));
    assertTrue(text.contains("\ndefinition,"));
    assertTrue(text.contains("\nsource,"));
    assertTrue(text.contains("\nsurvey_year_be," + IND[1]));
    for (int i = 1; i <= 17; i++) {
      String[] cells = lines[i].split(",", -1);
      assertTrue(cells[0].matches("83\\d{4}"), lines[i]);
      assertEquals(IND[1], cells[6]);
      if (cells[10].isEmpty()) {
        assertFalse(cells[12].isEmpty(), "a missing value has a reason: " + lines[i]);
      }
    }
  }

  @Test
  void geoJsonDownloadCarriesMetadataAndFullDetail() throws Exception {
    HttpResponse<byte[]> r = ok("/api/export/district.geojson" + Q);
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
    JsonNode fc = Json.MAPPER.readTree(r.body());
    assertEquals(Attribution.BOUNDARIES, fc.path("metadata").path("boundary_attribution").asText());
    assertEquals(IND[0], fc.path("metadata").path("indicator").asText());
    assertEquals(3, fc.path("features").size());
    int vertices = 0;
    for (JsonNode f : fc.path("features")) {
      vertices += f.path("geometry").toString().split("\\],\\[").length;
    }
    int source = 0;
    for (var a :
        OgcFixture.dataset().boundaries().areas(org.phaenthi.boundaries.AdminLevel.DISTRICT)) {
      source += a.geometry().getNumPoints();
    }
    assertTrue(vertices >= source * 0.99, "full detail: " + vertices + " of " + source);
  }

  @Test
  void xlsxHasDataAndAboutSheets() throws Exception {
    HttpResponse<byte[]> r = ok("/api/export/subdistrict.xlsx" + Q);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet data = wb.getSheet(XlsxExporter.DATA);
      assertEquals("code", data.getRow(0).getCell(0).getStringCellValue());
      assertEquals(17, data.getLastRowNum());
      assertEquals(Integer.parseInt(IND[1]), (int) data.getRow(1).getCell(6).getNumericCellValue());
      Sheet about = wb.getSheet(XlsxExporter.ABOUT);
      Map<String, String> meta = new HashMap<>();
      about.forEach(
          row ->
              meta.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue()));
      assertEquals(Attribution.BOUNDARIES, meta.get("boundary_attribution"));
      assertEquals(Attribution.BOUNDARIES_LICENCE_URL, meta.get("boundary_licence"));
      assertEquals(IND[1], meta.get("survey_year_be"));
      assertNotNull(meta.get("source"));
      assertNotNull(meta.get("definition"));
    }
  }

  @Test
  void geoPackageReadsBackWithTheStandardTables() throws Exception {
    HttpResponse<byte[]> r = ok("/api/export/subdistrict.gpkg" + Q);
    Path file = tmp.resolve("x.gpkg");
    Files.write(file, r.body());
    assertEquals(
        "GPKG", new String(Arrays.copyOfRange(r.body(), 68, 72), StandardCharsets.US_ASCII));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      assertEquals(GeoPackageExporter.APPLICATION_ID, one(st, "PRAGMA application_id"));
      assertEquals(10300, one(st, "PRAGMA user_version"));
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id = 4326 AND organization = 'EPSG'"));
      assertEquals(
          3, one(st, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)"));
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM gpkg_contents WHERE table_name = 'subdistrict' AND data_type = 'features' AND srs_id = 4326 AND min_x > 98 AND max_x < 99 AND min_y > 7 AND max_y < 9"));
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM gpkg_contents WHERE table_name = 'phaenthi_metadata' AND data_type = 'attributes'"));
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = 'subdistrict' AND column_name = 'geom' AND geometry_type_name = 'MULTIPOLYGON' AND srs_id = 4326"));
      assertEquals(17, one(st, "SELECT count(*) FROM subdistrict"));
      try (ResultSet rs =
          st.executeQuery(
              "SELECT value FROM phaenthi_metadata WHERE key = 'boundary_attribution'")) {
        assertTrue(rs.next());
        assertEquals(Attribution.BOUNDARIES, rs.getString(1));
      }
      try (ResultSet rs = st.executeQuery("SELECT code, geom FROM subdistrict ORDER BY code")) {
        while (rs.next()) {
          byte[] g = rs.getBytes(2);
          assertEquals('G', g[0]);
          assertEquals('P', g[1]);
          assertEquals(0, g[2]);
          assertEquals(0b11, g[3]);
          ByteBuffer bb = ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN);
          assertEquals(4326, bb.getInt(4));
          Geometry geom = new WKBReader().read(Arrays.copyOfRange(g, 40, g.length));
          assertEquals("MultiPolygon", geom.getGeometryType());
          assertTrue(geom.isValid());
          var area = OgcFixture.dataset().boundaries().area(rs.getString(1)).orElseThrow();
          assertEquals(area.geometry().getArea(), geom.getArea(), 1e-12);
          assertEquals(geom.getEnvelopeInternal().getMinX(), bb.getDouble(8));
          assertEquals(geom.getEnvelopeInternal().getMaxY(), bb.getDouble(32));
        }
      }
    }
  }

  static int one(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }

  @Test
  void topoJsonNeighboursShareArcsOneReversed() throws Exception {
    HttpResponse<byte[]> r = ok("/api/export/subdistrict.topojson" + Q);
    JsonNode t = Json.MAPPER.readTree(r.body());
    assertEquals("Topology", t.path("type").asText());
    assertEquals(Attribution.BOUNDARIES, t.path("metadata").path("boundary_attribution").asText());
    JsonNode geoms = t.path("objects").path("subdistrict").path("geometries");
    assertEquals(17, geoms.size());
    Map<Integer, String> forwards = new HashMap<>();
    Map<Integer, String> backwards = new HashMap<>();
    for (JsonNode g : geoms) {
      List<JsonNode> rings = new java.util.ArrayList<>();
      if (g.path("type").asText().equals("Polygon")) {
        g.path("arcs").forEach(rings::add);
      } else {
        g.path("arcs").forEach(p -> p.forEach(rings::add));
      }
      for (JsonNode ring : rings) {
        for (JsonNode ref : ring) {
          int i = ref.asInt();
          (i >= 0 ? forwards : backwards).put(i >= 0 ? i : ~i, g.path("id").asText());
        }
      }
    }
    long shared =
        forwards.keySet().stream()
            .filter(i -> backwards.containsKey(i) && !backwards.get(i).equals(forwards.get(i)))
            .count();
    assertTrue(shared >= 17, "neighbouring subdistricts share arcs: " + shared);
  }
}
