package org.phaenthi.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class WebMercatorTest {

  @Test
  void knownPoints() {
    assertEquals(0, WebMercator.lonToX(0), 0);
    assertEquals(WebMercator.HALF_WORLD_METERS, WebMercator.lonToX(180), 1e-6);
    assertEquals(20037508.342789244, WebMercator.HALF_WORLD_METERS, 1e-6);
    assertEquals(WebMercator.HALF_WORLD_METERS, WebMercator.latToY(WebMercator.MAX_LATITUDE), 1e-3);
    // Phuket town; expected values from the EPSG:3857 formulas evaluated independently in Python.
    assertEquals(10952724.699, WebMercator.lonToX(98.39), 1e-3);
    assertEquals(879976.107, WebMercator.latToY(7.88), 1e-3);
  }

  @Test
  void clampsLatitude() {
    assertEquals(WebMercator.latToY(WebMercator.MAX_LATITUDE), WebMercator.latToY(89.9), 0);
    assertEquals(WebMercator.latToY(-WebMercator.MAX_LATITUDE), WebMercator.latToY(-90), 0);
  }

  @Test
  void roundTripLeavesInputUntouched() throws ParseException {
    Geometry lonLat = new WKTReader().read("POLYGON ((98 7, 99 7, 99 8, 98 8, 98 7))");
    Geometry copy = lonLat.copy();
    Geometry merc = WebMercator.toMercator(lonLat);
    assertEquals(copy, lonLat);
    Geometry back = WebMercator.toLonLat(merc);
    Coordinate[] a = lonLat.getCoordinates();
    Coordinate[] b = back.getCoordinates();
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i].x, b[i].x, 1e-9);
      assertEquals(a[i].y, b[i].y, 1e-9);
    }
    assertEquals(WebMercator.lonToX(99), merc.getCoordinates()[1].x, 0);
  }
}
