package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.phaenthi.server.ApiException;

/**
 * proj4j's transforms against control points computed independently with GDAL 3.6's {@code
 * gdaltransform -s_srs EPSG:4326 -t_srs ... -output_xy} (PROJ 9): Phuket town (98.3923 E, 7.8804 N)
 * and Bangkok (100.5 E, 13.75 N). EPSG:24047 with {@code +proj=utm +zone=47 +a=6377276.345
 * +b=6356075.41314024 +towgs84=210,814,289}, the EPSG definition proj4j carries (PROJ's own default
 * for EPSG:24047 picks another Indian 1975 transformation, about 180 m away).
 */
class CrsTest {
  private static final double CM = 0.01;

  static Crs crs(String name) {
    return Crs.parse(name, "crs");
  }

  static void assertPoint(String crs, double lon, double lat, double x, double y) {
    double[] p = crs(crs).fromCrs84(lon, lat);
    assertEquals(x, p[0], CM, crs + " x of " + lon + "," + lat);
    assertEquals(y, p[1], CM, crs + " y of " + lon + "," + lat);
  }

  @Test
  void webMercatorMatchesGdal() {
    assertPoint("EPSG:3857", 98.3923, 7.8804, 10952980.733979, 880021.059431929);
    assertPoint("EPSG:3857", 100.5, 13.75, 11187608.824724, 1545550.2013331);
  }

  @Test
  void utm47And48MatchGdal() {
    assertPoint("EPSG:32647", 98.3923, 7.8804, 433011.364691483, 871124.63273395);
    assertPoint("EPSG:32647", 100.5, 13.75, 662176.290477137, 1520582.49436025);
    assertPoint("EPSG:32648", 98.3923, 7.8804, -229943.07914044, 876866.134237402);
    assertPoint("EPSG:32648", 100.5, 13.75, 13073.5806175691, 1524629.6119634);
  }

  @Test
  void indian1975Utm47MatchesGdalWithTheEpsgTowgs84() {
    assertPoint("EPSG:24047", 98.3923, 7.8804, 433346.544820395, 870825.980778434);
    assertPoint("EPSG:24047", 100.5, 13.75, 662510.080667852, 1520279.41473891);
  }

  @Test
  void epsg4326IsLatitudeFirst() {
    assertArrayEquals(new double[] {7.8804, 98.3923}, crs("EPSG:4326").fromCrs84(98.3923, 7.8804));
    assertArrayEquals(new double[] {98.3923, 7.8804}, crs("CRS84").fromCrs84(98.3923, 7.8804));
  }

  @Test
  void geometriesAreTransformedAndCrs84IsLeftAlone() throws Exception {
    Geometry g = new WKTReader().read("POLYGON ((98 7, 99 7, 99 8, 98 7))");
    assertSame(g, Crs.CRS84.fromCrs84(g));
    Geometry swapped = crs("EPSG:4326").fromCrs84(g);
    assertEquals(new WKTReader().read("POLYGON ((7 98, 7 99, 8 99, 7 98))"), swapped);
    Geometry utm = crs("EPSG:32647").fromCrs84(g);
    double[] corner = crs("EPSG:32647").fromCrs84(99, 8);
    assertEquals(corner[0], utm.getCoordinates()[2].x, 1e-6);
    assertEquals(corner[1], utm.getCoordinates()[2].y, 1e-6);
    assertEquals("POLYGON ((98 7, 99 7, 99 8, 98 7))", g.toText(), "input unchanged");
  }

  @Test
  void aProjectedBoxComesBackAsTheLonLatAreaItCovers() {
    Crs utm = crs("EPSG:32647");
    double[] sw = utm.fromCrs84(98.25, 7.75);
    double[] ne = utm.fromCrs84(98.5, 8.0);
    Geometry box = utm.boxToCrs84(sw[0], sw[1], ne[0], ne[1]);
    Envelope e = box.getEnvelopeInternal();
    assertEquals(98.25, e.getMinX(), 0.01);
    assertEquals(8.0, e.getMaxY(), 0.01);
    assertTrue(box.getNumPoints() > 20, "edges densified");
    // the corners are where they were
    assertTrue(
        box.getCoordinates()[0].distance(new org.locationtech.jts.geom.Coordinate(98.25, 7.75))
            < 1e-7);
    double[] latLon = crs("EPSG:4326").envelopeFromCrs84(new Envelope(98, 99, 7, 8));
    assertArrayEquals(new double[] {7, 98, 8, 99}, latLon);
  }

  @Test
  void namesInEveryFormOfTheStandardAreAccepted() {
    for (String s :
        new String[] {
          "http://www.opengis.net/def/crs/EPSG/0/32647", "[EPSG:32647]", "EPSG:32647", "epsg:32647"
        }) {
      assertEquals(32647, crs(s).epsg(), s);
    }
    for (String s :
        new String[] {"http://www.opengis.net/def/crs/OGC/1.3/CRS84", "[OGC:CRS84]", "CRS84"}) {
      assertSame(Crs.CRS84, crs(s), s);
    }
    assertSame(Crs.CRS84, Crs.parse(null, "crs"));
    assertEquals(6, Crs.ALL.size());
    assertEquals(Crs.CRS84_URI, Crs.uris().get(0));
  }

  @Test
  void anUnsupportedCrsIsA400NamingTheParameter() {
    for (String s :
        new String[] {
          "EPSG:2154", "http://www.opengis.net/def/crs/EPSG/0/99999", "EPSG:abc", "", "4326"
        }) {
      ApiException e = assertThrows(ApiException.class, () -> Crs.parse(s, "bbox-crs"), s);
      assertEquals(400, e.status());
      assertTrue(e.getMessage().contains("'bbox-crs'"), e.getMessage());
      assertTrue(e.getMessage().contains("EPSG/0/32647"), "lists the supported CRSs");
    }
  }
}
