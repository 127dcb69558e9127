package org.phaenthi.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;

class SnappedValidityTest {

  private static List<Polygon> polygons(Geometry g) {
    List<Polygon> out = new ArrayList<>();
    PolygonExtracter.getPolygons(g, out);
    return out;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0)); true",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2)); true",
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((20 0, 30 0, 30 10, 20 10, 20 0))); true",
        "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0)); false",
        "POLYGON ((0 0, 10 0, 10 10, 5 0, 0 10, 0 0)); false",
        "POLYGON ((0 0, 10 0, 15 0, 10 0, 10 10, 0 10, 0 0)); false",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (0 2, 4 2, 4 4, 0 2)); false",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (20 2, 22 2, 22 4, 20 2)); false",
        "POLYGON ((0 0, 20 0, 20 20, 0 20, 0 0), (2 2, 2 18, 18 18, 18 2, 2 2),"
            + " (5 5, 5 6, 6 6, 6 5, 5 5)); false",
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((2 2, 4 2, 4 4, 2 4, 2 2))); false",
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((10 5, 20 5, 20 15, 10 15, 10 5))); false",
        "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((5 5, 20 5, 20 15, 5 15, 5 5))); false"
      })
  void cases(String wkt, boolean certain) throws ParseException {
    Geometry g = new WKTReader().read(wkt);
    assertEquals(certain, SnappedValidity.isCertainlyValid(polygons(g)), wkt);
    if (certain) {
      assertTrue(g.isValid());
    }
  }

  /** Never claims validity JTS denies: Phuket jittered and snapped at many scales. */
  @Test
  void neverDisagreesWithIsValidOp() {
    assumeTrue(Files.isReadable(PhuketFixture.FILE));
    Random random = new Random(83);
    int certain = 0;
    int checked = 0;
    for (PhuketFixture.Area area : PhuketFixture.areas()) {
      for (double scale : new double[] {0.002, 0.01, 0.05, 0.2}) {
        Geometry g = area.mercator().copy();
        double ox = g.getEnvelopeInternal().getMinX();
        double oy = g.getEnvelopeInternal().getMinY();
        g.apply(snapFilter(ox, oy, scale, random));
        g.geometryChanged();
        List<Polygon> ps = new ArrayList<>();
        for (Polygon p : polygons(g)) {
          if (p.getArea() > 0) {
            ps.add(p);
          }
        }
        boolean fast = SnappedValidity.isCertainlyValid(ps);
        checked++;
        if (fast) {
          certain++;
          Geometry all = g.getFactory().buildGeometry(ps);
          assertTrue(IsValidOp.isValid(all), area.code() + " at " + scale);
        }
      }
    }
    assertTrue(certain > 0 && certain < checked, certain + " of " + checked);
  }

  /** Random small rings on a coarse grid cross, touch and nest in every way. */
  @Test
  void randomRingsNeverDisagreeWithIsValidOp() {
    Random random = new Random(7425);
    GeometryFactory f = new GeometryFactory();
    int certain = 0;
    for (int n = 0; n < 5000; n++) {
      List<Polygon> ps = new ArrayList<>();
      int parts = 1 + random.nextInt(2);
      for (int p = 0; p < parts; p++) {
        // Around zero, because the tile buffer makes coordinates negative.
        LinearRing shell = randomRing(f, random, -6, 12);
        LinearRing[] holes = new LinearRing[random.nextInt(3)];
        for (int h = 0; h < holes.length; h++) {
          holes[h] = randomRing(f, random, -3, 6);
        }
        ps.add(f.createPolygon(shell, holes));
      }
      boolean fast = SnappedValidity.isCertainlyValid(ps);
      boolean jts = IsValidOp.isValid(f.buildGeometry(ps));
      assertTrue(!fast || jts, () -> f.buildGeometry(ps).toText());
      certain += fast ? 1 : 0;
    }
    assertTrue(certain > 100, "certain " + certain);
  }

  private static LinearRing randomRing(GeometryFactory f, Random random, int origin, int size) {
    int n = 3 + random.nextInt(4);
    Coordinate[] pts = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      pts[i] = new Coordinate(origin + random.nextInt(size), origin + random.nextInt(size));
    }
    pts[n] = pts[0].copy();
    return f.createLinearRing(pts);
  }

  private static CoordinateSequenceFilter snapFilter(
      double ox, double oy, double scale, Random random) {
    return new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        boolean closing = i == seq.size() - 1 && seq.size() > 1;
        if (closing) {
          seq.setOrdinate(i, 0, seq.getX(0));
          seq.setOrdinate(i, 1, seq.getY(0));
          return;
        }
        double jitter = random.nextDouble() - 0.5;
        seq.setOrdinate(i, 0, Math.rint((seq.getX(i) - ox) * scale + jitter));
        seq.setOrdinate(i, 1, Math.rint((seq.getY(i) - oy) * scale));
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    };
  }

  @Test
  void emptyListIsTriviallyValid() {
    assertTrue(SnappedValidity.isCertainlyValid(List.of()));
  }
}
