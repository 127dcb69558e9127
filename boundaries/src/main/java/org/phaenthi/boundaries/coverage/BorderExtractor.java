package org.phaenthi.boundaries.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * Finds the border lines of a polygonal coverage: every chain of edges shared by two areas once,
 * and the outer edge.
 *
 * <p>Works on exact coordinates: each ring segment is keyed by its normalised endpoints, so a
 * segment met in two areas is shared and a segment met once is outer. That is exactly the
 * coverage's edge structure when the coverage is valid (neighbours have identical vertices along
 * shared edges, which {@code CoverageSimplifier} guarantees). Chains are then read off the rings in
 * ring order, so each line's vertices are polygon vertices and nothing is re-noded. A shared chain
 * is written from the area with the lower index, which makes the output deterministic.
 */
final class BorderExtractor {

  private record Segment(double x0, double y0, double x1, double y1) {
    static Segment of(Coordinate p, Coordinate q) {
      boolean pFirst = p.x < q.x || (p.x == q.x && p.y < q.y);
      return pFirst ? new Segment(p.x, p.y, q.x, q.y) : new Segment(q.x, q.y, p.x, p.y);
    }
  }

  private static final int OUTSIDE = -1;

  private final String[] codes;
  private final Geometry[] areas;
  private final GeometryFactory factory;
  private final Map<Segment, int[]> owners;

  private BorderExtractor(String[] codes, Geometry[] areas, GeometryFactory factory) {
    if (codes.length != areas.length) {
      throw new IllegalArgumentException("codes and areas differ in length");
    }
    this.codes = codes;
    this.areas = areas;
    this.factory = factory;
    this.owners = new HashMap<>();
  }

  /**
   * The border lines of a coverage, outer edges tagged {@link BorderRank#COUNTRY}.
   *
   * @param codes the area codes, sorted ascending, parallel to {@code areas}
   */
  static List<BorderLine> extract(String[] codes, Geometry[] areas, GeometryFactory factory) {
    BorderExtractor x = new BorderExtractor(codes, areas, factory);
    x.indexSegments();
    List<BorderLine> out = new ArrayList<>();
    for (int i = 0; i < areas.length; i++) {
      for (Coordinate[] ring : rings(areas[i])) {
        x.chains(i, ring, out);
      }
    }
    return out;
  }

  private void indexSegments() {
    for (int i = 0; i < areas.length; i++) {
      for (Coordinate[] ring : rings(areas[i])) {
        for (int k = 0; k + 1 < ring.length; k++) {
          int[] o = owners.computeIfAbsent(Segment.of(ring[k], ring[k + 1]), s -> new int[2]);
          // o[0] is the first owner + 1, o[1] the second + 1; 0 means none yet.
          if (o[0] == 0) {
            o[0] = i + 1;
          } else if (o[0] != i + 1 && o[1] == 0) {
            o[1] = i + 1;
          } else {
            throw new IllegalArgumentException(
                "not a valid coverage: a segment of " + codes[i] + " is used more than twice");
          }
        }
      }
    }
  }

  private int neighbour(int self, Coordinate p, Coordinate q) {
    int[] o = owners.get(Segment.of(p, q));
    int other = o[0] == self + 1 ? o[1] : o[0];
    return other - 1;
  }

  /** Appends the runs of this ring that area {@code self} is responsible for writing. */
  private void chains(int self, Coordinate[] ring, List<BorderLine> out) {
    int n = ring.length - 1; // segments
    int[] nb = new int[n];
    for (int k = 0; k < n; k++) {
      nb[k] = neighbour(self, ring[k], ring[k + 1]);
    }
    int start = 0;
    while (start < n && nb[start] == nb[(start + n - 1) % n]) {
      start++;
    }
    if (start == n) { // one neighbour all round: the whole ring is one closed line
      emit(self, nb[0], ring, 0, n, out);
      return;
    }
    int k = 0;
    while (k < n) {
      int from = k;
      int who = nb[(start + k) % n];
      while (k < n && nb[(start + k) % n] == who) {
        k++;
      }
      emit(self, who, ring, start + from, k - from, out);
    }
  }

  private void emit(
      int self, int other, Coordinate[] ring, int first, int count, List<BorderLine> out) {
    if (other != OUTSIDE && other < self) {
      return; // written by the other side
    }
    int n = ring.length - 1;
    double[] xy = new double[2 * (count + 1)];
    for (int k = 0; k <= count; k++) {
      Coordinate c = ring[(first + k) % n];
      xy[2 * k] = c.x;
      xy[2 * k + 1] = c.y;
    }
    LineString line = factory.createLineString(new PackedCoordinateSequence.Double(xy, 2, 0));
    String codeB = other == OUTSIDE ? null : codes[other];
    out.add(new BorderLine(BorderRank.between(codes[self], codeB), codes[self], codeB, line));
  }

  /** Rings without repeated consecutive points, shells and holes of every polygon. */
  private static List<Coordinate[]> rings(Geometry g) {
    List<Coordinate[]> rings = new ArrayList<>();
    for (int p = 0; p < g.getNumGeometries(); p++) {
      Polygon poly = (Polygon) g.getGeometryN(p);
      if (poly.isEmpty()) {
        continue;
      }
      addRing(rings, poly.getExteriorRing().getCoordinates());
      for (int h = 0; h < poly.getNumInteriorRing(); h++) {
        addRing(rings, poly.getInteriorRingN(h).getCoordinates());
      }
    }
    return rings;
  }

  private static void addRing(List<Coordinate[]> rings, Coordinate[] pts) {
    Coordinate[] ring = new CoordinateList(pts, false).toCoordinateArray();
    if (ring.length >= 4) { // a collapsed ring has no length to draw
      rings.add(ring);
    }
  }
}
