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
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("type", "FeatureCollection");
      gen.writeStringField("name", ExportHandler.layerName(s));
      gen.writeObjectFieldStart("metadata");
      for (var e : m.typed().entrySet()) {
        gen.writeFieldName(e.getKey());
        GeoJsonFeatureWriter.writeValue(gen, e.getValue());
      }
      gen.writeEndObject();
      gen.writeArrayFieldStart("features");
      GeoJsonFeatureWriter w = GeoJsonFeatureWriter.allProperties(s, Simplification.FULL_DETAIL, 6);
      for (Area a : s.areas()) {
        w.write(gen, a, null);
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
  }
}
