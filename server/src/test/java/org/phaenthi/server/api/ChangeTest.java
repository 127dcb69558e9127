package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.tiles.MvtDecoder;
import org.phaenthi.tiles.MvtLayer;
import org.phaenthi.tiles.TileCoord;

/** Change maps ({@code compare=}) on the two-year fixture: from counts, missing is no data. */
class ChangeTest {
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

  private static JsonNode row(JsonNode r, String code) {
    for (JsonNode v : r.get("values")) {
      if (v.get("code").asText().equals(code)) {
        return v;
      }
    }
    throw new AssertionError("no row " + code + " in " + r);
  }

  private static double round6(double d) {
    return Math.round(d * 1e6) / 1e6;
  }

  @Test
  void rateChangesInPercentagePointsOfRatesMadeFromCounts() {
    JsonNode r =
        http.json(
            "/api/values?level=district&indicator=" + TwoYears.RATE + "&year=2566&compare=2561");
    assertEquals(2566, r.get("year").get("be").asInt());
    assertEquals(2561, r.get("compare").get("be").asInt());
    assertEquals("percentage points", r.get("change").get("unit").asText());
    assertEquals("percentage points", r.get("value_unit").asText());
    assertFalse(r.get("change").get("higher_is_better").asBoolean());
    assertEquals(3, r.get("values").size(), "every district of Phuket");
    // 25/125 − 10/100 = 20 % − 10 % = +10 points
    assertEquals(10.0, row(r, "8301").get("value").asDouble(), 1e-9);
    assertEquals(25.0, row(r, "8301").get("to").get("numerator").asDouble());
    assertEquals(100.0, row(r, "8301").get("from").get("denominator").asDouble());
    // 20/100 − 30/120 = 20 % − 25 % = −5 points
    assertEquals(-5.0, row(r, "8302").get("value").asDouble(), 1e-9);
    assertTrue(row(r, "8302").get("reason").isNull());
    // missing in 2561: no data, never a change from 0
    JsonNode missing = row(r, "8303");
    assertTrue(missing.get("value").isNull(), missing.toString());
    assertTrue(missing.get("reason").asText().startsWith("no data in 2561"), missing.toString());
    assertTrue(missing.get("from").isNull());
    assertEquals(12.0, missing.get("to").get("value").asDouble(), 1e-9);
  }

  @Test
  void provinceChangeIsTheDifferenceOfSummedRatesNotOfDistrictChanges() {
    JsonNode r =
        http.json(
            "/api/values?level=province&indicator=" + TwoYears.RATE + "&year=2566&compare=2561");
    double expected = round6((51.0 / 275 - 40.0 / 220) * 100); // 0.363636
    assertEquals(expected, row(r, "83").get("value").asDouble(), 1e-9);
    assertNotEquals(2.5, row(r, "83").get("value").asDouble(), "not the mean of +10 and −5");
    assertTrue(
        r.get("change").get("caveat").asText().contains("different sources"),
        "the two years come from different files: " + r.get("change"));
    // and in Thai, for the Thai interface and pictures
    String th = r.get("change").get("caveat_th").asText();
    assertTrue(th.contains("แหล่งต่างกัน") && th.contains("2561") && th.contains("2566"), th);
  }

  @Test
  void countsChangeInPerCentOfTheBaseYearAndZeroHasNoPerCentChange() {
    JsonNode r =
        http.json("/api/values?level=district&indicator=" + TwoYears.COUNT + "&compare=2561");
    assertEquals(2566, r.get("year").get("be").asInt(), "year left out: the latest");
    assertEquals("%", r.get("change").get("unit").asText());
    assertEquals(50.0, row(r, "8301").get("value").asDouble(), 1e-9); // 100 → 150
    JsonNode zero = row(r, "8302");
    assertTrue(zero.get("value").isNull(), "0 → 30 has no per cent change: " + zero);
    assertTrue(zero.get("reason").asText().contains("was 0 in 2561"), zero.toString());
  }

  @Test
  void reversedYearsGiveTheOppositeChange() {
    JsonNode r =
        http.json(
            "/api/values?level=district&indicator=" + TwoYears.RATE + "&year=2561&compare=2566");
    assertEquals(-10.0, row(r, "8301").get("value").asDouble(), 1e-9);
    assertTrue(row(r, "8303").get("reason").asText().startsWith("no data in 2561"));
  }

  @Test
  void aChangeHasItsOwnEtagAndAPlainRequestIsUnchanged() {
    HttpResponse<byte[]> plain =
        http.get("/api/values?level=district&indicator=" + TwoYears.RATE + "&year=2566");
    HttpResponse<byte[]> change =
        http.get(
            "/api/values?level=district&indicator=" + TwoYears.RATE + "&year=2566&compare=2561");
    String p = new String(plain.body(), StandardCharsets.UTF_8);
    assertFalse(p.contains("\"compare\""), p);
    assertTrue(p.contains("\"value\":20.0"), p);
    assertNotEquals(
        plain.headers().firstValue("ETag").orElseThrow(),
        change.headers().firstValue("ETag").orElseThrow());
  }

  @Test
  void changeTilesCarryTheChangeAsValueAndLeaveNoDataOut() {
    TileCoord c = TileCoord.containing(98.39, 7.885, 8);
    String tile = "/tiles/district/" + c.z() + "/" + c.x() + "/" + c.y() + ".mvt";
    HttpResponse<byte[]> r = http.get(tile + "?indicator=" + TwoYears.RATE + "&compare=2561");
    assertEquals(200, r.statusCode());
    Map<Long, Map<String, Object>> props = new HashMap<>();
    for (MvtLayer l : MvtDecoder.decode(r.body())) {
      if (l.name().equals("district")) {
        l.features().forEach(f -> props.put(f.id().orElseThrow(), f.properties()));
      }
    }
    assertEquals(10.0, ((Number) props.get(8301L).get("value")).doubleValue(), 1e-9);
    assertEquals(-5.0, ((Number) props.get(8302L).get("value")).doubleValue(), 1e-9);
    assertFalse(props.get(8303L).containsKey("value"), "no 2561 data: no value, never 0");
    HttpResponse<byte[]> plain = http.get(tile + "?indicator=" + TwoYears.RATE);
    assertNotEquals(
        plain.headers().firstValue("ETag").orElseThrow(),
        r.headers().firstValue("ETag").orElseThrow());
    assertEquals(400, http.get(tile + "?compare=2561").statusCode(), "compare needs an indicator");
    assertEquals(
        400, http.get(tile + "?indicator=" + TwoYears.RATE + "&compare=2566").statusCode());
  }

  @Test
  void badCompareIsA4xxNamingTheParameter() {
    String base = "/api/values?level=district&indicator=" + TwoYears.RATE + "&year=2566";
    assertError(base + "&compare=2566", 400, "'compare'");
    assertError(base + "&compare=61", 400, "'compare'");
    assertError(base + "&compare=", 400, "'compare'");
    assertError(base + "&compare=2018", 400, "'compare'");
    assertError(base + "&compare=2570", 404, "'compare'");
    assertError(base + "&compare=2561&compare=2561", 400, "compare");
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
