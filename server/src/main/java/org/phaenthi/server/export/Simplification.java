package org.phaenthi.server.export;

import org.locationtech.jts.geom.Geometry;
import org.phaenthi.boundaries.Area;

/**
 * Which geometry of an area is written. The seam between the output formats and the geometry
 * source: full detail, the per-feature fallback, or (once they land) the gap-free coverage bands.
 */
public interface Simplification {
  /** The geometry to write for this area, lon/lat EPSG:4326. */
  Geometry geometry(Area area);

  /** True when neighbours still share their borders exactly (no gaps, no overlaps). */
  boolean gapFree();

  /** A short human-readable description, written into responses so clients can tell. */
  String describe();

  /** The tolerance actually used, in metres; 0 for full detail. */
  double toleranceMeters();

  Simplification FULL_DETAIL =
      new Simplification() {
        @Override
        public Geometry geometry(Area area) {
          return area.geometry();
        }

        @Override
        public boolean gapFree() {
          return true;
        }

        @Override
        public String describe() {
          return "full detail";
        }

        @Override
        public double toleranceMeters() {
          return 0;
        }
      };
}
