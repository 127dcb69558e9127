package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.ogc.OgcFixture;

/**
 * The same field has the same type in every format: {@code small_denominator} a boolean (GeoJSON,
 * OGC items, TopoJSON, a boolean XLSX cell), counts whole numbers (7436, not 7436.0; INTEGER in the
 * GeoPackage), metadata typed ({@code higher_is_better: false}, {@code survey_year_be: 2561}).
 */
class TypesTest {
  static final HttpTestClient http = OgcFixture.http();
  @TempDir Path tmp;

  /** A rate indicator with subdistrict data in Phuket, and its year; then a count one. */
  static String[] indicator(ValueKind kind) {
    var data = OgcFixture.dataset().indicators();
    for (var year : data.years().keySet()) {
      for (Indicator i : data.indicators()) {
        if (i.kind() == kind
            && (kind != ValueKind.PERCENT || i.higherIsBetter() != null)
            && data.values(year, AdminLevel.SUBDISTRICT, i.code())
                .map(m -> m.keySet().stream().anyMatch(c -> c.startsWith("83")))
                .orElse(false)) {
          return new String[] {
            "?indicator=" + HttpTestClient.enc(i.code()) + "&year=" + year.be(),
            Boolean.toString(Boolean.TRUE.equals(i.higherIsBetter())),
            Integer.toString(year.be())
          };
        }
      }
    }
    throw new IllegalStateException("no " + kind + " indicator with Phuket subdistrict data");
  }

  static final String[] RATE = indicator(ValueKind.PERCENT);
  static final String[] COUNT = indicator(ValueKind.COUNT);

  static JsonNode json(String path) throws Exception {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path);
    return Json.MAPPER.readTree(r.body());
  }

  static void typedProperties(JsonNode p, boolean count, String where) {
    JsonNode sd = p.path("small_denominator");
    assertTrue(sd.isBoolean() || sd.isNull(), where + " small_denominator: " + sd);
    if (p.path("value").isNull()) {
      assertTrue(sd.isNull(), where);
    } else {
      assertTrue(sd.isBoolean(), where);
    }
    for (String f : count ? new String[] {"numerator", "value"} : new String[] {"numerator"}) {
      JsonNode n = p.path(f);
      assertTrue(n.isNull() || n.isIntegralNumber(), where + " " + f + " whole: " + n);
    }
    JsonNode d = p.path("denominator");
    assertTrue(d.isNull() || d.isIntegralNumber(), where + " denominator whole: " + d);
    assertTrue(p.path("year_be").isInt(), where);
    assertTrue(p.path("code").isTextual() && p.path("parent_code").isTextual(), where);
  }

  @Test
  void geoJsonItemsAndTopoJsonHaveBooleansAndWholeCounts() throws Exception {
    for (String[] ind : new String[][] {RATE, COUNT}) {
      boolean count = ind == COUNT;
      int values = 0;
      for (String p :
          new String[] {
            "/ogc/collections/subdistrict/items?limit=100&" + ind[0].substring(1),
            "/api/export/subdistrict.geojson" + ind[0]
          }) {
        for (JsonNode f : json(p).path("features")) {
          typedProperties(f.path("properties"), count, p + " " + f.path("id"));
          values += f.path("properties").path("value").isNull() ? 0 : 1;
        }
      }
      assertTrue(values > 0, "some values to check");
      JsonNode topo = json("/api/export/subdistrict.topojson" + ind[0]);
      for (JsonNode g : topo.path("objects").path("subdistrict").path("geometries")) {
        typedProperties(g.path("properties"), count, "topojson " + g.path("id"));
      }
    }
    // Read as text the same: no "7436.0"
    String text = new String(http.get("/api/export/subdistrict.geojson" + COUNT[0]).body());
    assertFalse(text.matches("(?s).*\"numerator\":\\d+\\.0[,}].*"), "whole counts without .0");
  }

  @Test
  void metadataIsTypedInJsonFormats() throws Exception {
    for (String p :
        new String[] {
          "/api/export/district.geojson" + RATE[0], "/api/export/district.topojson" + RATE[0]
        }) {
      JsonNode m = json(p).path("metadata");
      assertTrue(m.path("higher_is_better").isBoolean(), p + " " + m);
      assertEquals(Boolean.parseBoolean(RATE[1]), m.path("higher_is_better").asBoolean());
      assertTrue(m.path("survey_year_be").isInt(), p);
      assertEquals(Integer.parseInt(RATE[2]), m.path("survey_year_be").asInt());
      assertTrue(m.path("survey_year_ce").isInt(), p);
      assertTrue(m.path("title").isTextual(), p);
    }
  }

  @Test
  void xlsxHasABooleanCellForSmallDenominator() throws Exception {
    HttpResponse<byte[]> r = http.get("/api/export/subdistrict.xlsx" + RATE[0]);
    int col = CsvExporter.COLUMNS.indexOf("small_denominator");
    int num = CsvExporter.COLUMNS.indexOf("numerator");
    int booleans = 0;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet data = wb.getSheet(XlsxExporter.DATA);
      for (Row row : data) {
        if (row.getRowNum() == 0) {
          continue;
        }
        Cell c = row.getCell(col);
        if (c != null) {
          assertEquals(CellType.BOOLEAN, c.getCellType(), "row " + row.getRowNum());
          booleans++;
        }
        Cell n = row.getCell(num);
        if (n != null) {
          assertEquals(CellType.NUMERIC, n.getCellType());
          assertEquals(Math.rint(n.getNumericCellValue()), n.getNumericCellValue());
        }
      }
    }
    assertTrue(booleans > 0);
  }

  @Test
  void geoPackageHasIntegerCountColumnsAndBooleanFlags() throws Exception {
    for (String[] ind : new String[][] {RATE, COUNT}) {
      Path file = tmp.resolve("t" + (ind == COUNT) + ".gpkg");
      Files.write(file, http.get("/api/export/subdistrict.gpkg" + ind[0]).body());
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement st = c.createStatement()) {
        Map<String, String> types = new HashMap<>();
        try (ResultSet rs = st.executeQuery("PRAGMA table_info(subdistrict)")) {
          while (rs.next()) {
            types.put(rs.getString("name"), rs.getString("type"));
          }
        }
        assertEquals("INTEGER", types.get("numerator"));
        assertEquals("INTEGER", types.get("denominator"));
        assertEquals(ind == COUNT ? "INTEGER" : "DOUBLE", types.get("value"));
        assertEquals("BOOLEAN", types.get("small_denominator"));
        try (ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM subdistrict WHERE numerator IS NOT NULL"
                    + " AND typeof(numerator) <> 'integer'")) {
          assertEquals(0, rs.getInt(1));
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM subdistrict WHERE small_denominator NOT IN (0, 1)")) {
          assertEquals(0, rs.getInt(1));
        }
      }
    }
  }
}
