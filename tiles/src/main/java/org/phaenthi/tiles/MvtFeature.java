package org.phaenthi.tiles;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Geometry;

/**
 * A decoded feature.
 *
 * @param id the feature id if one was written (an unsigned 64-bit value)
 * @param type the encoded geometry type
 * @param properties attributes in encoded order; values are String, Float, Double, Long (for
 *     int_value, uint_value and sint_value) or Boolean
 * @param geometry the geometry in tile-grid coordinates, polygons assembled by ring winding; JTS
 *     geometries are mutable, so the feature keeps its own copy and hands out copies
 */
public record MvtFeature(
    OptionalLong id, MvtGeometryType type, Map<String, Object> properties, Geometry geometry) {
  public MvtFeature {
    // encoded order matters (golden dumps print it), so no Map.copyOf
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    geometry = geometry == null ? null : geometry.copy();
  }

  @Override
  public Geometry geometry() {
    return geometry == null ? null : geometry.copy();
  }
}
