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
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.phaenthi.server.Attribution;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.ogc.OgcFixture;

/**
 * The downloads of {@code /api/export/{level}.{ext}} against the two-province fixture (Phuket,
 * Samut Songkhram); area counts come from the served dataset.
 */
class ExportTest {
  static final int SUBDISTRICTS =
      OgcFixture.count(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, "");
  static final int DISTRICTS = OgcFixture.count(org.phaenthi.boundaries.AdminLevel.DISTRICT, "");

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
          {"/api/export/hamlet.csv", "404", "hamlet"},
          {"/api/export/village.gpkg", "404", "csv or xlsx"},
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

  /** RFC 4180 records of a CSV body, strictly: quotes only around whole fields, doubled inside. */
  static List<List<String>> records(String text) {
    List<List<String>> out = new java.util.ArrayList<>();
    List<String> rec = new java.util.ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          f.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
          char n = i + 1 < text.length() ? text.charAt(i + 1) : '\r';
          assertTrue(n == ',' || n == '\r', "closing quote ends a field");
        } else {
          f.append(c);
        }
        i++;
        continue;
      }
      if (c == '"') {
        assertEquals(0, f.length(), "a quote opens a field only at its start");
        quoted = true;
      } else if (c == ',') {
        rec.add(f.toString());
        f.setLength(0);
      } else if (c == '\r') {
        assertEquals('\n', text.charAt(i + 1), "CRLF");
        rec.add(f.toString());
        f.setLength(0);
        out.add(rec);
        rec = new java.util.ArrayList<>();
        i++;
      } else {
        assertTrue(c != '\n', "bare LF");
        f.append(c);
      }
      i++;
    }
    assertFalse(quoted, "unterminated quote");
    assertEquals(0, f.length() + rec.size(), "the last record ends with CRLF");
    return out;
  }

  /**
   * Only data rows, as pandas.read_csv and R read them: a header and one row per area, nothing
   * after; the metadata is in the CSVW sidecar named by the Link header.
   */
  @Test
  void csvHoldsOnlyDataRowsAndLinksItsCsvwSidecar() throws Exception {
    HttpResponse<byte[]> r = ok("/api/export/subdistrict.csv" + Q);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    byte[] b = r.body();
    assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(b[0], b[1], b[2]));
    List<List<String>> rows = records(new String(b, 3, b.length - 3, StandardCharsets.UTF_8));
    assertEquals(CsvExporter.COLUMNS, rows.get(0));
    assertEquals(
        "code,name_th,name_en,level,parent_code,indicator,year_be,year_ce,numerator,denominator,value,unit,reason,small_denominator",
        String.join(",", rows.get(0)));
    assertEquals(1 + SUBDISTRICTS, rows.size(), "a header and the subdistricts, nothing else");
    int withValue = 0;
    for (List<String> cells : rows.subList(1, rows.size())) {
      assertEquals(14, cells.size());
      assertTrue(cells.get(0).matches("(75|83)\\d{4}"), "" + cells);
      assertEquals(cells.get(0).substring(0, 4), cells.get(4), "parent code as text: " + cells);
      assertEquals(IND[1], cells.get(6));
      assertFalse(cells.get(8).endsWith(".0"), "whole counts: " + cells);
      String flag = cells.get(13);
      if (cells.get(10).isEmpty()) {
        assertEquals("", flag, "no value, no flag: " + cells);
        assertFalse(cells.get(12).isEmpty(), "a missing value has a reason: " + cells);
      } else {
        withValue++;
        boolean small = Double.parseDouble(cells.get(9)) < 30;
        assertEquals(Boolean.toString(small), flag, "flag of a rate over 30 units: " + cells);
      }
    }
    assertTrue(withValue > 0, "some rows have values");
    String link = r.headers().firstValue("Link").orElse("");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<([^>]+)>; rel=\"describedby\"; type=\"application/csvm\\+json\"")
            .matcher(link);
    assertTrue(m.matches(), link);
    HttpResponse<byte[]> side = ok(m.group(1));
    assertTrue(
        side.headers().firstValue("Content-Type").orElse("").startsWith("application/csvm+json"));
    JsonNode meta = Json.MAPPER.readTree(side.body());
    assertEquals("http://www.w3.org/ns/csvw", meta.path("@context").asText());
    assertTrue(
        meta.path("url").asText().endsWith("subdistrict.csv" + Q), meta.path("url").asText());
    JsonNode cols = meta.path("tableSchema").path("columns");
    assertEquals(14, cols.size());
    assertEquals("code", cols.get(0).path("name").asText());
    assertEquals("string", cols.get(0).path("datatype").asText());
    assertEquals("string", cols.get(4).path("datatype").asText());
    assertEquals("boolean", cols.get(13).path("datatype").asText());
    JsonNode pm = meta.path("phaenthi:metadata");
    assertEquals(Attribution.BOUNDARIES, pm.path("boundary_attribution").asText());
    assertEquals(ExportMetadata.INDICATOR_LICENCE, pm.path("indicator_licence").asText());
    assertEquals(Integer.parseInt(IND[1]), pm.path("survey_year_be").asInt());
    assertTrue(pm.path("survey_year_be").isInt());
    assertTrue(meta.path("dc:license").asText().contains("creativecommons.org"));
  }

  /**
   * The XLSX is a zip whose entries carry a modification time (2-second resolution) and whose core
   * properties carry a creation time: both are the time the newest part it reads was made (not the
   * publication's), so a repeat later, or after another year's values are published, gives the same
   * bytes and the strong ETag holds.
   */
  @Test
  void xlsxIsByteIdenticalOnRepeatSecondsLater() throws Exception {
    String p = "/api/export/district.xlsx" + Q;
    byte[] a = ok(p).body();
    Thread.sleep(2_100);
    byte[] b = ok(p).body();
    assertTrue(Arrays.equals(a, b), "same request seconds later, same bytes");
    java.time.Instant imported =
        Selection.parse(
                OgcFixture.dataset(),
                org.phaenthi.boundaries.AdminLevel.DISTRICT,
                null,
                IND[0],
                IND[1])
            .partsTime();
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(a))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        long diff = Math.abs(e.getTime() - imported.toEpochMilli());
        assertTrue(diff <= 2_000, e.getName() + " time " + e.getTime());
        if (e.getName().equals("docProps/core.xml")) {
          String core = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          assertTrue(
              core.contains(imported.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()),
              core);
        }
      }
    }
  }

  @Test
  void exportsHaveAStrongEtagAnd304() {
    for (String f : List.of("csv", "geojson", "gpkg", "topojson", "xlsx", "csv-metadata.json")) {
      String p = "/api/export/district." + f + Q;
      HttpResponse<byte[]> a = ok(p);
      HttpResponse<byte[]> b = ok(p);
      String etag = a.headers().firstValue("ETag").orElse("");
      assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "strong: " + etag);
      assertEquals(etag, b.headers().firstValue("ETag").orElse(""));
      assertTrue(Arrays.equals(a.body(), b.body()), f + ": same tag, same bytes");
      assertTrue(a.headers().firstValue("Cache-Control").orElse("").contains("max-age"), p);
      assertTrue(a.headers().allValues("Vary").toString().contains("Accept-Encoding"), p);
      assertEquals(304, http.get(p, "If-None-Match", etag).statusCode());
      assertFalse(
          etag.equals(ok("/api/export/province." + f + Q).headers().firstValue("ETag").orElse("")));
    }
  }

  @Test
  void geoJsonNameIsAShortLayerName() throws Exception {
    JsonNode fc = Json.MAPPER.readTree(ok("/api/export/subdistrict.geojson" + Q).body());
    String name = fc.path("name").asText();
    assertTrue(name.matches("subdistrict_[A-Za-z0-9_]+_" + IND[1]), name);
    assertTrue(name.length() < 60, name);
    assertFalse(fc.path("metadata").path("title").asText().isEmpty());
    assertEquals(
        "district_in_83",
        Json.MAPPER
            .readTree(ok("/api/export/district.geojson?parent=83").body())
            .path("name")
            .asText());
  }

  @Test
  void geoJsonDownloadCarriesMetadataAndFullDetail() throws Exception {
    HttpResponse<byte[]> r = ok("/api/export/district.geojson" + Q);
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
    JsonNode fc = Json.MAPPER.readTree(r.body());
    assertEquals(Attribution.BOUNDARIES, fc.path("metadata").path("boundary_attribution").asText());
    assertEquals(IND[0], fc.path("metadata").path("indicator").asText());
    assertEquals(DISTRICTS, fc.path("features").size());
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
      assertEquals(SUBDISTRICTS, data.getLastRowNum());
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
              "SELECT count(*) FROM gpkg_contents WHERE table_name = 'subdistrict' AND data_type = 'features' AND srs_id = 4326 AND min_x > 98 AND max_x < 100.1 AND min_y > 7 AND max_y < 13.6"));
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
      assertEquals(SUBDISTRICTS, one(st, "SELECT count(*) FROM subdistrict"));
      // the R-tree spatial index GDAL and QGIS use: one row per feature, envelope = the geometry's
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM gpkg_extensions WHERE table_name = 'subdistrict' AND column_name = 'geom' AND extension_name = 'gpkg_rtree_index'"));
      assertEquals(SUBDISTRICTS, one(st, "SELECT count(*) FROM rtree_subdistrict_geom"));
      assertEquals(
          SUBDISTRICTS,
          one(
              st,
              "SELECT count(*) FROM subdistrict s JOIN rtree_subdistrict_geom r ON r.id = s.fid"));
      assertEquals(
          6,
          one(
              st,
              "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_subdistrict_geom_%'"));
      // Phuket town (98.39, 7.885) lies in Talat Yai's box
      try (ResultSet rs =
          st.executeQuery(
              "SELECT s.code FROM rtree_subdistrict_geom r JOIN subdistrict s ON s.fid = r.id"
                  + " WHERE r.minx <= 98.39 AND r.maxx >= 98.39 AND r.miny <= 7.885"
                  + " AND r.maxy >= 7.885")) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        while (rs.next()) {
          codes.add(rs.getString(1));
        }
        assertTrue(codes.contains("830101"), codes.toString());
      }
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
      try (ResultSet rs =
          st.executeQuery(
              "SELECT s.geom, r.minx, r.maxx, r.miny, r.maxy FROM subdistrict s"
                  + " JOIN rtree_subdistrict_geom r ON r.id = s.fid")) {
        while (rs.next()) {
          byte[] g = rs.getBytes(1);
          Envelope e =
              new WKBReader().read(Arrays.copyOfRange(g, 40, g.length)).getEnvelopeInternal();
          // the R-tree stores 32-bit floats rounded outwards
          assertTrue(rs.getDouble(2) <= e.getMinX() && rs.getDouble(3) >= e.getMaxX());
          assertTrue(rs.getDouble(4) <= e.getMinY() && rs.getDouble(5) >= e.getMaxY());
          assertTrue(e.getMinX() - rs.getDouble(2) < 1e-4 && rs.getDouble(5) - e.getMaxY() < 1e-4);
        }
      }
    }
  }

  /**
   * The R-tree triggers work in a GeoPackage-aware reader: with ST_IsEmpty and ST_Min/MaxX/Y
   * defined as GDAL defines them (from the envelope in the GeoPackage geometry header), an insert,
   * an update and a delete in the feature table keep the index in step.
   */
  @Test
  void geoPackageSpatialIndexFollowsEditsInAGis() throws Exception {
    Path file = tmp.resolve("edit.gpkg");
    Files.write(file, ok("/api/export/subdistrict.gpkg" + Q).body());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      envelopeFunction(c, "ST_MinX", 8);
      envelopeFunction(c, "ST_MaxX", 16);
      envelopeFunction(c, "ST_MinY", 24);
      envelopeFunction(c, "ST_MaxY", 32);
      org.sqlite.Function.create(
          c,
          "ST_IsEmpty",
          new org.sqlite.Function() {
            @Override
            protected void xFunc() throws java.sql.SQLException {
              result(0);
            }
          });
      st.execute(
          "INSERT INTO subdistrict(fid, geom, code) SELECT 1000, geom, 'copy' FROM subdistrict"
              + " WHERE code = '830101'");
      assertEquals(SUBDISTRICTS + 1, one(st, "SELECT count(*) FROM rtree_subdistrict_geom"));
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM rtree_subdistrict_geom r JOIN rtree_subdistrict_geom o"
                  + " ON o.id = (SELECT fid FROM subdistrict WHERE code = '830101')"
                  + " WHERE r.id = 1000 AND r.minx = o.minx AND r.maxy = o.maxy"));
      st.execute(
          "UPDATE subdistrict SET geom = (SELECT geom FROM subdistrict WHERE code = '830102')"
              + " WHERE fid = 1000");
      assertEquals(
          1,
          one(
              st,
              "SELECT count(*) FROM rtree_subdistrict_geom r JOIN rtree_subdistrict_geom o"
                  + " ON o.id = (SELECT fid FROM subdistrict WHERE code = '830102')"
                  + " WHERE r.id = 1000 AND r.minx = o.minx AND r.maxy = o.maxy"));
      st.execute("DELETE FROM subdistrict WHERE fid = 1000");
      assertEquals(SUBDISTRICTS, one(st, "SELECT count(*) FROM rtree_subdistrict_geom"));
    }
  }

  /** ST_MinX and friends: the double at {@code offset} of the GeoPackage geometry header. */
  private static void envelopeFunction(Connection c, String name, int offset) throws Exception {
    org.sqlite.Function.create(
        c,
        name,
        new org.sqlite.Function() {
          @Override
          protected void xFunc() throws java.sql.SQLException {
            result(ByteBuffer.wrap(value_blob(0)).order(ByteOrder.LITTLE_ENDIAN).getDouble(offset));
          }
        });
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
    assertEquals(SUBDISTRICTS, geoms.size());
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
    assertTrue(shared >= SUBDISTRICTS, "neighbouring subdistricts share arcs: " + shared);
  }
}
