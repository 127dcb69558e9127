package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.ogc.OgcFixture;

/**
 * RFC 7946 properties of every GeoJSON the server writes (OGC items, one feature, the download):
 * media type, no crs, 6 decimals by default, right-hand rule, valid polygons; and an independent
 * validator from npm ({@code @placemarkio/check-geojson}, see {@code src/test/node}).
 */
class GeoJsonRfc7946Test {
  static final HttpTestClient http = OgcFixture.http();
  static final GeometryFactory GF = new GeometryFactory();
  static final String[] IND = OgcFixture.indicatorWithSubdistrictData();
  static final String Q = "indicator=" + HttpTestClient.enc(IND[0]) + "&year=" + IND[1];
  static final List<String> OUTPUTS =
      List.of(
          "/ogc/collections/subdistrict/items?limit=100&" + Q,
          "/ogc/collections/district/items?zoom=8",
          "/ogc/collections/province/items/83?tolerance=200&precision=4",
          "/api/export/subdistrict.geojson?" + Q);
  @TempDir Path tmp;

  static JsonNode get(String path) throws Exception {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path);
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
    return Json.MAPPER.readTree(r.body());
  }

  static List<JsonNode> features(JsonNode doc) {
    List<JsonNode> out = new ArrayList<>();
    if (doc.path("type").asText().equals("Feature")) {
      out.add(doc);
    } else {
      doc.path("features").forEach(out::add);
    }
    return out;
  }

  static List<Polygon> polygons(JsonNode geometry) {
    List<JsonNode> polys = new ArrayList<>();
    if (geometry.path("type").asText().equals("Polygon")) {
      polys.add(geometry.path("coordinates"));
    } else {
      geometry.path("coordinates").forEach(polys::add);
    }
    List<Polygon> out = new ArrayList<>();
    for (JsonNode p : polys) {
      LinearRing shell = ring(p.get(0));
      assertTrue(Orientation.isCCW(shell.getCoordinates()), "exterior ring counter-clockwise");
      LinearRing[] holes = new LinearRing[p.size() - 1];
      for (int i = 1; i < p.size(); i++) {
        holes[i - 1] = ring(p.get(i));
        assertFalse(Orientation.isCCW(holes[i - 1].getCoordinates()), "hole clockwise");
      }
      out.add(GF.createPolygon(shell, holes));
    }
    return out;
  }

  static LinearRing ring(JsonNode positions) {
    Coordinate[] c = new Coordinate[positions.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
      assertEquals(2, positions.get(i).size(), "2D positions");
    }
    return GF.createLinearRing(c);
  }

  static int maxDecimals(String json) {
    int max = 0;
    var m =
        java.util.regex.Pattern.compile("\\[(-?\\d+\\.?\\d*),(-?\\d+\\.?\\d*)\\]").matcher(json);
    while (m.find()) {
      for (int g = 1; g <= 2; g++) {
        String n = m.group(g);
        int dot = n.indexOf('.');
        max = Math.max(max, dot < 0 ? 0 : n.length() - dot - 1);
      }
    }
    return max;
  }

  @Test
  void rightHandRuleValidPolygonsNoCrsLonLat() throws Exception {
    // longitude first: every polygon lies in the fixture's lon/lat box (swapped, none would)
    org.locationtech.jts.geom.Envelope lonLat =
        new org.locationtech.jts.geom.Envelope(OgcFixture.dataset().boundaries().extent());
    lonLat.expandBy(0.01);
    for (String path : OUTPUTS) {
      JsonNode doc = get(path);
      assertTrue(doc.path("crs").isMissingNode(), path);
      for (JsonNode f : features(doc)) {
        assertTrue(f.path("crs").isMissingNode());
        for (Polygon p : polygons(f.path("geometry"))) {
          assertTrue(p.isValid(), path + " " + f.path("id"));
          assertTrue(lonLat.contains(p.getEnvelopeInternal()), path + " " + f.path("id"));
        }
      }
    }
  }

  @Test
  void sixDecimalsByDefaultAndPrecisionParameter() throws Exception {
    String full = get("/ogc/collections/district/items").toString();
    assertEquals(6, maxDecimals(full));
    assertEquals(3, maxDecimals(get("/ogc/collections/district/items?precision=3").toString()));
    assertEquals(6, maxDecimals(get("/api/export/district.geojson").toString()));
  }

  @Test
  void valuesAreNullWithAReasonNeverZero() throws Exception {
    JsonNode fc = get("/ogc/collections/subdistrict/items?limit=100&" + Q);
    int withValue = 0;
    for (JsonNode f : fc.path("features")) {
      JsonNode p = f.path("properties");
      assertEquals(IND[0], p.path("indicator").asText());
      assertEquals(Integer.parseInt(IND[1]), p.path("year_be").asInt());
      assertEquals(Integer.parseInt(IND[1]) - 543, p.path("year_ce").asInt());
      assertTrue(p.has("unit") && p.has("numerator") && p.has("denominator"));
      if (p.path("value").isNull()) {
        assertFalse(p.path("reason").asText().isBlank(), f.path("id").asText());
      } else {
        withValue++;
        assertTrue(p.path("reason").isNull());
      }
    }
    assertTrue(withValue > 0);
    JsonNode only = get("/ogc/collections/subdistrict/items?properties=name_en,code&" + Q);
    List<String> names = new ArrayList<>();
    only.path("features").get(0).path("properties").fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("code", "name_en"), names);
  }

  @Test
  void simplificationReducesVerticesAndSaysWhetherItIsGapFree() throws Exception {
    JsonNode full = get("/ogc/collections/district/items");
    JsonNode z6 = get("/ogc/collections/district/items?zoom=6");
    assertTrue(z6.toString().length() < full.toString().length() / 2);
    JsonNode s = z6.path("simplification");
    assertTrue(s.path("tolerance_m").asDouble() > 0);
    assertEquals(s.path("method").asText().contains("gap-free"), s.path("gap_free").asBoolean());
    assertTrue(
        s.path("method").asText().contains("NOT gap-free") != s.path("gap_free").asBoolean());
    assertTrue(full.path("simplification").path("gap_free").asBoolean());
  }

  @Test
  void independentValidatorFromNpmAcceptsEveryOutput() throws Exception {
    Path dir = Path.of("src/test/node").toAbsolutePath();
    boolean required = Boolean.getBoolean("phaenthi.requireIT");
    if (!Files.isDirectory(dir.resolve("node_modules/@placemarkio/check-geojson"))) {
      run(dir, 120, "npm", "ci", "--no-audit", "--no-fund");
    }
    boolean ready =
        Files.isDirectory(dir.resolve("node_modules/@placemarkio/check-geojson"))
            && run(dir, 10, "node", "--version") == 0;
    if (!required) {
      Assumptions.assumeTrue(ready, "node or the npm validator is not available");
    }
    List<String> cmd = new ArrayList<>(List.of("node", "check.js"));
    for (int i = 0; i < OUTPUTS.size(); i++) {
      Path f = tmp.resolve("out" + i + ".geojson");
      Files.write(f, http.get(OUTPUTS.get(i)).body());
      cmd.add(f.toString());
    }
    Path log = tmp.resolve("check.log");
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertEquals(OUTPUTS.size(), out.lines().filter(l -> l.startsWith("OK ")).count(), out);
  }

  static int run(Path dir, int seconds, String... cmd) {
    try {
      Process p =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(new File("/dev/null"))
              .start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (Exception e) {
      return -1;
    }
  }
}
