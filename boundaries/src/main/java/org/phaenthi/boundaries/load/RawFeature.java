package org.phaenthi.boundaries.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;

/**
 * A boundary feature as read from a source file, before its properties are mapped to an {@code
 * Area}.
 *
 * @param where file and feature index, for error messages
 */
public record RawFeature(String where, JsonNode properties, Geometry geometry) {}
