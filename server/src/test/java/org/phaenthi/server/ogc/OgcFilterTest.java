package org.phaenthi.server.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phaenthi.server.ogc.OgcFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.export.Crs;

/** CQL2 {@code filter} on items (OGC API – Features Part 3) against the Phuket fixture. */
class OgcFilterTest {
  static final HttpTestClient http = OgcFixture.http();
  static final String[] IY = OgcFixture.indicatorWithSubdistrictData();

  /** The fixture's subdistricts (both provinces), Phuket's, and its districts. */
  static final int SUBDISTRICTS =
      OgcFixture.count(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, "");

  static final int PHUKET = OgcFixture.count(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, "83");

  static final String ITEMS =
      "/ogc/collections/subdistrict/items?limit=1000&indicator="
          + HttpTestClient.enc(IY[0])
          + "&year="
          + IY[1];

  static List<JsonNode> features(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path + " " + new String(r.body()));
    List<JsonNode> out = new ArrayList<>();
    json(r).path("features").forEach(out::add);
    return out;
  }

  static List<JsonNode> filter(String f, String lang) {
    return features(
        ITEMS + "&filter=" + HttpTestClient.enc(f) + (lang == null ? "" : "&filter-lang=" + lang));
  }

  static List<String> ids(List<JsonNode> fs) {
    return fs.stream().map(f -> f.path("id").asText()).toList();
  }

  @Test
  void textAndJsonSelectTheSameFeaturesAsTheirDefinitionSays() {
    List<JsonNode> all = features(ITEMS);
    assertEquals(SUBDISTRICTS, all.size());
    List<String> expected = new ArrayList<>();
    double[] sorted =
        all.stream()
            .map(f -> f.path("properties").path("value"))
            .filter(v -> !v.isNull())
            .mapToDouble(JsonNode::asDouble)
            .sorted()
            .toArray();
    double median = sorted[sorted.length / 2];
    for (JsonNode f : all) {
      JsonNode p = f.path("properties");
      if (!p.path("value").isNull()
          && p.path("value").asDouble() >= median
          && p.path("parent_code").asText().equals("8301")) {
        expected.add(f.path("id").asText());
      }
    }
    assertTrue(!expected.isEmpty() && expected.size() < SUBDISTRICTS, expected.toString());
    String text = "value >= " + median + " AND parent_code = '8301'";
    assertEquals(expected, ids(filter(text, null)));
    assertEquals(expected, ids(filter(text, "cql2-text")));
    String json =
        "{\"op\":\"and\",\"args\":[{\"op\":\">=\",\"args\":[{\"property\":\"value\"},"
            + median
            + "]},{\"op\":\"=\",\"args\":[{\"property\":\"parent_code\"},\"8301\"]}]}";
    assertEquals(expected, ids(filter(json, "cql2-json")));
  }

  @Test
  void likeInBetweenIsNullOnTheQueryables() {
    assertEquals(
        List.of("830101", "830102"), ids(filter("code IN ('830102', '830101', '999999')", null)));
    List<String> kathu = ids(filter("code LIKE '8302%'", null));
    assertTrue(kathu.stream().allMatch(c -> c.startsWith("8302")) && !kathu.isEmpty());
    assertEquals(kathu, ids(filter("parent_code = '8302'", null)));
    assertEquals(
        ids(filter("NOT (code LIKE '8302%')", null)).size() + kathu.size(),
        SUBDISTRICTS,
        "complement");
    assertEquals(SUBDISTRICTS, filter("value IS NOT NULL OR value IS NULL", null).size());
    List<JsonNode> between = filter("numerator BETWEEN 0 AND 100000000", null);
    assertTrue(between.stream().noneMatch(f -> f.path("properties").path("numerator").isNull()));
    List<JsonNode> names = filter("name_en LIKE '%a%' AND small_denominator = false", null);
    for (JsonNode f : names) {
      assertTrue(f.path("properties").path("name_en").asText().contains("a"));
      assertEquals(false, f.path("properties").path("small_denominator").asBoolean());
    }
  }

  @Test
  void filterWorksWithPagingSortbyAndBbox() {
    String f = HttpTestClient.enc("code LIKE '830%'");
    JsonNode page =
        json(http.get(ITEMS.replace("limit=1000", "limit=3") + "&filter=" + f + "&sortby=-code"));
    assertEquals(PHUKET, page.path("numberMatched").asInt(), "Phuket's codes start with 830");
    assertEquals(3, page.path("numberReturned").asInt());
    String next = "";
    for (JsonNode l : page.path("links")) {
      if (l.path("rel").asText().equals("next")) {
        next = l.path("href").asText();
      }
    }
    assertTrue(next.contains("filter="), next);
    // boundaries only: area properties are queryable, value properties are not
    assertEquals(
        List.of("8301"),
        ids(
            features(
                "/ogc/collections/district/items?filter=" + HttpTestClient.enc("code='8301'"))));
  }

  /** A point inside each subdistrict (JTS interior point of the served polygon). */
  static Map<String, Point> interiorPoints() throws ParseException {
    Map<String, Point> out = new LinkedHashMap<>();
    for (JsonNode f : features(ITEMS)) {
      Geometry g = new GeoJsonReader().read(f.path("geometry").toString());
      out.put(f.path("id").asText(), g.getInteriorPoint());
    }
    return out;
  }

  @Test
  void spatialFunctionsSelectByTheAreasPolygons() throws ParseException {
    Map<String, Point> inside = interiorPoints();
    assertEquals(SUBDISTRICTS, inside.size());
    for (Map.Entry<String, Point> e : inside.entrySet()) {
      Point p = e.getValue();
      String wkt = "POINT(" + p.getX() + " " + p.getY() + ")";
      assertEquals(
          List.of(e.getKey()), ids(filter("S_INTERSECTS(geometry, " + wkt + ")", null)), wkt);
      String json =
          "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
              + "{\"type\":\"Point\",\"coordinates\":["
              + p.getX()
              + ","
              + p.getY()
              + "]}]}";
      assertEquals(List.of(e.getKey()), ids(filter(json, "cql2-json")));
      // the same point in UTM 47N (filter-crs) and in EPSG:4326 (latitude first)
      double[] utm = Crs.parse("EPSG:32647", "crs").fromCrs84(p.getX(), p.getY());
      assertEquals(
          List.of(e.getKey()),
          ids(
              features(
                  ITEMS
                      + "&filter-crs=EPSG:32647&filter="
                      + enc("S_INTERSECTS(geometry, POINT(" + utm[0] + " " + utm[1] + "))"))));
      assertEquals(
          List.of(e.getKey()),
          ids(
              features(
                  ITEMS
                      + "&filter-crs="
                      + enc("http://www.opengis.net/def/crs/EPSG/0/4326")
                      + "&filter="
                      + enc("S_INTERSECTS(geometry, POINT(" + p.getY() + " " + p.getX() + "))"))));
    }
    // a BBOX literal selects what the bbox parameter selects
    String box = "98.3,7.8,98.4,7.9";
    List<String> byParam = ids(features(ITEMS + "&bbox=" + box));
    assertTrue(!byParam.isEmpty() && byParam.size() < PHUKET, byParam.toString());
    assertEquals(byParam, ids(filter("S_INTERSECTS(geometry, BBOX(" + box + "))", null)));
    // within Phuket's box: all of Phuket; disjoint from it: Samut Songkhram; combined with values
    assertEquals(PHUKET, filter("S_WITHIN(geometry, BBOX(97,7,99,9))", null).size());
    List<String> disjoint = ids(filter("S_DISJOINT(geometry, BBOX(97,7,99,9))", null));
    assertEquals(SUBDISTRICTS - PHUKET, disjoint.size());
    assertTrue(disjoint.stream().allMatch(c -> c.startsWith("75")), disjoint.toString());
    List<String> notInBox = ids(filter("NOT S_INTERSECTS(geometry, BBOX(" + box + "))", null));
    assertEquals(SUBDISTRICTS, notInBox.size() + byParam.size());
    assertTrue(notInBox.stream().noneMatch(byParam::contains));
    // a district contains its subdistricts' interior points
    String first = inside.keySet().iterator().next();
    Point p = inside.get(first);
    assertEquals(
        List.of(first.substring(0, 4)),
        ids(
            features(
                "/ogc/collections/district/items?filter="
                    + enc("S_CONTAINS(geometry, POINT(" + p.getX() + " " + p.getY() + "))"))));
  }

  @Test
  void caseInsensitiveNames() {
    List<JsonNode> all = features(ITEMS);
    String name = all.get(0).path("properties").path("name_en").asText();
    assertTrue(!name.isEmpty() && !name.equals(name.toUpperCase()), name);
    assertEquals(List.of(), ids(filter("name_en = '" + name.toUpperCase() + "'", null)));
    List<String> same =
        all.stream()
            .filter(f -> f.path("properties").path("name_en").asText().equalsIgnoreCase(name))
            .map(f -> f.path("id").asText())
            .toList();
    assertEquals(
        same,
        ids(
            filter(
                "CASEI(name_en) = casei('" + name.toUpperCase().replace("'", "''") + "')", null)));
    assertEquals(
        same,
        ids(filter("ACCENTI(CASEI(name_en)) = CASEI('" + name.replace("'", "''") + "')", null)));
  }

  @Test
  void badFiltersAre400sNamingParameterAndToken() {
    assertBad(
        "/ogc/collections/district/items?filter=" + enc("value > 1"), "unknown property 'value'");
    assertBad("/ogc/collections/district/items?filter=" + enc("code = 8301"), "quote");
    assertBad(
        "/ogc/collections/district/items?filter=" + enc("T_BEFORE(updated, DATE('2020-01-01'))"),
        "'T_BEFORE'");
    assertBad(
        "/ogc/collections/village/items?filter=" + enc("S_INTERSECTS(geometry, POINT(98 8))"),
        "unknown property 'geometry'");
    assertBad(
        "/ogc/collections/district/items?filter=" + enc("S_INTERSECTS(geometry, POINT(98 8)"),
        "end of filter");
    assertBad("/ogc/collections/district/items?filter=" + enc("code ="), "end of filter");
    assertBad("/ogc/collections/district/items?filter=code%3D'1'&filter-lang=cql", "'filter-lang'");
    assertBad("/ogc/collections/district/items?filter-lang=cql2-text", "'filter-lang'");
    assertBad(
        "/ogc/collections/district/items?filter=code%3D'1'&filter-crs=EPSG:2154", "'filter-crs'");
    HttpResponse<byte[]> ok =
        http.get(
            "/ogc/collections/district/items?filter=code%3D'8301'&filter-crs="
                + enc("http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
    assertEquals(200, ok.statusCode());
  }

  @Test
  void conformanceDeclaresFilterAndCql2() {
    String c = http.json("/ogc/conformance").path("conformsTo").toString();
    for (String k :
        List.of(
            "ogcapi-features-3/1.0/conf/filter",
            "ogcapi-features-3/1.0/conf/features-filter",
            "ogcapi-features-3/1.0/conf/queryables",
            "cql2/1.0/conf/cql2-text",
            "cql2/1.0/conf/cql2-json",
            "cql2/1.0/conf/basic-cql2",
            "cql2/1.0/conf/advanced-comparison-operators",
            "cql2/1.0/conf/case-insensitive-comparison",
            "cql2/1.0/conf/accent-insensitive-comparison",
            "cql2/1.0/conf/basic-spatial-functions",
            "cql2/1.0/conf/spatial-functions")) {
      assertTrue(c.contains(k), k);
    }
  }

  static String enc(String s) {
    return HttpTestClient.enc(s);
  }

  static void assertBad(String path, String part) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(400, r.statusCode(), path);
    String m = json(r).path("message").asText();
    assertTrue(m.contains(part), m);
  }
}
