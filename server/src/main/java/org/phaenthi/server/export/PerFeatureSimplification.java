package org.phaenthi.server.export;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.phaenthi.boundaries.Area;

/**
 * The fallback until the coverage bands land: each polygon simplified on its own with JTS {@link
 * TopologyPreservingSimplifier}. Each result is valid, but neighbours are simplified independently,
 * so shared borders drift apart: NOT gap-free (slivers and overlaps between neighbours).
 *
 * @param toleranceMeters the requested tolerance; converted to degrees at {@link
 *     #METERS_PER_DEGREE}
 */
public record PerFeatureSimplification(double toleranceMeters) implements Simplification {
  /** Metres per degree of latitude; longitude degrees are 2–6 % shorter over Thailand. */
  public static final double METERS_PER_DEGREE = 111_320;

  @Override
  public Geometry geometry(Area area) {
    return TopologyPreservingSimplifier.simplify(
        area.geometry(), toleranceMeters / METERS_PER_DEGREE);
  }

  @Override
  public boolean gapFree() {
    return false;
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "per-feature TopologyPreservingSimplifier, tolerance %.1f m (fallback: NOT gap-free,"
            + " neighbours may show slivers/overlaps)",
        toleranceMeters);
  }
}
