package org.phaenthi.server.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.phaenthi.server.ogc.OgcFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.export.Crs;

/** OGC API – Features – Part 2 (CRS by reference) over HTTP, against the Phuket fixture. */
class OgcCrsTest {
  static final HttpTestClient http = OgcFixture.http();
  static final String UTM47 = "http://www.opengis.net/def/crs/EPSG/0/32647";
  static final String WGS84_LATLON = "http://www.opengis.net/def/crs/EPSG/0/4326";

  static String enc(String s) {
    return HttpTestClient.enc(s);
  }

  @Test
  void conformanceDeclaresPart2AndEveryCollectionListsItsCrss() {
    JsonNode conf = http.json("/ogc/conformance");
    assertTrue(
        conf.path("conformsTo").toString().contains("ogcapi-features-2/1.0/conf/crs"),
        conf.toString());
    for (String path : List.of("/ogc/collections/district", "/ogc/collections")) {
      JsonNode j = http.json(path);
      JsonNode c = j.has("collections") ? j.path("collections").get(0) : j;
      assertEquals(Crs.CRS84_URI, c.path("storageCrs").asText());
      List<String> crs = new ArrayList<>();
      c.path("crs").forEach(x -> crs.add(x.asText()));
      assertEquals(Crs.uris(), crs);
      assertTrue(crs.contains("http://www.opengis.net/def/crs/EPSG/0/24047"));
    }
  }

  @Test
  void itemsWithoutCrsAreCrs84AndSayItInContentCrs() {
    HttpResponse<byte[]> r = http.get("/ogc/collections/district/items");
    assertEquals("<" + Crs.CRS84_URI + ">", r.headers().firstValue("Content-Crs").orElse(""));
  }

  /** Every vertex of every district in UTM 47N is the proj4j transform of its CRS84 vertex. */
  @Test
  void itemsInUtm47AreTheTransformOfTheCrs84Items() {
    JsonNode lonLat = json(http.get("/ogc/collections/district/items?precision=9"));
    HttpResponse<byte[]> r =
        http.get("/ogc/collections/district/items?precision=3&crs=" + enc(UTM47));
    assertEquals(200, r.statusCode());
    assertEquals("<" + UTM47 + ">", r.headers().firstValue("Content-Crs").orElse(""));
    JsonNode utm = json(r);
    Crs c = Crs.parse(UTM47, "crs");
    int n = 0;
    for (int f = 0; f < lonLat.path("features").size(); f++) {
      JsonNode a = lonLat.path("features").get(f).path("geometry").path("coordinates");
      JsonNode b = utm.path("features").get(f).path("geometry").path("coordinates");
      JsonNode ring = a.get(0).get(0);
      JsonNode ringUtm = b.get(0).get(0);
      assertEquals(ring.size(), ringUtm.size());
      for (int i = 0; i < ring.size(); i++) {
        double[] p = c.fromCrs84(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        assertEquals(p[0], ringUtm.get(i).get(0).asDouble(), 0.01);
        assertEquals(p[1], ringUtm.get(i).get(1).asDouble(), 0.01);
        n++;
      }
    }
    assertTrue(n > 100, "compared " + n + " vertices");
    // Phuket lies around easting 430 km, northing 870 km of UTM 47N
    JsonNode phuket = null;
    for (JsonNode f : utm.path("features")) {
      phuket = f.path("id").asText().equals("8301") ? f : phuket;
    }
    double e = phuket.path("geometry").path("coordinates").get(0).get(0).get(0).get(0).asDouble();
    assertTrue(e > 400_000 && e < 460_000, "easting " + e);
  }

  @Test
  void epsg4326ItemsAreLatitudeFirst() {
    JsonNode lonLat = json(http.get("/ogc/collections/province/items/83"));
    HttpResponse<byte[]> r =
        http.get("/ogc/collections/province/items/83?crs=" + enc(WGS84_LATLON));
    assertEquals("<" + WGS84_LATLON + ">", r.headers().firstValue("Content-Crs").orElse(""));
    JsonNode latLon = json(r);
    JsonNode p = lonLat.path("geometry").path("coordinates").get(0).get(0).get(0);
    double lon = p.get(0).asDouble();
    double lat = p.get(1).asDouble();
    assertTrue(lon > 97 && lat < 9, p.toString());
    boolean found = false;
    for (JsonNode q : latLon.path("geometry").path("coordinates").get(0).get(0)) {
      found |= q.get(0).asDouble() == lat && q.get(1).asDouble() == lon;
    }
    assertTrue(found, "the first CRS84 vertex, swapped, is in the EPSG:4326 ring");
  }

  @Test
  void aBboxInAnotherCrsSelectsTheSameFeaturesAsInCrs84() {
    String lonLatBox = "98.30,7.80,98.40,7.95";
    List<String> expected = ids("/ogc/collections/subdistrict/items?limit=100&bbox=" + lonLatBox);
    assertTrue(
        expected.size() > 1
            && expected.size()
                < OgcFixture.count(org.phaenthi.boundaries.AdminLevel.SUBDISTRICT, "83"),
        expected.toString());
    Crs utm = Crs.parse(UTM47, "crs");
    double[] box =
        utm.envelopeFromCrs84(new org.locationtech.jts.geom.Envelope(98.30, 98.40, 7.80, 7.95));
    String utmBox = box[0] + "," + box[1] + "," + box[2] + "," + box[3];
    List<String> viaUtm =
        ids(
            "/ogc/collections/subdistrict/items?limit=100&bbox="
                + utmBox
                + "&bbox-crs="
                + enc(UTM47));
    // the UTM box encloses the lon/lat box (its envelope), so it can only add edge features
    assertTrue(viaUtm.containsAll(expected), viaUtm + " ⊇ " + expected);
    assertTrue(viaUtm.size() <= expected.size() + 3, viaUtm.toString());
    List<String> viaLatLon =
        ids(
            "/ogc/collections/subdistrict/items?limit=100&bbox=7.80,98.30,7.95,98.40&bbox-crs="
                + enc(WGS84_LATLON));
    assertEquals(expected, viaLatLon);
    // sent longitude first anyway (as the OGC ETS 1.9 does): unambiguous, so read as such
    List<String> lonFirst =
        ids(
            "/ogc/collections/subdistrict/items?limit=100&bbox="
                + lonLatBox
                + "&bbox-crs="
                + enc(WGS84_LATLON));
    assertEquals(expected, lonFirst);
    // without bbox-crs the same numbers are lon/lat, far outside Phuket
    assertEquals(
        List.of(),
        ids(
            "/ogc/collections/subdistrict/items?bbox=7.80,98.30,7.95,98.40"
                .replace("98.30", "88.30")
                .replace("98.40", "88.40")));
  }

  @Test
  void nextLinksCarryCrs() {
    JsonNode page = json(http.get("/ogc/collections/subdistrict/items?limit=5&crs=" + enc(UTM47)));
    String next = "";
    for (JsonNode l : page.path("links")) {
      if (l.path("rel").asText().equals("next")) {
        next = l.path("href").asText();
      }
    }
    assertTrue(next.contains("crs=" + enc(UTM47)) || next.contains("crs=" + UTM47), next);
  }

  /** HEAD says what GET would: the content type and, for features, the Content-Crs. */
  @Test
  void headGivesTheGetsContentTypeAndContentCrs() {
    for (String p :
        List.of(
            "/ogc/collections/district/items?crs=" + enc(UTM47),
            "/ogc/collections/district/items/8301",
            "/ogc/collections/district/items?f=html",
            "/ogc/collections/district/queryables",
            "/ogc/api",
            "/api/export/district.gpkg?crs=EPSG:32647",
            "/api/export/district.xlsx",
            "/api/export/district.topojson",
            "/api/export/district.csv-metadata.json")) {
      HttpResponse<byte[]> get = http.get(p);
      HttpResponse<byte[]> head = http.send("HEAD", p);
      assertEquals(200, head.statusCode(), p);
      assertEquals(0, head.body().length, p);
      for (String h : List.of("Content-Type", "Content-Crs", "ETag", "Content-Disposition")) {
        assertEquals(get.headers().allValues(h), head.headers().allValues(h), p + " " + h);
      }
      assertTrue(head.headers().firstValue("Content-Type").isPresent(), p);
    }
  }

  @Test
  void badCrsParametersAre400sNamingThem() {
    assertBad("/ogc/collections/district/items?crs=EPSG:2154", "'crs'");
    assertBad("/ogc/collections/district/items/8301?crs=EPSG:9999", "'crs'");
    assertBad("/ogc/collections/district/items?bbox=1,2,3,4&bbox-crs=EPSG:2154", "'bbox-crs'");
    assertBad("/ogc/collections/district/items?bbox-crs=" + enc(UTM47), "'bbox-crs'");
    assertBad(
        "/ogc/collections/district/items?bbox=500000,900000,400000,800000&bbox-crs=" + enc(UTM47),
        "'bbox'");
    assertBad(
        "/ogc/collections/district/items?bbox=95,7,99,200&bbox-crs=" + enc(WGS84_LATLON), "'bbox'");
  }

  static void assertBad(String path, String names) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(400, r.statusCode(), path);
    String m = json(r).path("message").asText();
    assertTrue(m.contains(names), m);
  }

  static List<String> ids(String path) {
    HttpResponse<byte[]> r = http.get(path);
    assertEquals(200, r.statusCode(), path);
    List<String> out = new ArrayList<>();
    json(r).path("features").forEach(f -> out.add(f.path("id").asText()));
    return out;
  }
}
