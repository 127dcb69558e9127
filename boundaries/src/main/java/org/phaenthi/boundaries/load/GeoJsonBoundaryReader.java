package org.phaenthi.boundaries.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams a GeoJSON FeatureCollection feature by feature, so a 46 MB file never sits in memory as
 * one tree. Only Polygon and MultiPolygon geometries are accepted.
 */
final class GeoJsonBoundaryReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final GeometryFactory factory;

  GeoJsonBoundaryReader(GeometryFactory factory) {
    this.factory = factory;
  }

  /** Reads every feature of the file into raw features with their properties. */
  List<RawFeature> read(Path file) {
    List<RawFeature> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = new JsonFactory(MAPPER).createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(file + ": not a GeoJSON object");
      }
      boolean sawFeatures = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if ("features".equals(field)) {
          sawFeatures = true;
          if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException(file + ": 'features' is not an array");
          }
          int index = 0;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode feature = MAPPER.readTree(p);
            out.add(toFeature(file, index++, feature));
          }
        } else {
          p.skipChildren();
        }
      }
      if (!sawFeatures) {
        throw new IllegalArgumentException(
            file + ": no 'features' array (not a FeatureCollection)");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read GeoJSON: " + e.getMessage(), e);
    }
    return out;
  }

  private RawFeature toFeature(Path file, int index, JsonNode feature) {
    JsonNode props = feature.path("properties");
    JsonNode geom = feature.path("geometry");
    String where = file.getFileName() + " feature " + index;
    if (!geom.isObject()) {
      throw new IllegalArgumentException(where + ": no geometry");
    }
    return new RawFeature(where, props, toGeometry(where, geom));
  }

  private Geometry toGeometry(String where, JsonNode geom) {
    String type = geom.path("type").asText();
    JsonNode coords = geom.path("coordinates");
    switch (type) {
      case "Polygon":
        return polygon(where, coords);
      case "MultiPolygon":
        Polygon[] parts = new Polygon[coords.size()];
        for (int i = 0; i < parts.length; i++) {
          parts[i] = polygon(where, coords.get(i));
        }
        return factory.createMultiPolygon(parts);
      default:
        throw new IllegalArgumentException(
            where + ": geometry type " + type + " is not Polygon or MultiPolygon");
    }
  }

  private Polygon polygon(String where, JsonNode rings) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new IllegalArgumentException(where + ": polygon without rings");
    }
    LinearRing shell = ring(where, rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(where, rings.get(i));
    }
    return factory.createPolygon(shell, holes);
  }

  private LinearRing ring(String where, JsonNode points) {
    int n = points.size();
    if (n < 4) {
      throw new IllegalArgumentException(where + ": ring with fewer than 4 positions");
    }
    Coordinate[] cs = new Coordinate[n];
    for (int i = 0; i < n; i++) {
      JsonNode pt = points.get(i);
      cs[i] = new Coordinate(pt.get(0).asDouble(), pt.get(1).asDouble());
    }
    if (!cs[0].equals2D(cs[n - 1])) {
      throw new IllegalArgumentException(where + ": ring is not closed");
    }
    return factory.createLinearRing(cs);
  }
}
