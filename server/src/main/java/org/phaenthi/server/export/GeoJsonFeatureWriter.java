package org.phaenthi.server.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.phaenthi.boundaries.Area;

/**
 * Writes one selection's areas as GeoJSON features, one at a time: {@code id} = code, the
 * properties of {@link Selection#properties}, geometry after simplification and rounding, always a
 * MultiPolygon.
 *
 * @param properties the property names to write, in order (a subset of {@link
 *     Selection#propertyNames()})
 */
public record GeoJsonFeatureWriter(
    Selection selection,
    Simplification simplification,
    int decimals,
    List<String> properties,
    Crs crs) {

  public GeoJsonFeatureWriter {
    properties = List.copyOf(properties);
  }

  /** In CRS84. */
  public GeoJsonFeatureWriter(
      Selection selection, Simplification simplification, int decimals, List<String> properties) {
    this(selection, simplification, decimals, properties, Crs.CRS84);
  }

  /** Members a caller adds to each feature after the standard ones (OGC links). */
  @FunctionalInterface
  public interface Extra {
    void write(JsonGenerator gen, Area area) throws IOException;
  }

  public static GeoJsonFeatureWriter allProperties(
      Selection s, Simplification simplification, int decimals) {
    return allProperties(s, simplification, decimals, Crs.CRS84);
  }

  public static GeoJsonFeatureWriter allProperties(
      Selection s, Simplification simplification, int decimals, Crs crs) {
    return new GeoJsonFeatureWriter(s, simplification, decimals, s.propertyNames(), crs);
  }

  public void write(JsonGenerator gen, Area a, Extra extra) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("type", "Feature");
    gen.writeStringField("id", a.code());
    gen.writeFieldName("geometry");
    if (a.geometry() == null) {
      gen.writeNull(); // a level of values only (villages): a feature without geometry
    } else {
      // simplified in longitude/latitude, then transformed, then rounded in the output's units
      Geometry g =
          multi(GeoJsonGeometry.round(crs.fromCrs84(simplification.geometry(a)), decimals));
      GeoJsonGeometry.write(gen, g);
    }
    gen.writeObjectFieldStart("properties");
    Map<String, Object> all = selection.properties(a);
    for (String name : properties) {
      gen.writeFieldName(name);
      writeValue(gen, all.get(name));
    }
    gen.writeEndObject();
    if (extra != null) {
      extra.write(gen, a);
    }
    gen.writeEndObject();
  }

  /**
   * Always a MultiPolygon, as in the GeoPackage: areas of one layer mixing Polygon and MultiPolygon
   * make GDAL type the layer Polygon and then fail or write a non-conformant GeoPackage.
   */
  static Geometry multi(Geometry g) {
    if (g instanceof Polygon p) {
      return g.getFactory().createMultiPolygon(new Polygon[] {p});
    }
    return g;
  }

  /** The member {@code name}: an object of {@code values}, each with its JSON type. */
  public static void writeObject(JsonGenerator gen, String name, Map<String, Object> values)
      throws IOException {
    gen.writeObjectFieldStart(name);
    for (Map.Entry<String, Object> e : values.entrySet()) {
      gen.writeFieldName(e.getKey());
      writeValue(gen, e.getValue());
    }
    gen.writeEndObject();
  }

  /**
   * Outside CRS84, the legacy (GeoJSON 2008) {@code crs} member GDAL and QGIS read, e.g. {@code
   * urn:ogc:def:crs:EPSG::32647}; nothing in CRS84.
   */
  static void writeLegacyCrs(JsonGenerator gen, Crs crs) throws IOException {
    if (crs.isDefault()) {
      return;
    }
    gen.writeObjectFieldStart("crs");
    gen.writeStringField("type", "name");
    gen.writeObjectFieldStart("properties");
    gen.writeStringField("name", "urn:ogc:def:crs:EPSG::" + crs.epsg());
    gen.writeEndObject();
    gen.writeEndObject();
  }

  /** A property value with its JSON type: numbers, booleans, null, else a string. */
  public static void writeValue(JsonGenerator gen, Object v) throws IOException {
    if (v == null) {
      gen.writeNull();
    } else if (v instanceof Integer i) {
      gen.writeNumber(i);
    } else if (v instanceof Long l) {
      gen.writeNumber(l);
    } else if (v instanceof Double d) {
      gen.writeNumber(d);
    } else if (v instanceof Boolean b) {
      gen.writeBoolean(b);
    } else {
      gen.writeString(v.toString());
    }
  }
}
