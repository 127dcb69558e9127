package org.phaenthi.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Inputs are written on the tile grid and moved to metres first, so expectations read as WKT. */
class TileGeometryPipelineTest {
  private static final TileCoord TILE = new TileCoord(10, 791, 489);
  private final TileGeometryPipeline pipeline = new TileGeometryPipeline();

  /** Grid WKT (extent 4096, y down) to Web Mercator metres in {@link #TILE}. */
  private static Geometry metres(String gridWkt) {
    Geometry g;
    try {
      g = new WKTReader().read(gridWkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
    Envelope env = TILE.mercatorEnvelope();
    double unit = TILE.pixelSizeMeters(4096);
    g.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            seq.setOrdinate(i, 0, env.getMinX() + seq.getX(i) * unit);
            seq.setOrdinate(i, 1, env.getMaxY() - seq.getY(i) * unit);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return g;
  }

  private Geometry run(String gridWkt) {
    return pipeline.process(metres(gridWkt), TILE);
  }

  private static Geometry grid(String wkt) throws ParseException {
    return new WKTReader().read(wkt);
  }

  private static void assertSpecWinding(Geometry g) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      assertTrue(Winding.doubleArea(p.getExteriorRing().getCoordinateSequence()) > 0, "shell");
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        assertTrue(Winding.doubleArea(p.getInteriorRingN(h).getCoordinateSequence()) < 0, "hole");
      }
    }
  }

  private static void assertIntegral(Geometry g) {
    for (Coordinate c : g.getCoordinates()) {
      assertEquals(Math.rint(c.x), c.x, 0, "x " + c.x);
      assertEquals(Math.rint(c.y), c.y, 0, "y " + c.y);
    }
  }

  @Test
  void insidePolygonIsOnlyTransformedAndSnapped() throws ParseException {
    Geometry out = run("POLYGON ((100.2 100.4, 200 100, 200 200, 100 199.7, 100.2 100.4))");
    assertEquals(grid("POLYGON ((100 100, 200 100, 200 200, 100 200, 100 100))"), out);
    assertSpecWinding(out);
  }

  @Test
  void clipsToTileWithBuffer() throws ParseException {
    Geometry out = run("POLYGON ((-500 -500, 500 -500, 500 500, -500 500, -500 -500))");
    assertEquals(
        grid("POLYGON ((-64 -64, 500 -64, 500 500, -64 500, -64 -64))").norm(), out.norm());
    assertSpecWinding(out);
    Geometry line = run("LINESTRING (-1000 100, 5000 100)");
    assertEquals(grid("LINESTRING (-64 100, 4160 100)"), line);
  }

  @Test
  void zeroBufferClipsAtTileEdge() throws ParseException {
    Geometry out =
        new TileGeometryPipeline(256, 0)
            .process(metres("POLYGON ((-500 -500, 500 -500, 500 500, -500 500, -500 -500))"), TILE);
    // 500 grid units of extent 4096 are 31.25 units of extent 256.
    assertEquals(grid("POLYGON ((0 0, 31 0, 31 31, 0 31, 0 0))").norm(), out.norm());
  }

  @Test
  void multipolygonWithHolesAcrossTheEdge() throws ParseException {
    Geometry out =
        run(
            "MULTIPOLYGON (((-1000 100, 1000 100, 1000 1000, -1000 1000, -1000 100),"
                + " (-200 300, 200 300, 200 600, -200 600, -200 300)),"
                + " ((2000 2000, 3000 2000, 3000 3000, 2000 3000, 2000 2000),"
                + " (2200 2200, 2200 2400, 2400 2400, 2400 2200, 2200 2200)),"
                + " ((-3000 100, -2000 100, -2000 200, -3000 200, -3000 100)))");
    Geometry expected =
        grid(
            "MULTIPOLYGON (((-64 100, 1000 100, 1000 1000, -64 1000, -64 600, 200 600, 200 300,"
                + " -64 300, -64 100)), ((2000 2000, 3000 2000, 3000 3000, 2000 3000, 2000 2000),"
                + " (2200 2200, 2200 2400, 2400 2400, 2400 2200, 2200 2200)))");
    assertTrue(out.isValid());
    assertTrue(expected.equalsTopo(out), out.toText());
    assertSpecWinding(out);
  }

  @Test
  void degeneratePartsAreDropped() throws ParseException {
    assertNull(run("POLYGON ((10.1 10.1, 10.3 10.1, 10.3 10.3, 10.1 10.1))"), "sub-pixel");
    assertNull(run("POLYGON ((0 10.1, 1000 10.1, 1000 10.3, 0 10.3, 0 10.1))"), "sliver");
    assertNull(run("LINESTRING (10.1 10.1, 10.2 10.3)"), "zero-length line");
    assertNull(run("POLYGON ((5000 0, 6000 0, 6000 10, 5000 10, 5000 0))"), "outside");
    Geometry out =
        run(
            "MULTIPOLYGON (((0 0, 30 0, 30 30, 0 30, 0 0),"
                + " (10 10, 20 10, 20 10.3, 10 10.3, 10 10)), ((50 50, 50.2 50, 50.2 50.2, 50 50)))");
    assertEquals(grid("POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0))").norm(), out.norm());
  }

  @Test
  void snappingThatBreaksValidityFallsBackToSnapRounding() {
    // The hole is 0.3 units from the shell; rounding makes them share an edge.
    Geometry out =
        run("POLYGON ((0 0, 30 0, 30 30, 0 30, 0 0), (10 0.3, 10 10, 20 10, 20 0.3, 10 0.3))");
    assertTrue(out.isValid(), out.toText());
    assertEquals(800, out.getArea(), 1e-9);
    assertIntegral(out);
    assertSpecWinding(out);
  }

  @Test
  void windingIsSetWhateverTheInputOrientation() {
    String ccw = "POLYGON ((0 0, 0 100, 100 100, 100 0, 0 0), (10 10, 20 10, 20 20, 10 20, 10 10))";
    Geometry a = run(ccw);
    Geometry b = pipeline.process(metres(ccw).reverse(), TILE);
    assertSpecWinding(a);
    assertSpecWinding(b);
    assertEquals(a, b);
  }

  @Test
  void linesThatLeaveAndReenterBecomeMultiLines() throws ParseException {
    Geometry out = run("LINESTRING (100 100, 100 -1000, 200 -1000, 200 100, 300 100)");
    assertEquals(grid("MULTILINESTRING ((100 100, 100 -64), (200 -64, 200 100, 300 100))"), out);
    Geometry multi = run("MULTILINESTRING ((1 1, 2 2), (5000 5000, 6000 6000), (3 3, 3 9))");
    assertEquals(grid("MULTILINESTRING ((1 1, 2 2), (3 3, 3 9))"), multi);
  }

  @Test
  void pointsAreKeptInsideTheBuffer() throws ParseException {
    assertEquals(
        grid("MULTIPOINT ((1 2), (-60 4150))"),
        run("MULTIPOINT ((1.2 2.2), (-60 4150), (-70 10))"));
  }

  @Test
  void inputIsNotModified() {
    Geometry in = metres("POLYGON ((-500 -500, 500 -500, 500 500, -500 500, -500 -500))");
    Geometry copy = in.copy();
    pipeline.process(in, TILE);
    assertEquals(copy, in);
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new TileGeometryPipeline(0, 64));
    assertThrows(IllegalArgumentException.class, () -> new TileGeometryPipeline(4096, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> run("GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1))"));
  }

  @Test
  void clipEnvelopeIsTileExpandedByBuffer() {
    Envelope tile = TILE.mercatorEnvelope();
    Envelope clip = pipeline.clipEnvelopeMeters(TILE);
    double buffer = 64 * TILE.pixelSizeMeters(4096);
    assertEquals(tile.getMinX() - buffer, clip.getMinX(), 1e-6);
    assertEquals(tile.getMaxY() + buffer, clip.getMaxY(), 1e-6);
  }
}
