package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * One rule for a left-out year on every endpoint. The fixture's households count has 2561 at every
 * level and 2566 at province level only, so at district level every endpoint must land on 2561
 * (before, TileJSON and the area panel took 2566 and advertised tiles and panels without values),
 * and at province level on 2566.
 */
class ResolverTest {
  private static final String HH = "tpmap:households_surveyed";
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
  void valuesTakeTheLatestYearWithDataAtTheLevel() {
    assertEquals(
        2561,
        http.json("/api/values?level=district&indicator=" + HH).get("year").get("be").asInt());
    assertEquals(
        2566,
        http.json("/api/values?level=province&indicator=" + HH).get("year").get("be").asInt());
  }

  @Test
  void tileJsonAdvertisesTilesOfTheSameYear() {
    JsonNode district = http.json("/tiles/district.json?indicator=" + HH);
    assertTrue(district.get("tiles").get(0).asText().contains("year=2561"), district.toString());
    JsonNode province = http.json("/tiles/province.json?indicator=" + HH);
    assertTrue(province.get("tiles").get(0).asText().contains("year=2566"), province.toString());
  }

  @Test
  void tilesWithoutAYearAreTheSameAsWithTheResolvedYear() {
    String t = "/tiles/district/10/797/496.mvt?indicator=" + HH;
    String implicit = http.get(t).headers().firstValue("ETag").orElseThrow();
    assertEquals(implicit, http.get(t + "&year=2561").headers().firstValue("ETag").orElseThrow());
  }

  @Test
  void areaPanelTakesTheLatestYearWithDataAtTheAreasLevel() {
    JsonNode district = http.json("/api/values/area/8301");
    assertEquals(2561, district.get("year").get("be").asInt());
    assertFalse(district.get("values").isEmpty(), "a district panel is never empty");
    assertEquals(72, district.get("values").get(HH).get("value").asInt());
    assertEquals(2566, http.json("/api/values/area/83").get("year").get("be").asInt());
  }

  @Test
  void ogcItemsAndExportsTakeTheSameYear() {
    JsonNode items = http.json("/ogc/collections/district/items?f=json&indicator=" + HH);
    JsonNode props = items.get("features").get(0).get("properties");
    assertEquals(2561, props.get("year_be").asInt(), props.toString());
    HttpResponse<byte[]> csv = http.get("/api/export/district.csv?indicator=" + HH);
    assertEquals(200, csv.statusCode());
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertTrue(text.contains(",2561,"), text.substring(0, Math.min(400, text.length())));
  }

  @Test
  void metaDefaultYearHasDataForTheDefaultIndicatorAtTheDefaultLevel() {
    JsonNode d = http.json("/api/meta").get("default");
    String indicator = d.get("indicator").asText();
    JsonNode values =
        http.json("/api/values?level=" + d.get("level").asText() + "&indicator=" + indicator);
    assertEquals(values.get("year").get("be").asInt(), d.get("year").asInt());
    assertTrue(values.get("empty_reason").isNull(), values.toString());
  }
}
