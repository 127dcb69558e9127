package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters that used to be accepted as something else: each is a 400 naming the parameter. */
class ParamsAcceptanceTest {
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

  static void assert400Naming(String path, String parameter) throws Exception {
    HttpResponse<byte[]> r = http.get(path);
    String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(400, r.statusCode(), path + " → " + body);
    JsonNode err = Json.MAPPER.readTree(r.body());
    assertEquals(400, err.get("status").asInt());
    assertTrue(err.get("message").asText().contains("'" + parameter + "'"), path + " → " + body);
  }

  @Test
  void aSignedYearIsNotAYear() throws Exception {
    String values = "/api/values?level=province&indicator=test:rate&year=";
    assertEquals(200, http.get(values + "2561").statusCode());
    assert400Naming(values + "%2B2561", "year");
    assert400Naming(values + "+2561", "year"); // '+' is a space in a query
    assert400Naming(values + "-2561", "year");
    assert400Naming("/api/values/area/83?year=%2B2561", "year");
    assert400Naming("/tiles/province/0/0/0.mvt?indicator=test:rate&year=%2B2561", "year");
  }

  @Test
  void anEmptyYearOrParentIsNotLeftOut() throws Exception {
    assert400Naming("/api/values?level=district&indicator=test:rate&year=", "year");
    assert400Naming("/api/values?level=district&indicator=test:rate&parent=%20", "parent");
    assert400Naming("/api/values?level=district&indicator=test:rate&parent=", "parent");
    assert400Naming("/api/geometry/district?zoom=6&parent=%20", "parent");
    assert400Naming("/api/values/area/83?year=", "year");
    assertEquals(
        200, http.get("/api/values?level=district&indicator=test:rate&parent=83").statusCode());
  }

  @Test
  void searchTakesOneValidQuery() throws Exception {
    assertEquals(200, http.get("/api/areas/search?q=phuket").statusCode());
    assert400Naming("/api/areas/search?q=phuket&q=kathu", "q");
    assert400Naming("/api/areas/search?q=%00", "q");
    assert400Naming("/api/areas/search?q=a%00b", "q");
    assert400Naming("/api/areas/search?q=%C3%28", "q"); // not UTF-8
    assert400Naming("/api/areas/search?q=%FF", "q");
    assert400Naming("/api/areas/search?q=phuket&limit=%2B5", "limit");
    // valid Thai still works
    JsonNode r = http.json("/api/areas/search?q=" + HttpTestClient.enc("ภูเก็ต"));
    assertTrue(r.get("results").size() > 0, r.toString());
  }

  @Test
  void tileJsonYearNeedsAnIndicator() throws Exception {
    assert400Naming("/tiles/province.json?year=2561", "year");
    assertEquals(200, http.get("/tiles/province.json?indicator=test:rate&year=2561").statusCode());
  }
}
