package org.phaenthi.tiles;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Spherical Web Mercator (EPSG:3857) maths for JTS geometries, without a reprojection library.
 *
 * <p>Lon/lat geometries are EPSG:4326 with x = longitude. Latitudes beyond ±{@link #MAX_LATITUDE}
 * are clamped, which is where the Mercator square ends. The geometry methods return transformed
 * copies and never modify their argument (callers share cached geometries).
 */
public final class WebMercator {

  /** WGS 84 semi-major axis, the sphere radius of EPSG:3857. */
  public static final double EARTH_RADIUS_METERS = 6_378_137.0;

  /** Half the side of the Mercator square, {@code π·R}. */
  public static final double HALF_WORLD_METERS = Math.PI * EARTH_RADIUS_METERS;

  /** Side of the Mercator square. */
  public static final double WORLD_SIZE_METERS = 2 * HALF_WORLD_METERS;

  /** Latitude at which the Mercator square ends, {@code atan(sinh(π))} in degrees. */
  public static final double MAX_LATITUDE = 85.0511287798066;

  private WebMercator() {}

  /** Longitude in degrees to Mercator x in metres. */
  public static double lonToX(double lon) {
    return Math.toRadians(lon) * EARTH_RADIUS_METERS;
  }

  /** Latitude in degrees (clamped to ±{@link #MAX_LATITUDE}) to Mercator y in metres. */
  public static double latToY(double lat) {
    double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
    return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * EARTH_RADIUS_METERS;
  }

  /** Mercator x in metres to longitude in degrees. */
  public static double xToLon(double x) {
    return Math.toDegrees(x / EARTH_RADIUS_METERS);
  }

  /** Mercator y in metres to latitude in degrees. */
  public static double yToLat(double y) {
    return Math.toDegrees(Math.atan(Math.sinh(y / EARTH_RADIUS_METERS)));
  }

  /** A copy of a lon/lat geometry in Web Mercator metres. */
  public static Geometry toMercator(Geometry lonLat) {
    Geometry copy = lonLat.copy();
    copy.apply(new Filter(true));
    return copy;
  }

  /** A copy of a Web Mercator geometry in lon/lat degrees. */
  public static Geometry toLonLat(Geometry mercator) {
    Geometry copy = mercator.copy();
    copy.apply(new Filter(false));
    return copy;
  }

  private static final class Filter implements CoordinateSequenceFilter {
    private final boolean forward;

    Filter(boolean forward) {
      this.forward = forward;
    }

    @Override
    public void filter(CoordinateSequence seq, int i) {
      double x = seq.getX(i);
      double y = seq.getY(i);
      seq.setOrdinate(i, CoordinateSequence.X, forward ? lonToX(x) : xToLon(x));
      seq.setOrdinate(i, CoordinateSequence.Y, forward ? latToY(y) : yToLat(y));
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
