package org.phaenthi.server.export;

import java.util.Optional;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.coverage.BandGeometry;
import org.phaenthi.boundaries.coverage.LevelBands;
import org.phaenthi.server.DecodedBands;

/**
 * Picks the geometry source for a simplification request: the gap-free coverage band when the
 * dataset has bands for the level (blob {@code bands/<level>}), by zoom → band, or by tolerance →
 * the band whose tolerance is closest below; otherwise the per-feature fallback ({@link
 * PerFeatureSimplification}, NOT gap-free). {@link #bands} is the one seam that finds the bands.
 */
public final class Simplifications {
  /** Highest zoom accepted by the {@code zoom} parameter. */
  public static final int MAX_ZOOM = 14;

  private Simplifications() {}

  /**
   * The fallback's tolerance for a Web Mercator zoom: half a 256-pixel tile pixel at the equator,
   * so the simplification is invisible at that zoom (z0 ≈ 78 km, z8 ≈ 306 m, z14 ≈ 4.8 m).
   */
  public static double toleranceMetersForZoom(int zoom) {
    if (zoom < 0 || zoom > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom must be 0.." + MAX_ZOOM + ", not " + zoom);
    }
    return 40_075_016.686 / (256.0 * (1L << zoom)) / 2;
  }

  public static Simplification forZoom(Dataset dataset, AdminLevel level, int zoom) {
    Optional<LevelBands> bands = bands(dataset, level);
    if (bands.isPresent()) {
      return new BandSimplification(bands.get().bandFor(zoom));
    }
    return new PerFeatureSimplification(toleranceMetersForZoom(zoom));
  }

  public static Simplification forTolerance(
      Dataset dataset, AdminLevel level, double toleranceMeters) {
    if (!(toleranceMeters >= 0)) {
      throw new IllegalArgumentException("tolerance must be ≥ 0 metres, not " + toleranceMeters);
    }
    Optional<LevelBands> bands = bands(dataset, level);
    if (bands.isPresent()) {
      BandGeometry best = null;
      for (BandGeometry b : bands.get().bands()) {
        double t = b.band().toleranceMeters();
        if (t <= toleranceMeters && (best == null || t > best.band().toleranceMeters())) {
          best = b;
        }
      }
      if (best != null) {
        return best.band().isSimplified()
            ? new BandSimplification(best)
            : Simplification.FULL_DETAIL;
      }
    }
    if (toleranceMeters == 0) {
      return Simplification.FULL_DETAIL;
    }
    return new PerFeatureSimplification(toleranceMeters);
  }

  /**
   * THE SEAM: the level's gap-free bands, decoded once per data version from the dataset blob
   * {@code bands/<level>}; empty when the import made none. To share the tile server's decoded copy
   * instead, replace this body with a lookup on the snapshot.
   */
  static Optional<LevelBands> bands(Dataset dataset, AdminLevel level) {
    return DecodedBands.of(dataset, level);
  }
}
