package org.phaenthi.server.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phaenthi.server.ogc.OgcFixture.json;
import static org.phaenthi.server.ogc.OgcFixture.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.phaenthi.server.HttpTestClient;

/**
 * The GeoJSON (/req/geojson), HTML (/req/html) and OpenAPI 3.0 (/req/oas30) requirements classes of
 * OGC API – Features – Part 1, one test per requirement.
 */
class OgcEncodingsTest {
  /** The fixture's subdistricts (both provinces), read from the served dataset. */
  static final int SUBDISTRICTS =
      OgcFixture.count(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, "");

  static final HttpTestClient http = OgcFixture.http();
  static final List<String> RESOURCES =
      List.of(
          "/ogc",
          "/ogc/conformance",
          "/ogc/collections",
          "/ogc/collections/subdistrict",
          "/ogc/collections/subdistrict/items",
          "/ogc/collections/subdistrict/items/830101",
          "/ogc/api");

  @Test
  void req_geojson_definition() {
    for (String accept : List.of("application/geo+json", "application/json", "*/*")) {
      HttpResponse<byte[]> r = http.get("/ogc/collections/district/items", "Accept", accept);
      assertEquals(200, r.statusCode());
      assertTrue(type(r).startsWith("application/geo+json"), accept + " → " + type(r));
      HttpResponse<byte[]> f = http.get("/ogc/collections/district/items/8301", "Accept", accept);
      assertTrue(type(f).startsWith("application/geo+json"), type(f));
    }
    HttpResponse<byte[]> r =
        http.get("/ogc/collections/district/items?f=json", "Accept", "text/html");
    assertTrue(type(r).startsWith("application/geo+json"), "f wins over Accept");
  }

  @Test
  void req_geojson_content() {
    JsonNode fc = json(http.get("/ogc/collections/subdistrict/items?limit=" + SUBDISTRICTS));
    assertEquals("FeatureCollection", fc.path("type").asText());
    assertTrue(fc.path("crs").isMissingNode());
    for (JsonNode f : fc.path("features")) {
      assertEquals("Feature", f.path("type").asText());
      assertTrue(f.path("id").asText().matches("(75|83)\\d{4}"));
      JsonNode p = f.path("properties");
      assertEquals(f.path("id").asText(), p.path("code").asText());
      assertEquals("subdistrict", p.path("level").asText());
      assertEquals(f.path("id").asText().substring(0, 4), p.path("parent_code").asText());
      assertFalse(p.path("name_th").asText().isEmpty());
      assertEquals("MultiPolygon", f.path("geometry").path("type").asText());
    }
  }

  /**
   * One geometry type per layer, MultiPolygon, as in the GeoPackage: GDAL types a layer from its
   * first features, and a layer mixing Polygon and MultiPolygon gives a non-conformant GeoPackage.
   */
  @Test
  void everyFeatureIsAMultiPolygonInItemsAndTheGeoJsonDownload() {
    long singlePolygons =
        OgcFixture.dataset()
            .boundaries()
            .areas(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT)
            .stream()
            .filter(a -> a.geometry() instanceof org.locationtech.jts.geom.Polygon)
            .count();
    assertTrue(singlePolygons > 0, "the fixture has single-polygon areas, so this test bites");
    for (String p :
        List.of(
            "/ogc/collections/subdistrict/items?limit=100",
            "/ogc/collections/subdistrict/items?limit=100&zoom=4",
            "/ogc/collections/district/items?tolerance=500",
            "/ogc/collections/province/items",
            "/api/export/subdistrict.geojson")) {
      JsonNode fc = json(http.get(p));
      assertTrue(fc.path("features").size() > 0, p);
      for (JsonNode f : fc.path("features")) {
        assertEquals(
            "MultiPolygon", f.path("geometry").path("type").asText(), p + " " + f.path("id"));
      }
    }
    for (String code : List.of("830101", "830201")) {
      JsonNode f = json(http.get("/ogc/collections/subdistrict/items/" + code));
      assertEquals("MultiPolygon", f.path("geometry").path("type").asText());
    }
  }

  @Test
  void req_html_definition() {
    for (String p : RESOURCES) {
      HttpResponse<byte[]> r =
          http.get(p, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
      assertEquals(200, r.statusCode(), p);
      assertTrue(type(r).startsWith("text/html"), p + " → " + type(r));
      HttpResponse<byte[]> f = http.get(p + "?f=html");
      assertTrue(type(f).startsWith("text/html"), p);
    }
  }

  @Test
  void req_html_content() {
    String items = html("/ogc/collections/subdistrict/items?limit=" + SUBDISTRICTS + "&f=html");
    for (var a :
        OgcFixture.dataset().boundaries().areas(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT)) {
      assertTrue(items.contains(a.code()) && items.contains(a.nameTh()), a.code());
    }
    assertTrue(items.contains("numberReturned " + SUBDISTRICTS));
    assertFalse(
        items.contains("<script") || items.contains("http://cdn") || items.contains("https://cdn"));
    String page = html("/ogc/collections/subdistrict/items?limit=5&f=html");
    assertTrue(page.contains("rel=\"next\"") || page.contains("(next,"), "next link shown");
    String landing = html("/ogc?f=html");
    assertTrue(landing.contains("/ogc/collections") && landing.contains("/ogc/conformance"));
    String feature = html("/ogc/collections/province/items/83?f=html");
    assertTrue(feature.contains("ภูเก็ต") && feature.contains("CC BY 3.0 IGO"));
  }

  static String html(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path);
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void req_oas30_oas_definition_1() {
    JsonNode landing = json(http.get("/ogc"));
    for (JsonNode l : landing.path("links")) {
      if (l.path("rel").asText().equals("service-desc")) {
        assertEquals("application/vnd.oai.openapi+json;version=3.0", l.path("type").asText());
        HttpResponse<byte[]> r = http.get(java.net.URI.create(l.path("href").asText()).getPath());
        assertEquals("application/vnd.oai.openapi+json;version=3.0", type(r));
        return;
      }
    }
    throw new AssertionError("no service-desc link");
  }

  @Test
  void req_oas30_oas_definition_2() {
    String doc = html("/ogc/api?f=html");
    assertTrue(doc.contains("/ogc/collections/{collectionId}/items"));
    assertTrue(doc.contains("bbox"));
  }

  /** Every path in the document is served, and every route of the server is in the document. */
  @Test
  void req_oas30_oas_impl() throws Exception {
    JsonNode api = json(http.get("/ogc/api"));
    var served = OgcFixture.servedPaths(api);
    Set<String> documented = new HashSet<>(served.keySet());
    for (String p : documented) {
      if (!served.get(p).has("get") || p.startsWith("/admin/")) {
        // admin endpoints are off here; their statuses are AdminImportHandlerTest's and
        // ImportsApiTest's
        continue;
      }
      String concrete =
          p.replace("{collectionId}", "district")
              .replace("{featureId}", "8301")
              .replace("{code}", "83")
              .replace("{level}", "province")
              .replace("{z}", "8")
              .replace("{x}", "199")
              .replace(
                  "{file}",
                  p.startsWith("/tiles/{level}")
                      ? "121.mvt"
                      : p.startsWith("/tiles") ? "province.json" : "province.csv");
      if (p.startsWith("/render")) {
        concrete =
            (p.equals("/render/{file}") ? "/render/province.png" : "/render/report/83.pdf")
                + "?indicator="
                + HttpTestClient.enc(OgcFixture.indicatorWithSubdistrictData()[0]);
      }
      if (p.equals("/api/export/bundle/{file}")) {
        concrete =
            "/api/export/bundle/83.zip?indicator="
                + HttpTestClient.enc(OgcFixture.indicatorWithSubdistrictData()[0]);
      }
      if (p.equals("/api/areas/search")) {
        concrete += "?q=83";
      }
      if (p.equals("/api/values") || p.equals("/api/classes")) {
        concrete +=
            "?level=province&indicator="
                + HttpTestClient.enc(OgcFixture.indicatorWithSubdistrictData()[0]);
      }
      int status = http.get(concrete).statusCode();
      assertTrue(status == 200 || status == 204, concrete + " → " + status);
    }
    Path src = Path.of("src/main/java/org/phaenthi/server/PhaenthiServer.java");
    Matcher m = Pattern.compile("r\\.get\\(\\s*\"([^\"]+)\"").matcher(Files.readString(src));
    while (m.find()) {
      if (m.group(1).startsWith("/admin")) {
        continue; // the admin API (off on public nodes) has its contract in docs/ADMIN-API.md
      }
      assertTrue(
          documented.contains(m.group(1)), "route " + m.group(1) + " missing from openapi.json");
    }
  }

  @Test
  void req_oas30_completeness() {
    JsonNode api = json(http.get("/ogc/api"));
    JsonNode items =
        OgcFixture.servedPaths(api).get("/ogc/collections/{collectionId}/items").path("get");
    Set<String> params = new HashSet<>();
    items
        .path("parameters")
        .forEach(p -> params.add(p.path("$ref").asText().replace("#/components/parameters/", "")));
    for (String p : ItemsQuery.ITEMS_PARAMS) {
      assertTrue(params.contains(p), "items parameter " + p + " not documented");
    }
    assertTrue(items.path("responses").path("200").path("content").has("application/geo+json"));
    assertTrue(items.path("responses").path("200").path("content").has("text/html"));
  }

  @Test
  void req_oas30_exceptions_codes() {
    JsonNode api = json(http.get("/ogc/api"));
    JsonNode items =
        OgcFixture.servedPaths(api).get("/ogc/collections/{collectionId}/items").path("get");
    assertTrue(items.path("responses").has("400") && items.path("responses").has("404"));
    assertEquals(400, http.get("/ogc/collections/district/items?limit=-5").statusCode());
  }

  @Test
  void req_oas30_security() {
    JsonNode api = json(http.get("/ogc/api"));
    assertTrue(api.path("security").isMissingNode(), "the OGC resources need no credentials");
    assertEquals(200, http.get("/ogc/collections").statusCode());
  }
}
