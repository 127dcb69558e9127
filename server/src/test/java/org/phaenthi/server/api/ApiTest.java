package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phaenthi.server.HttpTestClient.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/** The JSON API against a real embedded store built from the Phuket fixture. */
class ApiTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;
  static HttpTestClient http;

  @BeforeAll
  static void start() {
    server = TestServers.start(TestServers.dataset(), tmp);
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void healthReportsVersionAndCounts() {
    JsonNode h = http.json("/health");
    assertEquals("ok", h.get("status").asText());
    assertEquals(server.live().snapshot().version(), h.get("data_version").asText());
    assertEquals(17, h.get("areas").get("subdistrict").asInt());
    assertEquals(2, h.get("indicators").asInt());
  }

  @Test
  void levelsAndIndicatorsDescribeWhatHasData() {
    JsonNode levels = http.json("/api/levels").get("levels");
    assertEquals(3, levels.size());
    assertEquals("district", levels.get(0).get("child").asText());
    for (JsonNode l : levels) {
      assertEquals("polygon", l.get("geometry").asText(), "every level so far has polygons");
    }
    assertEquals(
        server.live().snapshot().boundaryVersion(),
        http.json("/api/levels").get("boundary_set").asText());
    JsonNode ind = http.json("/api/indicators");
    for (JsonNode i : ind.get("indicators")) {
      String th = i.get("definition_th").asText();
      assertTrue(th.matches(".*[ก-๙].*"), "Thai definition of " + i.get("code") + ": " + th);
    }
    assertTrue(
        ind.get("indicators").get(0).get("definition_th").asText().startsWith("ร้อยละ"),
        "test:rate is a percentage");
    JsonNode hh = ind.get("indicators").get(1);
    assertEquals("tpmap:households_surveyed", hh.get("code").asText());
    assertEquals("[2561,2566]", hh.get("years").get("province").toString());
    assertEquals("[2561]", hh.get("years").get("subdistrict").toString());
    assertEquals(2561, ind.get("years").get(0).get("be").asInt());
    assertEquals(2018, ind.get("years").get(0).get("ce").asInt());
  }

  @Test
  void valuesAtSubdistrictLevelMarkMissingAndUnplacedUnits() {
    JsonNode r = http.json("/api/values?level=subdistrict&indicator=test:rate&year=2561");
    JsonNode values = r.get("values");
    assertEquals(17, values.size(), "one entry per mapped subdistrict");
    JsonNode first = values.get(0);
    assertEquals("830101", first.get("code").asText());
    assertEquals(10.0, first.get("value").asDouble());
    assertEquals(100.0, first.get("denominator").asDouble());
    assertFalse(first.has("small_denominator"), "100 eligible units is enough");
    JsonNode zeroDen = values.get(1);
    assertTrue(zeroDen.get("value").isNull(), "denominator 0 is no value, not 0");
    assertEquals("no eligible units", zeroDen.get("reason").asText());
    assertFalse(zeroDen.has("small_denominator"), "no value, nothing to flag");
    JsonNode small = values.get(2);
    assertEquals("830103", small.get("code").asText());
    assertEquals(25.0, small.get("value").asDouble(), "flagged, never hidden");
    assertTrue(small.get("small_denominator").asBoolean(), "12 eligible units < 30");
    JsonNode absent = values.get(3);
    assertTrue(absent.get("value").isNull());
    assertTrue(absent.get("reason").asText().startsWith("no data"));
    assertEquals(1, r.get("not_on_map").get("units").asInt());
    assertEquals(25, r.get("not_on_map").get("households").asInt());
  }

  @Test
  void valuesFilteredByParentAndAnEmptyLevelYearSaysWhy() {
    JsonNode r =
        http.json("/api/values?level=subdistrict&indicator=test:rate&year=2561&parent=8302");
    for (JsonNode v : r.get("values")) {
      assertTrue(v.get("code").asText().startsWith("8302"));
    }
    assertEquals(0, r.get("not_on_map").get("units").asInt());
    JsonNode empty =
        http.json("/api/values?level=district&indicator=tpmap:households_surveyed&year=2566");
    assertEquals(0, empty.get("values").size());
    assertTrue(empty.get("empty_reason").asText().contains("province 2566"), empty.toString());
  }

  @Test
  void withoutAYearTheLatestYearWithDataAtThatLevelIsUsed() {
    JsonNode sub = http.json("/api/values?level=subdistrict&indicator=tpmap:households_surveyed");
    assertEquals(2561, sub.get("year").get("be").asInt());
    assertEquals(40.0, sub.get("values").get(0).get("value").asDouble());
    JsonNode prov = http.json("/api/values?level=province&indicator=tpmap:households_surveyed");
    assertEquals(2566, prov.get("year").get("be").asInt());
    assertEquals(80.0, prov.get("values").get(0).get("value").asDouble());
  }

  @Test
  void areaValuesGiveEveryIndicatorForTheAreaAndItsParent() {
    JsonNode r = http.json("/api/values/area/8301?year=2561");
    assertEquals("8301", r.get("area").get("code").asText());
    assertEquals(10.0, r.get("values").get("test:rate").get("value").asDouble());
    assertEquals(
        72.0, r.get("parent_values").get("tpmap:households_surveyed").get("value").asDouble());
  }

  @Test
  void searchFindsThaiAndEnglishNamesPrefixFirst() {
    JsonNode r = http.json("/api/areas/search?q=" + enc("กะทู้"));
    JsonNode first = r.get("results").get(0);
    assertEquals("8302", first.get("code").asText());
    assertEquals("district", first.get("level").asText());
    assertEquals("83", first.get("parents").get(0).get("code").asText());
    assertEquals(4, first.get("bbox").size());
    JsonNode en = http.json("/api/areas/search?q=kathu").get("results");
    assertEquals("Kathu", en.get(0).get("name_en").asText());
    List<String> levels = new ArrayList<>();
    http.json("/api/areas/search?q=phuket")
        .get("results")
        .forEach(n -> levels.add(n.get("level").asText()));
    assertEquals("province", levels.get(0), "prefix matches at higher levels come first");
  }

  @Test
  void badInputGetsA4xxWithAMessageNeverA500() {
    assertError("/api/values?level=village&indicator=test:rate", 404, "valid levels");
    assertError("/api/values?level=province&indicator=nope", 404, "valid indicators");
    assertError("/api/values?level=province&indicator=test:rate&year=2599", 404, "valid years");
    assertError("/api/values?level=province&indicator=test:rate&year=abc", 400, "Buddhist Era");
    assertError("/api/values?level=province&indicator=test:rate&year=2018", 400, "add 543");
    assertError("/api/values?level=district&indicator=test:rate&parent=8x", 400, "parent");
    assertError("/api/values?level=district&indicator=test:rate&parent=99", 404, "unknown parent");
    assertError("/api/values?level=province&indicator=test:rate&colour=red", 400, "colour");
    assertError("/api/values?indicator=test:rate", 400, "level");
    assertError("/api/areas/search", 400, "'q'");
    assertError("/api/values/area/999999", 404, "unknown area");
    assertError("/api/nothing-here", 404, "no such endpoint");
    assertError(
        "/api/values?level=province&indicator=test:rate&year=2561&year=2566", 400, "given 2 times");
  }

  @Test
  void aWrongMethodIs405WithTheAllowedOnes() throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    "http://127.0.0.1:" + server.port() + "/api/values?level=province"))
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(405, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Allow").orElse("").contains("GET"), r.headers().toString());
    assertTrue(r.body().contains("\"status\":405") && r.body().contains("POST"), r.body());
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
