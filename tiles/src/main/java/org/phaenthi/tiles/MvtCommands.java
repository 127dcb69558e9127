package org.phaenthi.tiles;

import java.util.Arrays;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * Encodes tile-grid geometry as MVT 2.1 command integers (spec section 4.3).
 *
 * <p>Coordinates are rounded to integers. The cursor carries over between the parts of a
 * multi-geometry, repeated points are never written, and rings are written with the winding the
 * spec requires (exterior positive, interior negative), reversed if the input had it the other way.
 * Parts that collapse (lines with fewer than two distinct points, rings with fewer than three or
 * with zero area) are left out; a polygon whose exterior ring collapses is left out with its holes.
 */
final class MvtCommands {
  static final int MOVE_TO = 1;
  static final int LINE_TO = 2;
  static final int CLOSE_PATH = 7;

  private int[] out = new int[64];
  private int size;
  private int cursorX;
  private int cursorY;
  private int[] xs = new int[64];
  private int[] ys = new int[64];

  /** The command integers for {@code geom}; empty if every part collapsed. */
  static int[] encode(Geometry geom) {
    MvtCommands c = new MvtCommands();
    c.add(geom);
    return Arrays.copyOf(c.out, c.size);
  }

  static int command(int id, int count) {
    return (id & 0x7) | (count << 3);
  }

  static int zigzag(int n) {
    return (n << 1) ^ (n >> 31);
  }

  private void add(Geometry geom) {
    if (geom instanceof Polygonal) {
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        addPolygon((Polygon) geom.getGeometryN(i));
      }
    } else if (geom instanceof Puntal) {
      addPoints(geom);
    } else {
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        addLine(((LineString) geom.getGeometryN(i)).getCoordinateSequence());
      }
    }
  }

  private void addPoints(Geometry geom) {
    int n = geom.getNumGeometries();
    int header = size;
    push(0);
    int count = 0;
    for (int i = 0; i < n; i++) {
      Geometry p = geom.getGeometryN(i);
      if (!p.isEmpty()) {
        moveCursor(round(p.getCoordinate().x), round(p.getCoordinate().y));
        count++;
      }
    }
    if (count == 0) {
      size = header;
    } else {
      out[header] = command(MOVE_TO, count);
    }
  }

  private void addLine(CoordinateSequence seq) {
    int n = load(seq, false);
    if (n < 2) {
      return;
    }
    push(command(MOVE_TO, 1));
    moveCursor(xs[0], ys[0]);
    push(command(LINE_TO, n - 1));
    for (int i = 1; i < n; i++) {
      moveCursor(xs[i], ys[i]);
    }
  }

  private void addPolygon(Polygon polygon) {
    if (!addRing(polygon.getExteriorRing().getCoordinateSequence(), true)) {
      return;
    }
    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
      addRing(polygon.getInteriorRingN(h).getCoordinateSequence(), false);
    }
  }

  private boolean addRing(CoordinateSequence seq, boolean exterior) {
    int n = load(seq, true);
    if (n < 3) {
      return false;
    }
    long area = Winding.doubleArea(xs, ys, n);
    if (area == 0) {
      return false;
    }
    boolean reverse = (area > 0) != exterior;
    push(command(MOVE_TO, 1));
    moveCursor(xs[reverse ? n - 1 : 0], ys[reverse ? n - 1 : 0]);
    push(command(LINE_TO, n - 1));
    for (int k = 1; k < n; k++) {
      int i = reverse ? n - 1 - k : k;
      moveCursor(xs[i], ys[i]);
    }
    push(command(CLOSE_PATH, 1));
    return true;
  }

  /** Loads rounded, de-duplicated vertices into xs/ys; drops a ring's closing vertex. */
  private int load(CoordinateSequence seq, boolean ring) {
    int n = seq.size();
    if (xs.length < n) {
      xs = new int[n];
      ys = new int[n];
    }
    int count = 0;
    for (int i = 0; i < n; i++) {
      int x = round(seq.getX(i));
      int y = round(seq.getY(i));
      if (count == 0 || x != xs[count - 1] || y != ys[count - 1]) {
        xs[count] = x;
        ys[count] = y;
        count++;
      }
    }
    if (ring) {
      while (count > 1 && xs[count - 1] == xs[0] && ys[count - 1] == ys[0]) {
        count--;
      }
    }
    return count;
  }

  private void moveCursor(int x, int y) {
    push(zigzag(x - cursorX));
    push(zigzag(y - cursorY));
    cursorX = x;
    cursorY = y;
  }

  private static int round(double v) {
    return (int) Math.rint(v);
  }

  private void push(int v) {
    if (size == out.length) {
      out = Arrays.copyOf(out, size * 2);
    }
    out[size++] = v;
  }
}
