package org.phaenthi.tiles;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A tile in the XYZ scheme (x east, y south, tile 0/0/0 covers the whole Web Mercator square).
 *
 * <p>The record checks its components on construction: zoom in {@code 0..}{@link #MAX_ZOOM} and x,
 * y in {@code 0..2^z-1}. Servers that allow fewer zooms (Phaenthi serves 0–14) check their own
 * limit.
 *
 * @param z zoom level
 * @param x column, 0 at the antimeridian (west)
 * @param y row, 0 at the north edge
 */
public record TileCoord(int z, int x, int y) {

  /** Highest zoom this class supports; 2^24 tiles per side still fit an {@code int}. */
  public static final int MAX_ZOOM = 24;

  /**
   * @throws IllegalArgumentException if z, x or y is out of range
   */
  public TileCoord {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException(
          "zoom " + z + " out of range 0.." + MAX_ZOOM + " (tile " + z + "/" + x + "/" + y + ")");
    }
    int max = (1 << z) - 1;
    if (x < 0 || x > max || y < 0 || y > max) {
      throw new IllegalArgumentException(
          "tile " + z + "/" + x + "/" + y + ": x and y must be in 0.." + max + " at zoom " + z);
    }
  }

  // Written out: a record's generated equals/hashCode go through a method-handle chain, measurable
  // in a server's tile-cache lookup (Phaenthi's BENCHMARKS.md, "Cached tiles").
  @Override
  public boolean equals(Object o) {
    return o instanceof TileCoord t && z == t.z && x == t.x && y == t.y;
  }

  @Override
  public int hashCode() {
    return (x * 65599 + y) * 31 + z; // no two tiles of one zoom collide up to z16
  }

  /** Creates a tile from x, y, z in the order tile URLs usually name them. */
  public static TileCoord ofXYZ(int x, int y, int z) {
    return new TileCoord(z, x, y);
  }

  /** Whether {@code new TileCoord(z, x, y)} would succeed; for validating requests cheaply. */
  public static boolean isValid(int z, int x, int y) {
    if (z < 0 || z > MAX_ZOOM) {
      return false;
    }
    int max = (1 << z) - 1;
    return x >= 0 && x <= max && y >= 0 && y <= max;
  }

  /** Side length of this tile in Web Mercator metres. */
  public double sizeMeters() {
    return WebMercator.WORLD_SIZE_METERS / (1 << z);
  }

  /** The tile's bounds in Web Mercator metres (EPSG:3857), without buffer. */
  public Envelope mercatorEnvelope() {
    double size = sizeMeters();
    double minX = -WebMercator.HALF_WORLD_METERS + x * size;
    double maxY = WebMercator.HALF_WORLD_METERS - y * size;
    return new Envelope(minX, minX + size, maxY - size, maxY);
  }

  /** The tile's bounds in lon/lat degrees (EPSG:4326, x = longitude). */
  public Envelope lonLatEnvelope() {
    Envelope m = mercatorEnvelope();
    return new Envelope(
        WebMercator.xToLon(m.getMinX()),
        WebMercator.xToLon(m.getMaxX()),
        WebMercator.yToLat(m.getMinY()),
        WebMercator.yToLat(m.getMaxY()));
  }

  /** Width of one tile-grid unit in metres when the tile is divided into {@code extent} units. */
  public double pixelSizeMeters(int extent) {
    if (extent <= 0) {
      throw new IllegalArgumentException("extent must be positive, was " + extent);
    }
    return sizeMeters() / extent;
  }

  /**
   * The tile one zoom lower that contains this one.
   *
   * @throws IllegalArgumentException at zoom 0, which has no parent
   */
  public TileCoord parent() {
    if (z == 0) {
      throw new IllegalArgumentException("tile 0/0/0 has no parent");
    }
    return new TileCoord(z - 1, x >> 1, y >> 1);
  }

  /**
   * The four tiles one zoom higher, in the order top-left, top-right, bottom-left, bottom-right.
   *
   * @throws IllegalArgumentException at {@link #MAX_ZOOM}
   */
  public List<TileCoord> children() {
    if (z == MAX_ZOOM) {
      throw new IllegalArgumentException("tile " + this + " is at the highest zoom " + MAX_ZOOM);
    }
    int cx = x << 1;
    int cy = y << 1;
    return List.of(
        new TileCoord(z + 1, cx, cy),
        new TileCoord(z + 1, cx + 1, cy),
        new TileCoord(z + 1, cx, cy + 1),
        new TileCoord(z + 1, cx + 1, cy + 1));
  }

  /** The tile at zoom {@code z} containing a lon/lat point (latitude clamped to Web Mercator). */
  public static TileCoord containing(double lon, double lat, int z) {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom " + z + " out of range 0.." + MAX_ZOOM);
    }
    int n = 1 << z;
    double size = WebMercator.WORLD_SIZE_METERS / n;
    int tx = (int) Math.floor((WebMercator.lonToX(lon) + WebMercator.HALF_WORLD_METERS) / size);
    int ty = (int) Math.floor((WebMercator.HALF_WORLD_METERS - WebMercator.latToY(lat)) / size);
    return new TileCoord(z, Math.min(Math.max(tx, 0), n - 1), Math.min(Math.max(ty, 0), n - 1));
  }

  /** Every tile of zoom {@code z} that a lon/lat box touches, column by column. */
  public static List<TileCoord> covering(Envelope lonLat, int z) {
    TileCoord nw = containing(lonLat.getMinX(), lonLat.getMaxY(), z);
    TileCoord se = containing(lonLat.getMaxX(), lonLat.getMinY(), z);
    List<TileCoord> out = new java.util.ArrayList<>();
    for (int x = nw.x(); x <= se.x(); x++) {
      for (int y = nw.y(); y <= se.y(); y++) {
        out.add(new TileCoord(z, x, y));
      }
    }
    return out;
  }

  /** {@code z/x/y}, as in tile URLs. */
  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
