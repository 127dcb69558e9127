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
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/** {@code /api/classes} on the two-year fixture: the breaks of exactly what /api/values lists. */
class ClassesTest {
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

  private static List<Double> values(JsonNode r) {
    List<Double> out = new ArrayList<>();
    r.get("values")
        .forEach(v -> out.add(v.get("value").isNull() ? null : v.get("value").asDouble()));
    return out;
  }

  private static List<Double> breaks(JsonNode r) {
    List<Double> out = new ArrayList<>();
    r.get("breaks").forEach(b -> out.add(b.asDouble()));
    return out;
  }

  @Test
  void breaksAndCountsAreThoseOfTheValuesListed() {
    String q = "level=district&indicator=" + TwoYears.COUNT + "&year=2566";
    JsonNode values = http.json("/api/values?" + q);
    for (String method : List.of("quantile", "jenks", "equal")) {
      JsonNode c = http.json("/api/classes?" + q + "&method=" + method + "&n=3");
      assertEquals(method, c.get("method").asText());
      assertEquals(ClassBreaks.compute(values(values), method, 3, List.of()), breaks(c), method);
      long total = c.get("no_data").asLong();
      for (JsonNode k : c.get("classes")) {
        total += k.get("count").asLong();
      }
      assertEquals(3, total, "every district counted once");
    }
    // counts 150, 30, 8: two breaks at 8 and 30 (three distinct values, three classes)
    JsonNode c = http.json("/api/classes?" + q + "&n=3");
    assertEquals(List.of(8.0, 30.0), breaks(c));
    assertEquals(8.0, c.get("classes").get(0).get("upper").asDouble());
    assertEquals(150.0, c.get("classes").get(2).get("upper").asDouble());
    assertEquals(0, c.get("no_data").asInt());
  }

  @Test
  void aChangeMapsClassesSplitFallsFromRises() {
    JsonNode c =
        http.json(
            "/api/classes?level=district&indicator=" + TwoYears.RATE + "&year=2566&compare=2561");
    assertEquals(2561, c.get("compare").get("be").asInt());
    // changes +10, −5 and no data: the break between them is 0
    assertEquals(List.of(0.0), breaks(c));
    assertEquals(1, c.get("classes").get(0).get("count").asInt());
    assertEquals(1, c.get("classes").get(1).get("count").asInt());
    assertEquals(1, c.get("no_data").asInt(), "8303 has no 2561 data");
  }

  @Test
  void manualBreaksAreTheCallersSorted() {
    JsonNode c =
        http.json(
            "/api/classes?level=district&indicator="
                + TwoYears.COUNT
                + "&year=2566&method=manual&breaks=100,10");
    assertEquals(List.of(10.0, 100.0), breaks(c));
  }

  @Test
  void badParametersAre400sNamingThem() {
    String q = "/api/classes?level=district&indicator=" + TwoYears.RATE;
    assertError(q + "&method=kmeans", 400, "'method'");
    assertError(q + "&n=12", 400, "'n'");
    assertError(q + "&n=", 400, "'n'");
    assertError(q + "&method=manual", 400, "'breaks'");
    assertError(q + "&breaks=1,2", 400, "'breaks'");
    assertError(q + "&method=manual&breaks=1,x", 400, "'breaks'");
    assertError(q + "&colour=red", 400, "colour");
    assertError("/api/classes?level=district&indicator=nope", 404, "unknown indicator");
  }

  private static void assertError(String path, int status, String fragment) {
    HttpResponse<byte[]> r = http.get(path);
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertEquals(status, r.statusCode(), path + " → " + body);
    assertTrue(body.contains(fragment), path + " → " + body);
    assertFalse(body.contains("Exception"), body);
  }
}
