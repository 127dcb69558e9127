package org.phaenthi.server.ogc.cql2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.export.Crs;

/**
 * The spatial functions (OGC 21-065r2 §8.4–8.5) and CASEI/ACCENTI (§8.2–8.3), with the examples of
 * the standard's Annex B where they fit (geometry literals in WKT, BBOX and GeoJSON), geometries as
 * WKT literals.
 */
class Cql2SpatialTest {
  static final Map<String, Cql2.Type> Q = new LinkedHashMap<>();

  static {
    Q.put("geometry", Cql2.Type.GEOMETRY);
    Q.put("location", Cql2.Type.GEOMETRY);
    Q.put("road_class", Cql2.Type.STRING);
    Q.put("etat_vol", Cql2.Type.STRING);
    Q.put("name_en", Cql2.Type.STRING);
    Q.put("value", Cql2.Type.NUMBER);
  }

  static Geometry wkt(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A 1°×1° square from (98, 7) to (99, 8): Phuket's latitude. */
  static final Geometry SQUARE = wkt("POLYGON((98 7, 99 7, 99 8, 98 8, 98 7))");

  static Map<String, Object> feature(Geometry g) {
    Map<String, Object> m = new HashMap<>();
    m.put("geometry", g);
    m.put("location", g);
    return m;
  }

  static boolean text(String f, Geometry g) {
    return Cql2.parse(f, null, Q).test(feature(g));
  }

  static boolean json(String f, Geometry g) {
    return Cql2.parse(f, Cql2.JSON, Q).test(feature(g));
  }

  static ApiException bad(String f, String lang) {
    return assertThrows(ApiException.class, () -> Cql2.parse(f, lang, Q), f);
  }

  @Test
  void intersectsWithPointsBoxesAndPolygonsAsInTheStandard() {
    // Annex B: S_INTERSECTS(geometry,POINT(36.319836 32.288087)), moved into the square
    assertTrue(text("S_INTERSECTS(geometry,POINT(98.5 7.5))", SQUARE));
    assertFalse(text("S_INTERSECTS(geometry,POINT(36.319836 32.288087))", SQUARE));
    assertTrue(text("s_intersects(geometry, POINT (99 8))", SQUARE), "the corner touches");
    // Annex B: S_INTERSECTS(location,BBOX(-118,33.8,-117.9,34))
    assertFalse(text("S_INTERSECTS(location,BBOX(-118,33.8,-117.9,34))", SQUARE));
    assertTrue(text("S_INTERSECTS(location,BBOX(98.9,7.9,100,9))", SQUARE));
    assertTrue(text("S_INTERSECTS(geometry,BBOX(98.9,7.9,0,100,9,10))", SQUARE), "with heights");
    assertTrue(
        text("S_INTERSECTS(geometry,POLYGON((98.5 6, 100 6, 100 7.5, 98.5 7.5, 98.5 6)))", SQUARE));
    assertTrue(text("S_INTERSECTS(geometry,LINESTRING(97 7.5, 100 7.5))", SQUARE));
    assertTrue(text("S_INTERSECTS(geometry,MULTIPOINT((0 0), (98.2 7.2)))", SQUARE));
    assertTrue(text("S_INTERSECTS(geometry,POINT Z (98.5 7.5 12))", SQUARE), "Z is dropped");
    // the literal first, the property second
    assertTrue(text("S_INTERSECTS(POINT(98.5 7.5), geometry)", SQUARE));
    // a box across the antimeridian (minLon > maxLon) holds 170..180 and -180..-170 only
    assertFalse(text("S_INTERSECTS(geometry,BBOX(170,0,-170,10))", SQUARE));
    assertTrue(text("S_INTERSECTS(geometry,BBOX(170,0,-170,10))", wkt("POINT(-175 5)")));
  }

  @Test
  void everySpatialFunctionFollowsItsDe9imDefinition() {
    Geometry inner = wkt("POLYGON((98.2 7.2, 98.4 7.2, 98.4 7.4, 98.2 7.4, 98.2 7.2))");
    String innerWkt = "POLYGON((98.2 7.2, 98.4 7.2, 98.4 7.4, 98.2 7.4, 98.2 7.2))";
    String big = "POLYGON((97 6, 100 6, 100 9, 97 9, 97 6))";
    String beside = "POLYGON((99 7, 100 7, 100 8, 99 8, 99 7))";
    String overlapping = "POLYGON((98.5 7.5, 99.5 7.5, 99.5 8.5, 98.5 8.5, 98.5 7.5))";
    String far = "POLYGON((10 10, 11 10, 11 11, 10 11, 10 10))";
    assertTrue(text("S_WITHIN(geometry, " + big + ")", SQUARE));
    assertFalse(text("S_WITHIN(geometry, " + innerWkt + ")", SQUARE));
    assertTrue(text("S_CONTAINS(geometry, " + innerWkt + ")", SQUARE));
    assertFalse(text("S_CONTAINS(geometry, " + big + ")", SQUARE));
    // the literal first: big contains the square, the inner square is within it
    assertTrue(text("S_CONTAINS(" + big + ", geometry)", SQUARE));
    assertTrue(text("S_WITHIN(" + innerWkt + ", geometry)", SQUARE));
    assertTrue(text("S_DISJOINT(geometry, " + far + ")", SQUARE));
    assertFalse(text("S_DISJOINT(geometry, " + beside + ")", SQUARE));
    assertTrue(text("S_TOUCHES(geometry, " + beside + ")", SQUARE));
    assertFalse(text("S_TOUCHES(geometry, " + overlapping + ")", SQUARE));
    assertTrue(text("S_OVERLAPS(geometry, " + overlapping + ")", SQUARE));
    assertFalse(text("S_OVERLAPS(geometry, " + innerWkt + ")", SQUARE));
    assertTrue(text("S_CROSSES(geometry, LINESTRING(97 7.5, 100 7.5))", SQUARE));
    assertFalse(text("S_CROSSES(geometry, LINESTRING(98.1 7.5, 98.9 7.5))", SQUARE));
    assertTrue(text("S_EQUALS(geometry, POLYGON((99 8, 98 8, 98 7, 99 7, 99 8)))", SQUARE));
    assertFalse(text("S_EQUALS(geometry, " + innerWkt + ")", SQUARE));
    assertTrue(text("S_WITHIN(geometry, location)", inner), "property-property");
    assertTrue(text("NOT S_DISJOINT(geometry, " + beside + ") AND value IS NULL", SQUARE));
  }

  @Test
  void jsonTakesGeoJsonGeometriesAndBboxes() {
    assertTrue(
        json(
            "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"type\":\"Point\",\"coordinates\":[98.5,7.5]}]}",
            SQUARE));
    assertFalse(
        json(
            "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"type\":\"Point\",\"coordinates\":[36.319836,32.288087]}]}",
            SQUARE));
    assertFalse(
        json(
            "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"location\"},"
                + "{\"bbox\":[-118,33.8,-117.9,34]}]}",
            SQUARE));
    assertTrue(
        json(
            "{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\","
                + "\"coordinates\":[[[97,6],[100,6],[100,9],[97,9],[97,6]]]}]}",
            SQUARE));
    assertTrue(
        json(
            "{\"op\":\"s_contains\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"bbox\":[98.2,7.2,98.4,7.4]}]}",
            SQUARE));
  }

  @Test
  void filterCrsLiteralsAreReprojected() {
    // the centre of the square, (98.5, 7.5), in UTM 47N and in EPSG:4326's latitude-first order
    double[] utm = Crs.parse("EPSG:32647", "crs").fromCrs84(98.5, 7.5);
    String point = "S_INTERSECTS(geometry, POINT(" + utm[0] + " " + utm[1] + "))";
    Map<String, Object> f = feature(SQUARE);
    assertTrue(Cql2.parse(point, null, Q, Crs.parse("EPSG:32647", "filter-crs")).test(f));
    // the same metres read as degrees are refused, not silently matched
    assertThrows(ApiException.class, () -> Cql2.parse(point, null, Q, Crs.CRS84));
    assertTrue(
        Cql2.parse(
                "S_INTERSECTS(geometry, POINT(7.5 98.5))",
                null,
                Q,
                Crs.parse("EPSG:4326", "filter-crs"))
            .test(f));
    // a UTM box just east of the square's east edge (99°E) misses it; one across it meets it
    double[] e1 = Crs.parse("EPSG:32647", "crs").fromCrs84(99.01, 7.4);
    double[] e2 = Crs.parse("EPSG:32647", "crs").fromCrs84(99.2, 7.6);
    double[] w = Crs.parse("EPSG:32647", "crs").fromCrs84(98.99, 7.4);
    Crs utm47 = Crs.parse("EPSG:32647", "filter-crs");
    assertFalse(
        Cql2.parse(
                "S_INTERSECTS(geometry, BBOX("
                    + e1[0]
                    + ","
                    + e1[1]
                    + ","
                    + e2[0]
                    + ","
                    + e2[1]
                    + "))",
                null,
                Q,
                utm47)
            .test(f));
    assertTrue(
        Cql2.parse(
                "S_INTERSECTS(geometry, BBOX("
                    + w[0]
                    + ","
                    + e1[1]
                    + ","
                    + e2[0]
                    + ","
                    + e2[1]
                    + "))",
                null,
                Q,
                utm47)
            .test(f));
  }

  @Test
  void caseAndAccentInsensitiveComparisons() {
    Map<String, Object> row = new HashMap<>();
    row.put("road_class", "STRASSE");
    row.put("etat_vol", "débárquér");
    row.put("name_en", "Chiang Mài");
    // Annex B: CASEI(road_class) IN (CASEI('Οδος'),CASEI('Straße'))
    assertTrue(
        Cql2.parse("CASEI(road_class) IN (CASEI('Οδος'),CASEI('Straße'))", null, Q).test(row));
    assertFalse(Cql2.parse("road_class IN ('Οδος','Straße')", null, Q).test(row));
    // Annex B: ACCENTI(etat_vol) = ACCENTI('débárquér')
    assertTrue(Cql2.parse("ACCENTI(etat_vol) = ACCENTI('debarquer')", null, Q).test(row));
    assertFalse(Cql2.parse("etat_vol = 'debarquer'", null, Q).test(row));
    assertTrue(Cql2.parse("CASEI(ACCENTI(name_en)) LIKE casei('chiang mai%')", null, Q).test(row));
    assertFalse(Cql2.parse("name_en LIKE 'chiang mai%'", null, Q).test(row));
    assertTrue(
        Cql2.parse(
                "{\"op\":\"=\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"road_class\"}]},"
                    + "{\"op\":\"casei\",\"args\":[\"strasse\"]}]}",
                Cql2.JSON,
                Q)
            .test(row));
    assertTrue(
        Cql2.parse(
                "{\"op\":\"like\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"property\":\"name_en\"}]},"
                    + "{\"op\":\"accenti\",\"args\":[\"%Mai\"]}]}",
                Cql2.JSON, Q)
            .test(row));
    // Thai vowel and tone marks are not accents: ข้าว (rice) is not ขาว (white)
    assertEquals("ข้าว", Folding.fold("accenti", "ข้าว"));
    row.put("name_en", "ข้าว");
    assertFalse(Cql2.parse("ACCENTI(name_en) = ACCENTI('ขาว')", null, Q).test(row));
    row.put("name_en", null);
    assertFalse(Cql2.parse("CASEI(name_en) = CASEI('x')", null, Q).test(row), "null is unknown");
  }

  @Test
  void badSpatialFiltersAreA400NamingTheCause() {
    assertMessage(bad("S_INTERSECTS(geometry, POINT(1))", null), "not a WKT geometry");
    assertMessage(bad("S_INTERSECTS(geometry, BBOX(1,2,3))", null), "4 numbers");
    assertMessage(bad("S_INTERSECTS(geometry, BBOX(98,9,99,8))", null), "minimum");
    assertMessage(bad("S_INTERSECTS(geometry, POINT(500000 800000))", null), "'filter-crs'");
    assertMessage(
        bad("S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))", null),
        "not a valid geometry");
    assertMessage(bad("S_INTERSECTS(value, POINT(98 7))", null), "needs geometries");
    assertMessage(bad("S_INTERSECTS(geom, POINT(98 7))", null), "unknown property 'geom'");
    assertMessage(bad("geometry = 'x'", null), "is a geometry");
    assertMessage(bad("CASEI(value) = CASEI('x')", null), "CASEI needs a string");
    assertMessage(bad("S_BUFFER(geometry, 10) = 1", null), "'S_BUFFER'");
    assertMessage(
        bad("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{}]}", Cql2.JSON),
        "GeoJSON geometry");
    assertMessage(
        bad(
            "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                + "{\"type\":\"Point\",\"coordinates\":[\"a\"]}]}",
            Cql2.JSON),
        "not a GeoJSON geometry");
  }

  static void assertMessage(ApiException e, String part) {
    assertEquals(400, e.status());
    assertTrue(e.getMessage().startsWith("parameter 'filter'"), e.getMessage());
    assertTrue(e.getMessage().contains(part), e.getMessage() + " should contain " + part);
  }
}
