package org.phaenthi.tiles;

import org.locationtech.jts.geom.CoordinateSequence;

/**
 * Ring winding as MVT 2.1 defines it: the surveyor's formula on tile-grid coordinates with y down,
 * positive for exterior rings. JTS's own orientation helpers assume y up, so they are not used.
 */
final class Winding {

  private Winding() {}

  /** Twice the signed area of a closed ring by the surveyor's formula, y axis pointing down. */
  static double doubleArea(CoordinateSequence ring) {
    double sum = 0;
    int n = ring.size();
    for (int i = 0; i < n - 1; i++) {
      sum += ring.getX(i) * ring.getY(i + 1) - ring.getX(i + 1) * ring.getY(i);
    }
    return sum;
  }

  /** Twice the signed area of a ring given as parallel arrays, closing point not repeated. */
  static long doubleArea(int[] xs, int[] ys, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      int j = i + 1 == count ? 0 : i + 1;
      sum += (long) xs[i] * ys[j] - (long) xs[j] * ys[i];
    }
    return sum;
  }
}
