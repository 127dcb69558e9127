package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.server.export.XlsxExporter;

/**
 * {@code compare=YEAR} on the exports and TileJSON, on the two-year fixture: every area's exported
 * change (and both years' values) equals {@code /api/values?compare=}.
 */
class ChangeExportTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;
  static HttpTestClient http;

  @BeforeAll
  static void start() {
    server = TestServers.start(TwoYears.dataset(), tmp);
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Per area code: value (the change), from.value, to.value, as /api/values?compare= says. */
  private static Map<String, Double[]> expected(String level, String indicator, String q) {
    JsonNode r = http.json("/api/values?level=" + level + "&indicator=" + indicator + q);
    Map<String, Double[]> out = new HashMap<>();
    for (JsonNode v : r.get("values")) {
      out.put(
          v.get("code").asText(),
          new Double[] {num(v.get("value")), num(v.at("/from/value")), num(v.at("/to/value"))});
    }
    assertFalse(out.isEmpty(), r.toString());
    return out;
  }

  private static Double num(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n.asDouble();
  }

  private static Double cell(String text) {
    return text == null || text.isEmpty() ? null : Double.valueOf(text);
  }

  private static HttpResponse<byte[]> ok(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path + " → " + new String(r.body(), StandardCharsets.UTF_8));
    return r;
  }

  private static void same(Map<String, Double[]> want, Map<String, Double[]> got, String what) {
    assertEquals(want.keySet(), got.keySet(), what);
    want.forEach(
        (code, w) -> {
          for (int i = 0; i < 3; i++) {
            Double a = w[i];
            Double b = got.get(code)[i];
            if (a == null) {
              assertNull(b, what + " " + code + " column " + i + ": no data, never 0");
            } else {
              assertEquals(a, b, 1e-9, what + " " + code + " column " + i);
            }
          }
        });
  }

  /** RFC 4180 rows (the exporter quotes cells holding , or "). */
  static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.replace("\uFEFF", "").split("\r\n")) {
      List<String> cells = new ArrayList<>();
      StringBuilder b = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            b.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            b.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          cells.add(b.toString());
          b.setLength(0);
        } else {
          b.append(c);
        }
      }
      cells.add(b.toString());
      rows.add(cells);
    }
    return rows;
  }

  @ParameterizedTest
  @CsvSource({
    "district, test:poor_rate, &year=2566&compare=2561",
    "province, test:poor_rate, &year=2566&compare=2561",
    "district, test:poor_rate, &year=2561&compare=2566",
    "district, tpmap:households_surveyed, &compare=2561"
  })
  void csvXlsxAndGeoJsonChangeEqualsTheValuesApi(String level, String indicator, String q)
      throws Exception {
    Map<String, Double[]> want = expected(level, indicator, q);
    String path = "/api/export/" + level + ".%s?indicator=" + indicator + q;

    List<List<String>> rows =
        csv(new String(ok(path.formatted("csv")).body(), StandardCharsets.UTF_8));
    List<String> head = rows.get(0);
    Map<String, Double[]> got = new HashMap<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      got.put(
          r.get(head.indexOf("code")),
          new Double[] {
            cell(r.get(head.indexOf("change"))),
            cell(r.get(head.indexOf("compare_value"))),
            cell(r.get(head.indexOf("value")))
          });
    }
    same(want, got, "csv");

    got.clear();
    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(ok(path.formatted("xlsx")).body()))) {
      Sheet data = wb.getSheet(XlsxExporter.DATA);
      List<String> cols = new ArrayList<>();
      data.getRow(0).forEach(c -> cols.add(c.getStringCellValue()));
      for (int i = 1; i <= data.getLastRowNum(); i++) {
        Row r = data.getRow(i);
        got.put(
            r.getCell(cols.indexOf("code")).getStringCellValue(),
            new Double[] {
              xlsx(r.getCell(cols.indexOf("change"))),
              xlsx(r.getCell(cols.indexOf("compare_value"))),
              xlsx(r.getCell(cols.indexOf("value")))
            });
      }
    }
    same(want, got, "xlsx");

    got.clear();
    JsonNode fc = Json.MAPPER.readTree(ok(path.formatted("geojson")).body());
    for (JsonNode f : fc.get("features")) {
      JsonNode p = f.get("properties");
      got.put(
          p.get("code").asText(),
          new Double[] {num(p.get("change")), num(p.get("compare_value")), num(p.get("value"))});
    }
    same(want, got, "geojson");
  }

  private static Double xlsx(Cell c) {
    return c == null ? null : c.getNumericCellValue();
  }

  @Test
  void changeMetadataCarriesUnitReasonAndCaveat() throws Exception {
    String q = "?indicator=" + TwoYears.RATE + "&year=2566&compare=2561";
    JsonNode fc = Json.MAPPER.readTree(ok("/api/export/district.geojson" + q).body());
    JsonNode m = fc.get("metadata");
    assertEquals(2561, m.get("compare_year_be").asInt());
    assertEquals(2566, m.get("survey_year_be").asInt());
    assertEquals("percentage points", m.get("change_unit").asText());
    assertTrue(m.get("change_caveat").asText().contains("different sources"), m.toString());
    assertTrue(m.get("title").asText().contains("change 2561 to 2566"), m.toString());
    JsonNode missing = null;
    for (JsonNode f : fc.get("features")) {
      if (f.get("id").asText().equals("8303")) {
        missing = f.get("properties");
      }
    }
    assertTrue(missing.get("change").isNull(), missing.toString());
    assertTrue(
        missing.get("change_reason").asText().startsWith("no data in 2561"), missing.toString());
    assertTrue(fc.get("name").asText().endsWith("_2561_to_2566"), fc.get("name").asText());

    HttpResponse<byte[]> csv = ok("/api/export/district.csv" + q);
    assertTrue(
        csv.headers().firstValue("Content-Disposition").orElseThrow().contains("_2561-to-2566.csv"),
        csv.headers().map().toString());
    JsonNode side = Json.MAPPER.readTree(ok("/api/export/district.csv-metadata.json" + q).body());
    Map<String, String> types = new HashMap<>();
    side.at("/tableSchema/columns")
        .forEach(c -> types.put(c.get("name").asText(), c.get("datatype").asText()));
    assertEquals("number", types.get("change"));
    assertEquals("integer", types.get("compare_numerator"));
    assertTrue(side.at("/phaenthi:metadata/change_caveat").asText().contains("different sources"));

    try (XSSFWorkbook wb =
        new XSSFWorkbook(new ByteArrayInputStream(ok("/api/export/district.xlsx" + q).body()))) {
      Map<String, String> about = new HashMap<>();
      wb.getSheet(XlsxExporter.ABOUT)
          .forEach(
              r -> about.put(r.getCell(0).getStringCellValue(), r.getCell(1).getStringCellValue()));
      assertEquals("2561", about.get("compare_year_be"));
      assertTrue(about.get("change_caveat").contains("different sources"), about.toString());
    }
  }

  @Test
  void theEtagIsKeyedOnBothYearsValueSets() {
    String q = "?indicator=" + TwoYears.RATE + "&year=2566";
    JsonNode values =
        http.json(
            "/api/values?level=district&indicator=" + TwoYears.RATE + "&year=2566&compare=2561");
    String both = values.get("data_version").asText();
    assertTrue(both.contains("."), both);
    for (String f : List.of("csv", "xlsx", "geojson", "csv-metadata.json")) {
      HttpResponse<byte[]> plain = ok("/api/export/district." + f + q);
      HttpResponse<byte[]> change = ok("/api/export/district." + f + q + "&compare=2561");
      String etag = change.headers().firstValue("ETag").orElseThrow();
      assertTrue(etag.startsWith("\"" + both + "-"), f + ": " + etag + " vs " + both);
      assertNotEquals(plain.headers().firstValue("ETag").orElseThrow(), etag, f);
      assertEquals(
          304,
          http.get("/api/export/district." + f + q + "&compare=2561", "If-None-Match", etag)
              .statusCode());
      String body = new String(plain.body(), StandardCharsets.UTF_8);
      assertFalse(body.contains("compare_value"), f + " without compare has no change columns");
    }
  }

  @Test
  void badCompareIsA4xxNamingTheParameter() {
    for (String f : List.of("csv", "xlsx", "geojson", "csv-metadata.json")) {
      String base = "/api/export/district." + f + "?indicator=" + TwoYears.RATE + "&year=2566";
      assertError(base + "&compare=2566", 400, "'compare'");
      assertError(base + "&compare=61", 400, "'compare'");
      assertError(base + "&compare=", 400, "'compare'");
      assertError(base + "&compare=2570", 404, "'compare'");
      assertError("/api/export/district." + f + "?compare=2561", 400, "'compare'");
    }
    String q = "?indicator=" + TwoYears.RATE + "&year=2566&compare=2561";
    assertError("/api/export/district.gpkg" + q, 400, "'compare'");
    assertError("/api/export/district.topojson" + q, 400, "'compare'");
    assertError("/tiles/district.json?compare=2561", 400, "'compare'");
    assertError(
        "/tiles/district.json?indicator=" + TwoYears.RATE + "&compare=2566", 400, "'compare'");
    assertError("/tiles/district.json?indicator=" + TwoYears.RATE + "&compare=x", 400, "'compare'");
  }

  @Test
  void tileJsonWithCompareAdvertisesChangeTiles() {
    JsonNode plain = http.json("/tiles/district.json?indicator=" + TwoYears.RATE + "&year=2566");
    JsonNode tj =
        http.json("/tiles/district.json?indicator=" + TwoYears.RATE + "&year=2566&compare=2561");
    String url = tj.get("tiles").get(0).asText();
    assertTrue(url.endsWith("&year=2566&compare=2561&v=" + tj.get("version").asText()), url);
    assertFalse(plain.get("tiles").get(0).asText().contains("compare"));
    assertNotEquals(plain.get("version").asText(), tj.get("version").asText());
    JsonNode fields = tj.at("/vector_layers/0/fields");
    assertTrue(fields.get("value").asText().contains("percentage points"), fields.toString());
    assertFalse(fields.has("numerator"), "change tiles carry no counts: " + fields);
    // the advertised URL serves the change tile
    org.phaenthi.tiles.TileCoord c = org.phaenthi.tiles.TileCoord.containing(98.39, 7.885, 8);
    URI u =
        URI.create(
            url.replace("{z}", "" + c.z()).replace("{x}", "" + c.x()).replace("{y}", "" + c.y()));
    HttpResponse<byte[]> tile = ok(u.getRawPath() + "?" + u.getRawQuery());
    HttpResponse<byte[]> direct =
        ok(
            "/tiles/district/"
                + c.z()
                + "/"
                + c.x()
                + "/"
                + c.y()
                + ".mvt?indicator="
                + TwoYears.RATE
                + "&year=2566&compare=2561");
    assertEquals(
        direct.headers().firstValue("ETag").orElseThrow(),
        tile.headers().firstValue("ETag").orElseThrow());
  }

  private static void assertError(String path, int status, String fragment) {
    HttpResponse<byte[]> r = http.get(path);
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertEquals(status, r.statusCode(), path + " → " + body);
    assertTrue(body.contains(fragment), path + " → " + body);
    assertTrue(body.contains("\"status\":" + status), body);
    assertFalse(body.contains("Exception"), body);
  }
}
