package org.phaenthi.boundaries.coverage;

import java.util.List;

/**
 * The tolerance rule and the default bands.
 *
 * <p>Rule: {@code toleranceMeters = K × gridUnitMeters(maxZoom)}, where a grid unit is one step of
 * a 4096-extent tile at the band's highest zoom, {@code 40075016.686 / 2^z / 4096}, and {@code K =
 * 8}. Clients draw a tile 256 px (Leaflet.VectorGrid) or 512 px (MapLibre) wide, so one screen
 * pixel is 16 or 8 grid units: the tolerance is half a pixel at 256 px and one pixel at 512 px, at
 * the band's most detailed zoom and less at its lower zooms. The tolerance is the square root of
 * the Visvalingam–Whyatt area threshold, so it is roughly (not strictly) the largest displacement.
 * The data itself is simplified at 20 m, so the band z12–14 (grid unit 2.4 m at z14) is kept
 * unsimplified.
 */
public final class ZoomBands {

  /** Highest zoom any band may reach; beyond the last band the most detailed band is used. */
  public static final int MAX_ZOOM = 24;

  /** Earth circumference of the Web Mercator sphere, metres. */
  public static final double WORLD_SIZE_METERS = 40_075_016.686;

  /** Tile grid extent the rule refers to. */
  public static final int EXTENT = 4096;

  /** Grid units of error allowed at the band's highest zoom. */
  public static final double K = 8;

  private static final List<ZoomBand> DEFAULT =
      List.of(
          ZoomBand.of(0, 3),
          ZoomBand.of(4, 5),
          ZoomBand.of(6, 7),
          ZoomBand.of(8, 9),
          ZoomBand.of(10, 11),
          ZoomBand.unsimplified(12, 14));

  private ZoomBands() {}

  /** z0–3, 4–5, 6–7, 8–9, 10–11 simplified by the rule, z12–14 unsimplified. */
  public static List<ZoomBand> defaults() {
    return DEFAULT;
  }

  /** Size of one tile-grid unit at a zoom, metres. */
  public static double gridUnitMeters(int zoom) {
    if (zoom < 0 || zoom > MAX_ZOOM) {
      throw new IllegalArgumentException("zoom " + zoom);
    }
    return WORLD_SIZE_METERS / Math.pow(2, zoom) / EXTENT;
  }

  /** The rule: {@code K × gridUnitMeters(maxZoom)}. */
  public static double toleranceMeters(int maxZoom) {
    return K * gridUnitMeters(maxZoom);
  }

  /**
   * Checks bands are sorted, contiguous from zoom 0, with tolerances that do not grow with zoom.
   */
  public static List<ZoomBand> checked(List<ZoomBand> bands) {
    if (bands == null || bands.isEmpty()) {
      throw new IllegalArgumentException("no zoom bands");
    }
    int next = 0;
    double previousTolerance = Double.POSITIVE_INFINITY;
    for (ZoomBand b : bands) {
      if (b.minZoom() != next) {
        throw new IllegalArgumentException("bands must be contiguous from z0: " + bands);
      }
      if (b.toleranceMeters() > previousTolerance) {
        throw new IllegalArgumentException("tolerance must not grow with zoom: " + bands);
      }
      next = b.maxZoom() + 1;
      previousTolerance = b.toleranceMeters();
    }
    return List.copyOf(bands);
  }
}
