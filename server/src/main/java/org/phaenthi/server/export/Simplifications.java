package org.phaenthi.server.export;

import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;

/**
 * Picks the geometry source for a simplification request. This is the seam for the gap-free
 * coverage bands: when {@code org.phaenthi.boundaries.coverage} lands, {@link #forZoom} returns the
 * band for that zoom and {@link #forTolerance} the band whose tolerance is closest below the one
 * asked for; until then both fall back to {@link PerFeatureSimplification} (not gap-free).
 */
public final class Simplifications {
  /** Highest zoom accepted by the {@code zoom} parameter. */
  public static final int MAX_ZOOM = 14;

  private Simplifications() {}

  /**
   * The tolerance for a Web Mercator zoom: half a 256-pixel tile pixel at the equator, so the
   * simplification is invisible at that zoom (z0 ≈ 78 km, z8 ≈ 306 m, z14 ≈ 4.8 m).
   */
  public static double toleranceMetersForZoom(int zoom) {
    if (zoom < 0 || zoom > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom must be 0.." + MAX_ZOOM + ", not " + zoom);
    }
    return 40_075_016.686 / (256.0 * (1L << zoom)) / 2;
  }

  public static Simplification forZoom(Dataset dataset, AdminLevel level, int zoom) {
    // BANDS: return bands(dataset, level).forZoom(zoom) once the coverage bands land.
    return new PerFeatureSimplification(toleranceMetersForZoom(zoom));
  }

  public static Simplification forTolerance(
      Dataset dataset, AdminLevel level, double toleranceMeters) {
    if (!(toleranceMeters >= 0)) {
      throw new IllegalArgumentException("tolerance must be ≥ 0 metres, not " + toleranceMeters);
    }
    if (toleranceMeters == 0) {
      return Simplification.FULL_DETAIL;
    }
    // BANDS: return bands(dataset, level).closestBelow(toleranceMeters) once the bands land.
    return new PerFeatureSimplification(toleranceMeters);
  }
}
