package org.phaenthi.server.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.phaenthi.boundaries.Area;
import org.phaenthi.server.Json;

/**
 * A FeatureCollection at full detail, 6 decimals, with the metadata as the foreign members {@code
 * name} and {@code metadata} (RFC 7946 §6.1). Streamed: one feature in memory at a time.
 */
public final class GeoJsonExporter implements Exporter {
  @Override
  public void write(Selection s, ExportMetadata m, OutputStream out) throws IOException {
    write(s, m, Crs.CRS84, out);
  }

  /**
   * In another CRS: easting first ({@link Crs#forFiles()}), 1 decimal of a metre, and the legacy
   * (GeoJSON 2008) {@code crs} member GDAL and QGIS read, e.g. {@code urn:ogc:def:crs:EPSG::32647}.
   */
  @Override
  public void write(Selection s, ExportMetadata m, Crs asked, OutputStream out) throws IOException {
    Crs crs = asked.forFiles();
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("type", "FeatureCollection");
      gen.writeStringField("name", ExportHandler.layerName(s));
      GeoJsonFeatureWriter.writeLegacyCrs(gen, crs);
      GeoJsonFeatureWriter.writeObject(gen, "metadata", m.typed());
      gen.writeArrayFieldStart("features");
      GeoJsonFeatureWriter w =
          GeoJsonFeatureWriter.allProperties(
              s, Simplification.FULL_DETAIL, crs.defaultDecimals(), crs);
      for (Area a : s.areas()) {
        w.write(gen, a, null);
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
  }
}
