package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * A level of values only ({@code village}, geometry {@code none}) through every endpoint: listed by
 * {@code /api/levels} from the served boundary set, values by parent, CSV/XLSX exports, an OGC
 * collection whose items have {@code geometry: null}, and a clear 404 from every geometry endpoint.
 */
class VillageLevelTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;
  static HttpTestClient http;

  @BeforeAll
  static void start() {
    server = TestServers.start(TestServers.withVillages(), tmp);
    http = new HttpTestClient(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void levelsComeFromTheServedBoundarySet() {
    JsonNode levels = http.json("/api/levels").get("levels");
    List<String> names = new ArrayList<>();
    levels.forEach(l -> names.add(l.get("level").asText()));
    assertEquals(List.of("province", "district", "subdistrict", "village"), names);
    JsonNode village = levels.get(3);
    assertEquals("none", village.get("geometry").asText());
    assertEquals("subdistrict", village.get("parent").asText());
    assertTrue(village.get("child").isNull());
    assertEquals(10, village.get("code_digits").asInt());
    assertEquals(4, village.get("count").asInt());
    assertEquals("หมู่บ้าน/ชุมชน", village.get("name_th").asText());
    assertEquals("village", levels.get(2).get("child").asText());
    assertEquals("polygon", levels.get(2).get("geometry").asText());
    assertEquals(4, http.json("/health").get("areas").get("village").asInt());
  }

  @Test
  void valuesOfTheVillagesOfASubdistrictMissingIsNeverZero() {
    JsonNode r = http.json("/api/values?level=village&indicator=test:rate&year=2561&parent=830101");
    assertEquals("village", r.get("level").asText());
    JsonNode v = r.get("values");
    assertEquals(3, v.size(), "the three villages of 830101, not the community of 830151");
    assertEquals("8301010101", v.get(0).get("code").asText());
    assertEquals("บ้านกะรน", v.get(0).get("name_th").asText());
    assertEquals("830101", v.get(0).get("parent_code").asText());
    assertEquals(15.0, v.get(0).get("value").asDouble());
    assertEquals(
        9.0 + 1.0, v.get(0).get("numerator").asDouble() + v.get(1).get("numerator").asDouble());
    JsonNode none = v.get(2);
    assertEquals("8301010201", none.get("code").asText());
    assertTrue(none.get("value").isNull(), "no data, not 0");
    assertFalse(none.get("reason").asText().isEmpty());
    // left out, the year resolves as for other levels: the latest with data at this level
    assertEquals(
        2561,
        http.json("/api/values?level=village&indicator=test:rate&parent=830101")
            .get("year")
            .get("be")
            .asInt());
    // villages of a municipal pseudo-subdistrict (no polygon) are reachable by its code
    assertEquals(
        "8301510101",
        http.json("/api/values?level=village&indicator=test:rate&parent=830151")
            .get("values")
            .get(0)
            .get("code")
            .asText());
    // and under their district
    assertEquals(
        4,
        http.json("/api/values?level=village&indicator=test:rate&parent=8301")
            .get("values")
            .size());
  }

  @Test
  void badVillageRequestsAre4xxNamingTheParameter() {
    assertError(404, "/api/values?level=village&indicator=test:rate&parent=839999", "parent");
    assertError(400, "/api/values?level=village&indicator=test:rate&parent=83x", "parent");
    assertError(404, "/api/values?level=hamlet&indicator=test:rate", "village");
  }

  @Test
  void geometryEndpointsRefuseALevelWithoutGeometry() {
    assertError(404, "/tiles/village/10/800/480.mvt", "no geometry");
    assertError(404, "/tiles/village.json", "no geometry");
    assertError(404, "/api/geometry/village?zoom=8", "no geometry");
    assertError(404, "/api/export/village.geojson?indicator=test:rate", "csv or xlsx");
    assertError(404, "/api/export/village.gpkg", "csv or xlsx");
    assertError(404, "/api/export/village.topojson", "csv or xlsx");
    assertEquals(200, http.get("/tiles/subdistrict.json").statusCode(), "other levels still map");
  }

  @Test
  void csvAndXlsxExportsHoldTheVillages() {
    HttpResponse<byte[]> csv =
        http.get("/api/export/village.csv?indicator=test:rate&year=2561&parent=830101");
    assertEquals(200, csv.statusCode());
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertTrue(text.contains("8301010101"), text);
    assertTrue(text.contains("บ้านกะรน (02)"), text);
    assertTrue(text.contains("8301010201"), "the village without a value is a row: " + text);
    assertFalse(text.contains("8301510101"), "not under 830101");
    HttpResponse<byte[]> xlsx = http.get("/api/export/village.xlsx?indicator=test:rate");
    assertEquals(200, xlsx.statusCode());
    assertEquals('P', (char) xlsx.body()[0], "a zip (xlsx)");
  }

  @Test
  void ogcServesTheVillagesAsACollectionWithoutGeometry() throws Exception {
    JsonNode cols = http.json("/ogc/collections").get("collections");
    List<String> ids = new ArrayList<>();
    cols.forEach(c -> ids.add(c.get("id").asText()));
    assertEquals(List.of("province", "district", "subdistrict", "village"), ids);
    JsonNode items = http.json("/ogc/collections/village/items?indicator=test:rate&year=2561");
    assertEquals(4, items.get("numberMatched").asInt());
    for (JsonNode f : items.get("features")) {
      assertTrue(f.get("geometry").isNull(), "geometry null: " + f);
    }
    assertEquals(15.0, items.get("features").get(0).get("properties").get("value").asDouble());
    JsonNode one = http.json("/ogc/collections/village/items/8301510101");
    assertTrue(one.get("geometry").isNull());
    assertEquals("ชุมชนตลาด", one.get("properties").get("name_th").asText());
    // a bbox selects by geometry, which villages have none of
    assertEquals(
        0, http.json("/ogc/collections/village/items?bbox=98,7,99,8").get("numberMatched").asInt());
    assertError(400, "/ogc/collections/village/items?zoom=8", "zoom");
    JsonNode schema = Json.MAPPER.readTree(http.get("/ogc/collections/village/schema").body());
    assertFalse(schema.get("properties").has("geometry"), schema.toString());
    assertEquals(200, http.get("/ogc/collections/village/items?f=html").statusCode());
    assertEquals(200, http.get("/ogc/collections/village/items/8301010101?f=html").statusCode());
  }

  @Test
  void searchFindsNoVillagesSinceTheyHaveNoPlaceOnTheMap() {
    assertEquals(
        0,
        http.json("/api/areas/search?q=" + HttpTestClient.enc("บ้านกะรน")).get("results").size());
  }

  private static void assertError(int status, String path, String mentions) {
    HttpResponse<byte[]> r = http.get(path);
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertEquals(status, r.statusCode(), path + ": " + body);
    assertTrue(body.contains("\"status\":" + status), body);
    assertTrue(body.contains(mentions), path + " should mention " + mentions + ": " + body);
  }
}
