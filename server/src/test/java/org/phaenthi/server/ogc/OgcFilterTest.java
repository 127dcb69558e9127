package org.phaenthi.server.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phaenthi.server.ogc.OgcFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phaenthi.server.HttpTestClient;

/** CQL2 {@code filter} on items (OGC API – Features Part 3) against the Phuket fixture. */
class OgcFilterTest {
  static final HttpTestClient http = OgcFixture.http();
  static final String[] IY = OgcFixture.indicatorWithSubdistrictData();
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
    assertEquals(17, all.size());
    List<String> expected = new ArrayList<>();
    double median =
        all.stream()
            .map(f -> f.path("properties").path("value"))
            .filter(v -> !v.isNull())
            .mapToDouble(JsonNode::asDouble)
            .sorted()
            .toArray()[8];
    for (JsonNode f : all) {
      JsonNode p = f.path("properties");
      if (!p.path("value").isNull()
          && p.path("value").asDouble() >= median
          && p.path("parent_code").asText().equals("8301")) {
        expected.add(f.path("id").asText());
      }
    }
    assertTrue(!expected.isEmpty() && expected.size() < 17, expected.toString());
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
        ids(filter("NOT (code LIKE '8302%')", null)).size() + kathu.size(), 17, "complement");
    assertEquals(17, filter("value IS NOT NULL OR value IS NULL", null).size());
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
    assertEquals(17, page.path("numberMatched").asInt());
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

  @Test
  void badFiltersAre400sNamingParameterAndToken() {
    assertBad(
        "/ogc/collections/district/items?filter=" + enc("value > 1"), "unknown property 'value'");
    assertBad("/ogc/collections/district/items?filter=" + enc("code = 8301"), "quote");
    assertBad(
        "/ogc/collections/district/items?filter=" + enc("S_INTERSECTS(geometry, POINT(98 8))"),
        "'S_INTERSECTS'");
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
            "cql2/1.0/conf/advanced-comparison-operators")) {
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
