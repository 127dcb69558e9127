package org.phaenthi.server.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phaenthi.server.ogc.OgcFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phaenthi.server.HttpTestClient;

/** {@code sortby} on items: order, nulls last, stable paging, errors. */
class OgcSortByTest {
  /** The fixture's subdistricts (both provinces), read from the served dataset. */
  static final int SUBDISTRICTS =
      OgcFixture.count(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, "");

  static final HttpTestClient http = OgcFixture.http();
  static final String[] IY = OgcFixture.indicatorWithSubdistrictData();
  static final String ITEMS =
      "/ogc/collections/subdistrict/items?indicator="
          + HttpTestClient.enc(IY[0])
          + "&year="
          + IY[1];

  static List<JsonNode> features(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path);
    List<JsonNode> out = new ArrayList<>();
    json(r).path("features").forEach(out::add);
    return out;
  }

  static List<String> codes(List<JsonNode> fs) {
    return fs.stream().map(f -> f.path("id").asText()).toList();
  }

  @Test
  void descendingValueThenCodeWithMissingValuesLast() {
    for (String dir : List.of("-", "")) {
      List<JsonNode> fs = features(ITEMS + "&limit=1000&sortby=" + dir + "value,code");
      assertEquals(SUBDISTRICTS, fs.size());
      boolean seenNull = false;
      Double prev = null;
      String prevCode = null;
      for (JsonNode f : fs) {
        JsonNode v = f.path("properties").path("value");
        if (v.isNull()) {
          seenNull = true;
          continue;
        }
        assertTrue(!seenNull, "a value after a missing one: " + codes(fs));
        double x = v.asDouble();
        if (prev != null) {
          assertTrue(dir.isEmpty() ? x >= prev : x <= prev, prev + " then " + x);
          if (x == prev) {
            assertTrue(f.path("id").asText().compareTo(prevCode) > 0, "ties by code");
          }
        }
        prev = x;
        prevCode = f.path("id").asText();
      }
    }
    assertNotEquals(
        codes(features(ITEMS + "&limit=1000")),
        codes(features(ITEMS + "&limit=1000&sortby=-value")),
        "the fixture's values are not in code order, so the sort is seen");
  }

  @Test
  void pagesOfASortedListAreStableAndCoverEveryFeatureOnce() {
    List<String> all = codes(features(ITEMS + "&limit=1000&sortby=-small_denominator,name_en"));
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < SUBDISTRICTS; offset += 4) {
      paged.addAll(
          codes(
              features(
                  ITEMS + "&limit=4&offset=" + offset + "&sortby=-small_denominator,name_en")));
    }
    assertEquals(all, paged);
    assertEquals(SUBDISTRICTS, new HashSet<>(paged).size());
  }

  @Test
  void stringsAndSeveralKeys() {
    List<JsonNode> fs =
        features("/ogc/collections/subdistrict/items?limit=1000&sortby=parent_code,-code");
    for (int i = 1; i < fs.size(); i++) {
      String pa = fs.get(i - 1).path("properties").path("parent_code").asText();
      String pb = fs.get(i).path("properties").path("parent_code").asText();
      assertTrue(pa.compareTo(pb) <= 0);
      if (pa.equals(pb)) {
        assertTrue(
            fs.get(i - 1).path("id").asText().compareTo(fs.get(i).path("id").asText()) > 0,
            "code descending within a district");
      }
    }
    List<String> names =
        features("/ogc/collections/district/items?sortby=name_en").stream()
            .map(f -> f.path("properties").path("name_en").asText())
            .toList();
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(String.CASE_INSENSITIVE_ORDER);
    assertEquals(sorted, names);
  }

  @Test
  void nextLinkCarriesSortby() {
    JsonNode page = json(http.get("/ogc/collections/subdistrict/items?limit=5&sortby=-code"));
    String next = "";
    for (JsonNode l : page.path("links")) {
      if (l.path("rel").asText().equals("next")) {
        next = l.path("href").asText();
      }
    }
    assertTrue(next.contains("sortby=-code"), next);
    List<String> second = codes(features(next.substring(next.indexOf("/ogc/"))));
    List<String> all =
        new ArrayList<>(codes(features("/ogc/collections/subdistrict/items?limit=1000")));
    all.sort(java.util.Comparator.reverseOrder());
    assertEquals(all.subList(5, 10), second);
  }

  @Test
  void badSortbyIs400NamingIt() {
    for (String bad : List.of("nope", "-", "code,,value", "code,-code", "value")) {
      HttpResponse<byte[]> r =
          http.get("/ogc/collections/district/items?sortby=" + HttpTestClient.enc(bad));
      assertEquals(400, r.statusCode(), bad);
      assertTrue(json(r).path("message").asText().contains("'sortby'"), bad);
    }
    HttpResponse<byte[]> r = http.get("/ogc/collections/district/items?limit=0");
    assertEquals(400, r.statusCode());
    assertTrue(
        json(r).path("message").asText().contains("between 1 and 10000"),
        json(r).path("message").asText());
  }
}
