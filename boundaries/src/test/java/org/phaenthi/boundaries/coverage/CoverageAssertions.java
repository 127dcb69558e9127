package org.phaenthi.boundaries.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Checks shared by the coverage tests. */
final class CoverageAssertions {
  private CoverageAssertions() {}

  private record Seg(double x0, double y0, double x1, double y1) {
    static Seg of(Coordinate p, Coordinate q) {
      boolean pFirst = p.x < q.x || (p.x == q.x && p.y < q.y);
      return pFirst ? new Seg(p.x, p.y, q.x, q.y) : new Seg(q.x, q.y, p.x, p.y);
    }
  }

  /** {@code CoverageValidator} reports no invalid edge (no overlap, no misaligned neighbour). */
  static void assertValidCoverage(BandGeometry band) {
    Geometry[] invalid = CoverageValidator.validate(band.areas().values().toArray(new Geometry[0]));
    long bad = Arrays.stream(invalid).filter(Objects::nonNull).count();
    assertEquals(0, bad, "invalid coverage edges in " + band.band());
  }

  /**
   * Every polygon segment is in exactly one border line, every border segment is a polygon segment
   * of both its areas, and a line is outer exactly when its segments belong to one area.
   */
  static void assertBordersAreThePolygonEdges(BandGeometry band) {
    Map<String, Set<Seg>> byArea = new HashMap<>();
    Map<Seg, Integer> owners = new HashMap<>();
    band.areas()
        .forEach(
            (code, g) -> {
              Set<Seg> segs = segments(g);
              byArea.put(code, segs);
              segs.forEach(s -> owners.merge(s, 1, Integer::sum));
            });
    Set<Seg> seen = new HashSet<>();
    for (BorderLine b : band.borders()) {
      Coordinate[] pts = b.line().getCoordinates();
      for (int i = 0; i + 1 < pts.length; i++) {
        Seg s = Seg.of(pts[i], pts[i + 1]);
        assertTrue(seen.add(s), "segment in two border lines: " + s);
        assertTrue(byArea.get(b.codeA()).contains(s), "not an edge of " + b.codeA());
        if (b.isOuter()) {
          assertEquals(1, owners.get(s), "outer line on a shared edge");
        } else {
          assertTrue(byArea.get(b.codeB()).contains(s), "not an edge of " + b.codeB());
        }
      }
    }
    assertEquals(owners.keySet(), seen, "polygon edges missing from the border lines");
  }

  private static Set<Seg> segments(Geometry g) {
    Set<Seg> out = new HashSet<>();
    for (int p = 0; p < g.getNumGeometries(); p++) {
      Polygon poly = (Polygon) g.getGeometryN(p);
      addRing(out, poly.getExteriorRing());
      for (int h = 0; h < poly.getNumInteriorRing(); h++) {
        addRing(out, poly.getInteriorRingN(h));
      }
    }
    return out;
  }

  private static void addRing(Set<Seg> out, LineString ring) {
    Coordinate[] pts = ring.getCoordinates();
    for (int i = 0; i + 1 < pts.length; i++) {
      if (!pts[i].equals2D(pts[i + 1])) {
        out.add(Seg.of(pts[i], pts[i + 1]));
      }
    }
  }
}
