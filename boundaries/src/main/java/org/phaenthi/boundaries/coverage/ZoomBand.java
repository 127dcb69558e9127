package org.phaenthi.boundaries.coverage;

/**
 * A range of zoom levels that share one simplified version of a level's coverage.
 *
 * @param minZoom first zoom of the band, inclusive
 * @param maxZoom last zoom of the band, inclusive
 * @param toleranceMeters the {@code CoverageSimplifier} distance tolerance in Web Mercator metres;
 *     0 means the band holds the unsimplified data
 */
public record ZoomBand(int minZoom, int maxZoom, double toleranceMeters) {

  public ZoomBand {
    if (minZoom < 0 || maxZoom < minZoom || maxZoom > ZoomBands.MAX_ZOOM) {
      throw new IllegalArgumentException("bad zoom range " + minZoom + "-" + maxZoom);
    }
    if (!(toleranceMeters >= 0) || Double.isInfinite(toleranceMeters)) {
      throw new IllegalArgumentException("bad tolerance " + toleranceMeters);
    }
  }

  /** A band whose tolerance follows the {@link ZoomBands#toleranceMeters(int)} rule. */
  public static ZoomBand of(int minZoom, int maxZoom) {
    return new ZoomBand(minZoom, maxZoom, ZoomBands.toleranceMeters(maxZoom));
  }

  /** A band that keeps the source geometry as it is. */
  public static ZoomBand unsimplified(int minZoom, int maxZoom) {
    return new ZoomBand(minZoom, maxZoom, 0);
  }

  public boolean contains(int zoom) {
    return zoom >= minZoom && zoom <= maxZoom;
  }

  public boolean isSimplified() {
    return toleranceMeters > 0;
  }

  @Override
  public String toString() {
    return "z" + minZoom + "-" + maxZoom + "@" + toleranceMeters + "m";
  }
}
