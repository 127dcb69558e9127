package org.phaenthi.tiles.pmtiles;

import org.phaenthi.tiles.TileCoord;

/**
 * PMTiles tile ids: tiles of zoom z come after the {@code (4^z − 1) / 3} tiles of the zooms below,
 * in the order of the Hilbert curve over the {@code 2^z × 2^z} grid.
 */
public final class TileIds {
  private TileIds() {}

  /** The tile id of z/x/y. */
  public static long of(TileCoord c) {
    return of(c.z(), c.x(), c.y());
  }

  /** The tile id of z/x/y ({@code 0 ≤ z ≤ 26}, x and y inside the zoom's grid). */
  public static long of(int z, int x, int y) {
    if (z < 0 || z > 26) {
      throw new IllegalArgumentException("zoom must be 0–26, not " + z);
    }
    long n = 1L << z;
    if (x < 0 || y < 0 || x >= n || y >= n) {
      throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " is outside the grid");
    }
    long base = ((1L << (2 * z)) - 1) / 3;
    long tx = x;
    long ty = y;
    long d = 0;
    for (long s = n / 2; s > 0; s /= 2) {
      long rx = (tx & s) > 0 ? 1 : 0;
      long ry = (ty & s) > 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          tx = s - 1 - tx;
          ty = s - 1 - ty;
        }
        long t = tx;
        tx = ty;
        ty = t;
      }
    }
    return base + d;
  }

  /** The z/x/y of a tile id (the inverse of {@link #of(int, int, int)}). */
  public static TileCoord coord(long id) {
    if (id < 0) {
      throw new IllegalArgumentException("tile id must be ≥ 0, not " + id);
    }
    int z = 0;
    long base = 0;
    while (true) {
      long count = 1L << (2 * z);
      if (id < base + count) {
        break;
      }
      base += count;
      z++;
      if (z > 26) {
        throw new IllegalArgumentException("tile id " + id + " is beyond zoom 26");
      }
    }
    long d = id - base;
    long n = 1L << z;
    long tx = 0;
    long ty = 0;
    for (long s = 1; s < n; s *= 2) {
      long rx = 1 & (d / 2);
      long ry = 1 & (d ^ rx);
      if (ry == 0) {
        if (rx == 1) {
          tx = s - 1 - tx;
          ty = s - 1 - ty;
        }
        long t = tx;
        tx = ty;
        ty = t;
      }
      tx += s * rx;
      ty += s * ry;
      d /= 4;
    }
    return new TileCoord(z, (int) tx, (int) ty);
  }
}
