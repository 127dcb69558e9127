package org.phaenthi.server.tiles;

import java.util.function.BiConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The geometry a tile renderer draws for one level at one zoom band, in Web Mercator metres: the
 * areas (by code) and the shared border lines (by the highest admin level each belongs to).
 */
public interface ZoomGeometry {
  /** Calls back with each area whose envelope meets the box. */
  void areas(Envelope mercator, BiConsumer<String, Geometry> visitor);

  /** Calls back with each border line whose envelope meets the box. */
  void borders(Envelope mercator, BiConsumer<String, Geometry> visitor);
}
