package org.phaenthi.boundaries.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;

/**
 * A boundary feature as read from a source file, before its properties are mapped to an {@code
 * Area}. Package-private, like the readers that make it: only {@link BoundaryLoader} reads it, so
 * its geometry is handed on within this package and never shared outside it.
 *
 * @param where file and feature index, for error messages
 */
record RawFeature(String where, JsonNode properties, Geometry geometry) {}
