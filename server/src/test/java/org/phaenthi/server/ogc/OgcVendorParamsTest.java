package org.phaenthi.server.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phaenthi.server.ogc.OgcFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phaenthi.server.HttpTestClient;

/**
 * The vendor parameters (indicator, year, parent, properties, zoom, tolerance, precision) on every
 * OGC resource, carried into the links: GDAL's OAPIF driver and QGIS append the landing page's
 * query string to every request, and follow the links from there.
 */
class OgcVendorParamsTest {
  static final HttpTestClient http = OgcFixture.http();
  static final String[] IY = OgcFixture.indicatorWithSubdistrictData();
  static final String Q =
      "indicator=" + HttpTestClient.enc(IY[0]) + "&year=" + IY[1] + "&precision=5";

  static JsonNode ok(String path) {
    HttpResponse<byte[]> r = http.get(path, "Accept", "application/json");
    assertEquals(200, r.statusCode(), path + " → " + new String(r.body()));
    return json(r);
  }

  /** A link's href as a path and query for the test client, checked to point at this server. */
  static String follow(JsonNode link) {
    URI u = URI.create(link.path("href").asText());
    assertEquals(OgcFixture.baseUrl(), u.getScheme() + "://" + u.getRawAuthority());
    return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  static JsonNode rel(JsonNode links, String rel, String type) {
    for (JsonNode l : links) {
      if (l.path("rel").asText().equals(rel) && l.path("type").asText().equals(type)) {
        return l;
      }
    }
    throw new AssertionError("no " + rel + " " + type + " in " + links);
  }

  /** Every link to an OGC resource of this server carries the vendor parameters. */
  static void carried(JsonNode links) {
    for (JsonNode l : links) {
      String href = l.path("href").asText();
      if (href.startsWith(OgcFixture.baseUrl() + "/ogc")) {
        String q = URI.create(href).getRawQuery();
        assertTrue(q != null && q.contains("indicator=") && q.contains("year=" + IY[1]), "" + l);
        assertTrue(q.contains("precision=5"), "" + l);
      }
    }
  }

  @Test
  void everyResourceAcceptsTheVendorParametersAndCarriesThemIntoItsLinks() {
    for (String p :
        List.of(
            "/ogc",
            "/ogc/conformance",
            "/ogc/api",
            "/ogc/collections",
            "/ogc/collections/subdistrict",
            "/ogc/collections/subdistrict/items",
            "/ogc/collections/subdistrict/items/830101")) {
      JsonNode body = ok(p + "?" + Q);
      if (!p.equals("/ogc/api")) {
        carried(body.path("links"));
      }
    }
    for (JsonNode c : ok("/ogc/collections?" + Q).path("collections")) {
      carried(c.path("links"));
    }
    String html = new String(http.get("/ogc/collections?f=html&" + Q).body());
    assertTrue(html.contains("/ogc/collections/district/items?indicator="), html);
  }

  /** What GDAL does: from the landing page, data → collection → items, and the values are there. */
  @Test
  void followingTheLinksFromTheLandingPageReachesTheValues() {
    JsonNode landing = ok("/ogc?" + Q);
    JsonNode collections = ok(follow(rel(landing.path("links"), "data", "application/json")));
    JsonNode sub = null;
    for (JsonNode c : collections.path("collections")) {
      if (c.path("id").asText().equals("subdistrict")) {
        sub = c;
      }
    }
    JsonNode coll = ok(follow(rel(sub.path("links"), "self", "application/json")));
    JsonNode items = ok(follow(rel(coll.path("links"), "items", "application/geo+json")));
    assertTrue(items.path("numberReturned").asInt() > 0);
    JsonNode props = items.path("features").get(0).path("properties");
    assertEquals(IY[0], props.path("indicator").asText());
    assertEquals(Integer.parseInt(IY[1]), props.path("year_be").asInt());
    assertTrue(props.has("value"));
    boolean someValue = false;
    for (JsonNode f : items.path("features")) {
      someValue |= f.path("properties").path("value").isNumber();
    }
    assertTrue(someValue, "some feature has a value: " + items);
    JsonNode next = rel(items.path("links"), "next", "application/geo+json");
    assertTrue(next.path("href").asText().contains("indicator="), "" + next);
  }

  /** The downloads a collection links to hold the same indicator and year. */
  @Test
  void enclosuresCarryIndicatorYearAndAnApplicableParent() {
    JsonNode c = ok("/ogc/collections/subdistrict?" + Q + "&parent=8301");
    int enclosures = 0;
    for (JsonNode l : c.path("links")) {
      if (l.path("rel").asText().equals("enclosure")) {
        enclosures++;
        String q = URI.create(l.path("href").asText()).getRawQuery();
        assertTrue(q.contains("indicator=") && q.contains("year=" + IY[1]), "" + l);
        assertTrue(q.contains("parent=8301"), "" + l);
        assertFalse(q.contains("precision"), "downloads take no precision: " + l);
        assertEquals(200, http.get(follow(l)).statusCode(), "" + l);
      }
    }
    assertEquals(5, enclosures);
    // a district parent does not apply to the district downloads: left out there
    for (JsonNode l : ok("/ogc/collections/district?parent=8301").path("links")) {
      if (l.path("rel").asText().equals("enclosure")) {
        assertFalse(l.path("href").asText().contains("parent"), "" + l);
      }
    }
  }

  @Test
  void badVendorParametersAreRejectedNamingThem() {
    for (String p : List.of("/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/api")) {
      assertError(p + "?indicator=no:such", 404, "no:such");
      assertError(p + "?year=2561", 400, "year");
      assertError(p + "?indicator=" + HttpTestClient.enc(IY[0]) + "&year=1999", 400, "year");
      assertError(p + "?zoom=99", 400, "zoom");
      assertError(p + "?zoom=3&tolerance=10", 400, "tolerance");
      assertError(p + "?precision=x", 400, "precision");
      assertError(p + "?parent=12x", 400, "parent");
      assertError(p + "?parent=99", 404, "99");
      assertError(p + "?properties=nope", 400, "properties");
      assertError(p + "?colour=red", 400, "colour");
      assertError(p + "?bbox=1,2,3,4", 400, "bbox");
    }
    assertError("/ogc/collections/district?indicator=no:such", 404, "no:such");
  }

  /**
   * GDAL and QGIS append the landing page's query string to links that already carry it: the same
   * value twice is taken (found by OgcGdalIT), different values are a 400 naming the parameter.
   */
  @Test
  void aParameterRepeatedWithTheSameValueIsTaken() {
    for (String p :
        List.of(
            "/ogc",
            "/ogc/api",
            "/ogc/collections/subdistrict",
            "/ogc/collections/subdistrict/items",
            "/ogc/collections/subdistrict/items/830101",
            "/ogc/collections/subdistrict/schema")) {
      assertEquals(200, http.get(p + "?" + Q + "&f=json&" + Q).statusCode(), p);
    }
    assertError("/ogc/collections/subdistrict/items?year=2561&year=2566", 400, "year");
    assertError("/ogc/collections/subdistrict/items?limit=1&limit=2", 400, "limit");
  }

  /** Both licences travel: the boundaries' CC BY 3.0 IGO and the TPMAP statement. */
  @Test
  void licenceLinksAndStatements() {
    JsonNode c = ok("/ogc/collections/district");
    int licences = 0;
    boolean tpmap = false;
    for (JsonNode l : c.path("links")) {
      if (l.path("rel").asText().equals("license")) {
        licences++;
        tpmap |= l.path("title").asText().contains("ask NESDC before redistributing");
      }
    }
    assertEquals(2, licences, "" + c.path("links"));
    assertTrue(tpmap);
    JsonNode items = ok("/ogc/collections/district/items?" + Q);
    assertTrue(items.path("indicator_licence").asText().contains("NESDC"), "" + items);
  }

  @Test
  void aFeatureOutsideTheParentIsNotFound() {
    assertEquals(
        200, http.get("/ogc/collections/subdistrict/items/830101?parent=8301").statusCode());
    assertError("/ogc/collections/subdistrict/items/830101?parent=8302", 404, "8302");
  }

  static void assertError(String path, int status, String named) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(status, r.statusCode(), path + " → " + new String(r.body()));
    JsonNode e = json(r);
    assertEquals(status, e.path("status").asInt());
    assertTrue(e.path("message").asText().contains(named), path + ": " + e);
  }
}
