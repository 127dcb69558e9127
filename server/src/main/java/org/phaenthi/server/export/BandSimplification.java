package org.phaenthi.server.export;

import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.coverage.BandGeometry;

/**
 * Geometry from one gap-free coverage band (simplified as a whole, so neighbours share identical
 * borders), converted back to lon/lat. Areas missing from the band fall back to full detail.
 */
public record BandSimplification(BandGeometry band) implements Simplification {
  @Override
  public Geometry geometry(Area area) {
    return band.areaLonLat(area.code()).orElse(area.geometry());
  }

  @Override
  public boolean gapFree() {
    return true;
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "gap-free coverage band z%d-%d, tolerance %.1f m (Web Mercator)",
        band.band().minZoom(),
        band.band().maxZoom(),
        band.band().toleranceMeters());
  }

  @Override
  public double toleranceMeters() {
    return band.band().toleranceMeters();
  }
}
