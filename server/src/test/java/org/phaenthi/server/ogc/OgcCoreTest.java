package org.phaenthi.server.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phaenthi.server.ogc.OgcFixture.json;
import static org.phaenthi.server.ogc.OgcFixture.type;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.export.Crs;

/**
 * The requirements of OGC API – Features – Part 1: Core (OGC 17-069r4, requirements class
 * /req/core), one test per requirement, named after it.
 */
class OgcCoreTest {
  static final HttpTestClient http = OgcFixture.http();

  static JsonNode get(String path) {
    HttpResponse<byte[]> r = http.get(path, "Accept", "application/json");
    assertEquals(200, r.statusCode(), path + " → " + new String(r.body()));
    return json(r);
  }

  static JsonNode link(JsonNode links, String rel, String type) {
    for (JsonNode l : links) {
      if (l.path("rel").asText().equals(rel)
          && (type == null || l.path("type").asText().equals(type))) {
        return l;
      }
    }
    throw new AssertionError("no link rel=" + rel + " type=" + type + " in " + links);
  }

  static String path(JsonNode link) {
    return java.net.URI.create(link.path("href").asText()).getRawPath()
        + (java.net.URI.create(link.path("href").asText()).getRawQuery() == null
            ? ""
            : "?" + java.net.URI.create(link.path("href").asText()).getRawQuery());
  }

  static void assert400(String path, String parameter) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(400, r.statusCode(), path);
    JsonNode e = json(r);
    assertEquals(400, e.path("status").asInt());
    assertTrue(e.path("message").asText().contains(parameter), path + ": " + e);
  }

  /** The fixture's subdistricts (both provinces), Phuket's, and its districts. */
  static final int SUBDISTRICTS =
      OgcFixture.count(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, "");

  static final int PHUKET = OgcFixture.count(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, "83");

  static final int DISTRICTS = OgcFixture.count(org.phaenthi.boundaries.AdminLevel.DISTRICT, "");

  @Test
  void req_core_http() {
    HttpResponse<byte[]> r = http.get("/ogc");
    assertEquals(HttpClient.Version.HTTP_1_1, r.version());
  }

  @Test
  void req_core_root_op() {
    assertEquals(200, http.get("/ogc").statusCode());
    assertEquals(200, http.get("/ogc/").statusCode());
  }

  @Test
  void req_core_root_success() {
    JsonNode links = get("/ogc").path("links");
    link(links, "self", "application/json");
    link(links, "alternate", "text/html");
    assertTrue(path(link(links, "service-desc", null)).startsWith("/ogc/api"));
    assertTrue(path(link(links, "service-doc", "text/html")).startsWith("/ogc/api"));
    assertEquals("/ogc/conformance", path(link(links, "conformance", "application/json")));
    assertEquals("/ogc/collections", path(link(links, "data", "application/json")));
    for (JsonNode l : links) {
      assertTrue(l.path("href").asText().startsWith("http://127.0.0.1:"), "absolute: " + l);
    }
  }

  @Test
  void req_core_api_definition_op() {
    assertEquals(200, http.get("/ogc/api").statusCode());
  }

  @Test
  void req_core_api_definition_success() {
    HttpResponse<byte[]> r = http.get("/ogc/api");
    assertTrue(type(r).startsWith("application/vnd.oai.openapi+json"), type(r));
    assertTrue(json(r).path("openapi").asText().startsWith("3.0"));
  }

  /**
   * The server URL is this server's /ogc, absolute and built like the links, and the OGC paths are
   * relative to it (what the OGC suite and OpenAPI clients resolve); the other routes keep their
   * full path under a path-level server URL of the origin.
   */
  @Test
  void apiDefinitionServerResolvesThePaths() {
    JsonNode api = json(http.get("/ogc/api"));
    assertEquals(OgcFixture.baseUrl() + "/ogc", api.path("servers").get(0).path("url").asText());
    assertTrue(api.path("paths").has("/conformance"));
    assertTrue(api.path("paths").has("/collections/{collectionId}/items"));
    assertFalse(api.path("paths").has("/ogc/conformance"));
    JsonNode health = api.path("paths").path("/health");
    assertEquals(OgcFixture.baseUrl(), health.path("servers").get(0).path("url").asText());
    var served = OgcFixture.servedPaths(api);
    assertTrue(served.containsKey("/ogc/conformance"), served.keySet().toString());
    assertTrue(served.containsKey("/ogc"), served.keySet().toString());
    assertTrue(served.containsKey("/health"), served.keySet().toString());
    // Forwarded headers from a client that is not a trusted proxy change nothing (ForwardedUrlsTest
    // covers trusted proxies and --public-url): the server URL is built like the links.
    assertEquals(
        OgcFixture.baseUrl() + "/ogc",
        json(http.get(
                "/ogc/api", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "maps.example.go.th"))
            .path("servers")
            .get(0)
            .path("url")
            .asText());
  }

  /**
   * Every path of the definition has at least one operation (an HTTP method with its responses),
   * and nothing but operations, {@code parameters}, {@code servers}, {@code summary} and {@code
   * description} at path level: a path whose operation fields sit unwrapped (as {@code
   * /api/classes} once did) is a path clients cannot call.
   */
  @Test
  void everyPathHasAnOperation() {
    JsonNode paths = json(http.get("/ogc/api")).path("paths");
    Set<String> methods = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    Set<String> pathFields = Set.of("parameters", "servers", "summary", "description", "$ref");
    List<String> bad = new ArrayList<>();
    paths
        .fields()
        .forEachRemaining(
            p -> {
              int ops = 0;
              for (var it = p.getValue().fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (methods.contains(f)) {
                  ops++;
                  if (!p.getValue().path(f).path("responses").isObject()) {
                    bad.add(p.getKey() + " " + f + " without responses");
                  }
                } else if (!pathFields.contains(f)) {
                  bad.add(p.getKey() + ": '" + f + "' is not an operation");
                }
              }
              if (ops == 0) {
                bad.add(p.getKey() + " has no operation");
              }
            });
    assertTrue(paths.size() > 10, paths.toString());
    assertEquals(List.of(), bad);
  }

  @Test
  void req_core_conformance_op() {
    assertEquals(200, http.get("/ogc/conformance").statusCode());
  }

  @Test
  void req_core_conformance_success() {
    Set<String> classes = new HashSet<>();
    get("/ogc/conformance").path("conformsTo").forEach(c -> classes.add(c.asText()));
    String base = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    assertEquals(
        Set.of(
            base + "core",
            base + "oas30",
            base + "html",
            base + "geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions"),
        classes);
  }

  @Test
  void req_core_query_param_unknown() {
    for (String p :
        List.of(
            "/ogc",
            "/ogc/conformance",
            "/ogc/api",
            "/ogc/collections",
            "/ogc/collections/district",
            "/ogc/collections/district/items",
            "/ogc/collections/district/items/8301")) {
      assert400(p + "?colour=red", "colour");
    }
  }

  @Test
  void req_core_query_param_invalid() {
    String items = "/ogc/collections/subdistrict/items";
    assert400(items + "?bbox=1,2,3", "bbox");
    assert400(items + "?bbox=a,b,c,d", "bbox");
    assert400(items + "?bbox=98,8,99,9,0", "bbox");
    assert400(items + "?bbox=98,8,10,99,9,0", "bbox");
    assert400(items + "?bbox=98,8,NaN,99,9,0", "bbox");
    assert400(items + "?bbox=98,9,99,8", "bbox");
    assert400(items + "?bbox=98,8,200,9", "bbox");
    assert400(items + "?limit=0", "limit");
    assert400(items + "?limit=ten", "limit");
    assert400(items + "?offset=-1", "offset");
    assert400(items + "?precision=16", "precision");
    assert400(items + "?precision=x", "precision");
    assert400(items + "?zoom=15", "zoom");
    assert400(items + "?tolerance=-1", "tolerance");
    assert400(items + "?zoom=3&tolerance=10", "zoom");
    assert400(items + "?datetime=yesterday", "datetime");
    assert400(items + "?properties=colour", "properties");
    assert400(items + "?f=xml", "f");
    assert400(items + "?year=2561", "year");
    assert400(items + "?parent=abc", "parent");
  }

  @Test
  void req_core_fc_md_op() {
    assertEquals(200, http.get("/ogc/collections").statusCode());
  }

  @Test
  void req_core_fc_md_success() {
    JsonNode c = get("/ogc/collections");
    assertTrue(c.path("links").isArray());
    // the levels of the served boundary set: three with polygons and the villages (values only)
    assertEquals(4, c.path("collections").size());
  }

  @Test
  void req_core_fc_md_links() {
    JsonNode links = get("/ogc/collections").path("links");
    assertTrue(path(link(links, "self", "application/json")).startsWith("/ogc/collections"));
    link(links, "alternate", "text/html");
  }

  @Test
  void req_core_fc_md_items() {
    List<String> ids = new ArrayList<>();
    get("/ogc/collections").path("collections").forEach(c -> ids.add(c.path("id").asText()));
    assertEquals(List.of("province", "district", "subdistrict", "village"), ids);
    for (JsonNode c : get("/ogc/collections").path("collections")) {
      assertEquals("feature", c.path("itemType").asText());
      assertTrue(
          c.path("title").asText().contains("ตำบล")
              || !c.path("id").asText().equals("subdistrict"));
      // Part 2: CRS84 is the first of the CRSs offered and where the data is stored
      assertEquals(Crs.CRS84_URI, c.path("crs").get(0).asText());
      assertEquals(Crs.CRS84_URI, c.path("storageCrs").asText());
    }
  }

  @Test
  void req_core_fc_md_items_links() {
    for (JsonNode c : get("/ogc/collections").path("collections")) {
      JsonNode items = link(c.path("links"), "items", "application/geo+json");
      assertEquals("/ogc/collections/" + c.path("id").asText() + "/items?f=json", path(items));
      assertEquals(200, http.get(path(items)).statusCode());
    }
  }

  @Test
  void req_core_fc_md_extent() {
    JsonNode c = get("/ogc/collections/subdistrict");
    JsonNode bbox = c.path("extent").path("spatial").path("bbox").get(0);
    assertEquals(
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        c.path("extent").path("spatial").path("crs").asText());
    var env = OgcFixture.dataset().boundaries().extent();
    assertTrue(bbox.get(0).asDouble() <= env.getMinX() && bbox.get(2).asDouble() >= env.getMaxX());
    assertTrue(bbox.get(1).asDouble() <= env.getMinY() && bbox.get(3).asDouble() >= env.getMaxY());
    // the two provinces' box: Phuket's west edge, Samut Songkhram's east edge (a few m of slack)
    assertTrue(bbox.get(0).asDouble() > env.getMinX() - 0.01, "west: " + bbox);
    assertTrue(bbox.get(2).asDouble() < env.getMaxX() + 0.01, "east: " + bbox);
  }

  @Test
  void req_core_sfc_md_op() {
    assertEquals(200, http.get("/ogc/collections/province").statusCode());
    assertEquals(404, http.get("/ogc/collections/hamlet").statusCode());
    assertTrue(
        json(http.get("/ogc/collections/hamlet")).path("message").asText().contains("village"),
        "the message lists the collections");
  }

  @Test
  void req_core_sfc_md_success() {
    JsonNode inList = get("/ogc/collections").path("collections").get(1);
    assertEquals(inList, get("/ogc/collections/district"));
  }

  @Test
  void req_core_fc_op() {
    assertEquals(200, http.get("/ogc/collections/subdistrict/items").statusCode());
    assertEquals(404, http.get("/ogc/collections/tambon/items").statusCode());
  }

  @Test
  void req_core_fc_limit_definition() throws Exception {
    JsonNode limit = json(http.get("/ogc/api")).path("components").path("parameters").path("limit");
    assertEquals(1, limit.path("schema").path("minimum").asInt());
    assertEquals(10_000, limit.path("schema").path("maximum").asInt());
    assertEquals(10, limit.path("schema").path("default").asInt());
    assertEquals("form", limit.path("style").asText());
  }

  @Test
  void req_core_fc_limit_response() {
    JsonNode fc = get("/ogc/collections/subdistrict/items");
    assertEquals(10, fc.path("numberReturned").asInt());
    assertEquals(10, fc.path("features").size());
    assertEquals(3, get("/ogc/collections/subdistrict/items?limit=3").path("features").size());
    JsonNode clamped = get("/ogc/collections/subdistrict/items?limit=99999");
    assertEquals(SUBDISTRICTS, clamped.path("features").size());
    assertTrue(
        link(clamped.path("links"), "self", null).path("href").asText().contains("limit=99999"));
  }

  @Test
  void req_core_fc_bbox_definition() {
    JsonNode bbox = json(http.get("/ogc/api")).path("components").path("parameters").path("bbox");
    assertEquals("query", bbox.path("in").asText());
    assertEquals(4, bbox.path("schema").path("minItems").asInt());
    assertEquals(6, bbox.path("schema").path("maxItems").asInt());
    assertFalse(bbox.path("explode").asBoolean(true));
  }

  /** The 6-number bbox (with heights) selects the same features as its 2D part. */
  @Test
  void req_core_fc_bbox_6_numbers() {
    String items = "/ogc/collections/subdistrict/items?limit=100&bbox=";
    assertEquals(PHUKET, get(items + "97,7,-100,99,9,8000").path("numberMatched").asInt());
    assertEquals(0, get(items + "90,0,0,91,1,10").path("numberMatched").asInt());
    assertEquals(
        get(items + "98.3,7.8,98.35,7.9").path("numberMatched").asInt(),
        get(items + "98.3,7.8,0,98.35,7.9,0").path("numberMatched").asInt());
  }

  @Test
  void req_core_fc_bbox_response() {
    var all =
        OgcFixture.dataset().boundaries().areas(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT);
    var target = all.get(0);
    var p = target.geometry().getInteriorPoint();
    double x = p.getX();
    double y = p.getY();
    String box = (x - 1e-4) + "," + (y - 1e-4) + "," + (x + 1e-4) + "," + (y + 1e-4);
    JsonNode fc = get("/ogc/collections/subdistrict/items?limit=100&bbox=" + box);
    List<String> ids = new ArrayList<>();
    fc.path("features").forEach(f -> ids.add(f.path("id").asText()));
    assertTrue(ids.contains(target.code()), ids.toString());
    assertTrue(ids.size() <= 2, "a 20 m box touches at most a neighbour: " + ids);
    assertEquals(ids.size(), fc.path("numberMatched").asInt());
    assertEquals(
        0, get("/ogc/collections/subdistrict/items?bbox=90,0,91,1").path("numberMatched").asInt());
    assertEquals(
        PHUKET,
        get("/ogc/collections/subdistrict/items?bbox=97,7,99,9").path("numberMatched").asInt());
    // crossing the antimeridian: minLon > maxLon covers 170..180 and -180..99 (Phuket's only)
    assertEquals(
        PHUKET,
        get("/ogc/collections/subdistrict/items?bbox=170,7,99,9").path("numberMatched").asInt());
  }

  @Test
  void req_core_fc_time_definition() {
    JsonNode dt = json(http.get("/ogc/api")).path("components").path("parameters").path("datetime");
    assertEquals("query", dt.path("in").asText());
    assertEquals(
        200,
        http.get("/ogc/collections/province/items?datetime=2018-01-01T00:00:00Z").statusCode());
    assertEquals(
        200, http.get("/ogc/collections/province/items?datetime=2018-01-01/..").statusCode());
  }

  @Test
  void req_core_fc_time_response() {
    // The boundaries carry no time: every feature matches any datetime.
    assertEquals(
        DISTRICTS,
        get("/ogc/collections/district/items?datetime=../2020-12-31")
            .path("numberMatched")
            .asInt());
  }

  @Test
  void req_core_fc_response() {
    JsonNode fc = get("/ogc/collections/district/items");
    assertEquals("FeatureCollection", fc.path("type").asText());
    assertEquals(DISTRICTS, fc.path("features").size());
    assertEquals("Feature", fc.path("features").get(0).path("type").asText());
  }

  @Test
  void req_core_fc_links() {
    JsonNode links = get("/ogc/collections/subdistrict/items?limit=5").path("links");
    link(links, "self", "application/geo+json");
    link(links, "alternate", "text/html");
    link(links, "next", "application/geo+json");
  }

  @Test
  void req_core_fc_rel_type() {
    Set<String> seen = new HashSet<>();
    String next = "/ogc/collections/subdistrict/items?limit=5";
    int pages = 0;
    JsonNode page = null;
    while (next != null) {
      page = get(next);
      pages++;
      page.path("features").forEach(f -> assertTrue(seen.add(f.path("id").asText())));
      String n = null;
      for (JsonNode l : page.path("links")) {
        if (l.path("rel").asText().equals("next")) {
          n = path(l);
        }
      }
      next = n;
    }
    assertEquals(SUBDISTRICTS, seen.size());
    int lastPage = (SUBDISTRICTS + 4) / 5;
    assertEquals(lastPage, pages);
    JsonNode prev = link(page.path("links"), "prev", "application/geo+json");
    assertTrue(
        prev.path("href").asText().contains("offset=" + (lastPage - 2) * 5), prev.toString());
    assertTrue(
        get("/ogc/collections/subdistrict/items?limit=5&offset=100").path("features").isEmpty());
  }

  @Test
  void req_core_fc_timeStamp() {
    Instant before = Instant.now().minusSeconds(2);
    Instant t = Instant.parse(get("/ogc/collections/province/items").path("timeStamp").asText());
    assertFalse(t.isBefore(before));
  }

  @Test
  void req_core_fc_numberMatched() {
    assertEquals(
        SUBDISTRICTS,
        get("/ogc/collections/subdistrict/items?limit=2").path("numberMatched").asInt());
    assertEquals(
        countUnder("8301"),
        get("/ogc/collections/subdistrict/items?parent=8301").path("numberMatched").asInt());
  }

  static int countUnder(String parent) {
    return OgcFixture.dataset()
        .boundaries()
        .children(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, parent)
        .size();
  }

  @Test
  void req_core_fc_numberReturned() {
    JsonNode fc = get("/ogc/collections/subdistrict/items?limit=5&offset=" + (SUBDISTRICTS - 2));
    assertEquals(2, fc.path("numberReturned").asInt());
    assertEquals(fc.path("features").size(), fc.path("numberReturned").asInt());
  }

  @Test
  void req_core_f_op() {
    assertEquals(200, http.get("/ogc/collections/province/items/83").statusCode());
    assertEquals(404, http.get("/ogc/collections/province/items/10").statusCode());
    assertEquals(404, http.get("/ogc/collections/district/items/83").statusCode());
    assertEquals(404, http.get("/ogc/collections/district/items/bogus").statusCode());
  }

  @Test
  void req_core_f_success() {
    JsonNode f = get("/ogc/collections/province/items/83");
    assertEquals("Feature", f.path("type").asText());
    assertEquals("83", f.path("id").asText());
    assertEquals(
        "/ogc/collections/province/items/83?f=json",
        path(link(f.path("links"), "self", "application/geo+json")));
    link(f.path("links"), "alternate", "text/html");
    assertEquals(
        "/ogc/collections/province?f=json",
        path(link(f.path("links"), "collection", "application/json")));
  }

  @Test
  void req_core_crs84() {
    JsonNode f = get("/ogc/collections/province/items/83");
    JsonNode first = f.path("geometry").path("coordinates").get(0).get(0);
    if (f.path("geometry").path("type").asText().equals("MultiPolygon")) {
      first = first.get(0);
    }
    assertTrue(first.get(0).asDouble() > 98 && first.get(0).asDouble() < 99, "x is longitude");
    assertTrue(first.get(1).asDouble() > 7 && first.get(1).asDouble() < 9, "y is latitude");
    assertTrue(f.path("crs").isMissingNode());
  }
}
