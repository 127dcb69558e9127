package org.phaenthi.tiles;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Polygon;

/**
 * A fast, conservative validity test for polygons snapped to the integer grid.
 *
 * <p>{@code IsValidOp} was most of the snapping cost (about 80 % at z6), yet almost every snapped
 * polygon is valid. This test answers "certainly valid" when every vertex is distinct, no two
 * segments meet except neighbours at their shared vertex, no ring folds back on itself, every hole
 * starts inside its shell and outside the other holes, and no shell starts inside another. Without
 * touches, those conditions mean simple rings, correctly nested, with a connected interior: JTS
 * validity. Anything else answers "not sure" and the caller runs {@code IsValidOp}. Integer
 * coordinates make the orientation tests exact in {@code long} arithmetic.
 */
final class SnappedValidity {
  /** Makes coordinates non-negative so that {@code (x + OFFSET) << 32} sorts like x. */
  private static final long OFFSET = 1L << 30;

  private static final int LIMIT = 1 << 29;

  private int[] xs = new int[0];
  private int[] ys = new int[0];
  private int[] ringOf = new int[0];
  private int[] next = new int[0];
  private int[] ringStart;
  private int count;

  private SnappedValidity() {}

  /** True only if the polygons, taken together as one (multi)polygon, are certainly valid. */
  static boolean isCertainlyValid(List<Polygon> polygons) {
    SnappedValidity v = new SnappedValidity();
    if (!v.load(polygons)) {
      return false;
    }
    return v.distinctVertices() && v.noSegmentsMeet() && v.nestedAsDeclared(polygons);
  }

  /** Loads the rings; false if a coordinate is outside ±2^29, beyond what the sort keys hold. */
  private boolean load(List<Polygon> polygons) {
    int total = 0;
    int rings = 0;
    for (Polygon p : polygons) {
      total += p.getNumPoints();
      rings += 1 + p.getNumInteriorRing();
    }
    xs = new int[total];
    ys = new int[total];
    ringOf = new int[total];
    next = new int[total];
    ringStart = new int[rings + 1];
    int r = 0;
    for (Polygon p : polygons) {
      addRing(p.getExteriorRing().getCoordinateSequence(), r++);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        addRing(p.getInteriorRingN(h).getCoordinateSequence(), r++);
      }
    }
    ringStart[r] = count;
    for (int i = 0; i < count; i++) {
      if (Math.abs(xs[i]) > LIMIT || Math.abs(ys[i]) > LIMIT) {
        return false;
      }
    }
    return true;
  }

  private void addRing(CoordinateSequence seq, int ring) {
    ringStart[ring] = count;
    int first = count;
    for (int i = 0; i < seq.size() - 1; i++) {
      xs[count] = (int) seq.getX(i);
      ys[count] = (int) seq.getY(i);
      ringOf[count] = ring;
      next[count] = count + 1;
      count++;
    }
    next[count - 1] = first;
  }

  private boolean distinctVertices() {
    long[] keys = new long[count];
    for (int i = 0; i < count; i++) {
      keys[i] = ((xs[i] + OFFSET) << 32) | (ys[i] + OFFSET);
    }
    Arrays.sort(keys);
    for (int i = 1; i < count; i++) {
      if (keys[i] == keys[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** Sweep over segments by min x; segment k runs from vertex k to vertex next[k]. */
  private boolean noSegmentsMeet() {
    long[] order = new long[count];
    for (int k = 0; k < count; k++) {
      order[k] = ((Math.min(xs[k], xs[next[k]]) + OFFSET) << 32) | k;
    }
    Arrays.sort(order);
    int[] active = new int[count];
    int activeCount = 0;
    for (long key : order) {
      int s = (int) key;
      int minX = Math.min(xs[s], xs[next[s]]);
      int kept = 0;
      for (int i = 0; i < activeCount; i++) {
        int t = active[i];
        if (Math.max(xs[t], xs[next[t]]) < minX) {
          continue;
        }
        active[kept++] = t;
        if (meet(s, t)) {
          return false;
        }
      }
      activeCount = kept;
      active[activeCount++] = s;
    }
    return true;
  }

  private boolean meet(int s, int t) {
    int a = s;
    int b = next[s];
    int c = t;
    int d = next[t];
    if (Math.max(ys[a], ys[b]) < Math.min(ys[c], ys[d])
        || Math.max(ys[c], ys[d]) < Math.min(ys[a], ys[b])) {
      return false;
    }
    if (b == c || d == a) {
      // Neighbours share one vertex; they only meet elsewhere if the ring folds back.
      int shared = b == c ? b : a;
      int p = b == c ? a : b;
      int q = b == c ? d : c;
      return orient(p, shared, q) == 0 && dot(p, shared, q) > 0;
    }
    long o1 = orient(a, b, c);
    long o2 = orient(a, b, d);
    long o3 = orient(c, d, a);
    long o4 = orient(c, d, b);
    if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
      return true;
    }
    return (o1 == 0 && onSegment(a, b, c))
        || (o2 == 0 && onSegment(a, b, d))
        || (o3 == 0 && onSegment(c, d, a))
        || (o4 == 0 && onSegment(c, d, b));
  }

  private long orient(int a, int b, int c) {
    return (long) (xs[b] - xs[a]) * (ys[c] - ys[a]) - (long) (ys[b] - ys[a]) * (xs[c] - xs[a]);
  }

  private long dot(int p, int shared, int q) {
    return (long) (xs[p] - xs[shared]) * (xs[q] - xs[shared])
        + (long) (ys[p] - ys[shared]) * (ys[q] - ys[shared]);
  }

  /** Whether collinear point p lies within the bounding box of segment a-b. */
  private boolean onSegment(int a, int b, int p) {
    return Math.min(xs[a], xs[b]) <= xs[p]
        && xs[p] <= Math.max(xs[a], xs[b])
        && Math.min(ys[a], ys[b]) <= ys[p]
        && ys[p] <= Math.max(ys[a], ys[b]);
  }

  /** Holes start inside their shell and outside its other holes; no shell inside another. */
  private boolean nestedAsDeclared(List<Polygon> polygons) {
    int[] shells = new int[polygons.size()];
    int r = 0;
    for (int i = 0; i < polygons.size(); i++) {
      shells[i] = r;
      int holes = polygons.get(i).getNumInteriorRing();
      for (int h = 1; h <= holes; h++) {
        if (!inRing(ringStart[r + h], r)) {
          return false;
        }
        for (int other = 1; other <= holes; other++) {
          if (other != h && inRing(ringStart[r + h], r + other)) {
            return false;
          }
        }
      }
      r += 1 + holes;
    }
    for (int i = 0; i < shells.length; i++) {
      for (int j = 0; j < shells.length; j++) {
        if (i != j
            && polygons
                .get(j)
                .getEnvelopeInternal()
                .intersects(polygons.get(i).getEnvelopeInternal())
            && inRing(ringStart[shells[i]], shells[j])) {
          return false;
        }
      }
    }
    return true;
  }

  /** Crossing-number test; exact here because no vertex lies on another ring. */
  private boolean inRing(int vertex, int ring) {
    double px = xs[vertex];
    double py = ys[vertex];
    boolean inside = false;
    for (int k = ringStart[ring]; k < ringStart[ring + 1]; k++) {
      int a = k;
      int b = next[k];
      if ((ys[a] > py) != (ys[b] > py)) {
        double x = xs[a] + (py - ys[a]) * (xs[b] - xs[a]) / (double) (ys[b] - ys[a]);
        if (px < x) {
          inside = !inside;
        }
      }
    }
    return inside;
  }
}
