package org.phaenthi.server.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.phaenthi.server.Json;

/**
 * The metadata of a CSV download as a W3C CSV on the Web sidecar ({@code application/csvm+json},
 * "Metadata Vocabulary for Tabular Data"): the table's columns with their datatypes (codes are
 * {@code string}, so readers keep leading digits as text), {@code dc:title}, {@code dc:license} and
 * every export metadata entry, typed, under {@code phaenthi:metadata}.
 */
final class CsvMetadataExporter {
  private CsvMetadataExporter() {}

  static void write(Selection s, ExportMetadata m, String csvUrl, OutputStream out)
      throws IOException {
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("@context", "http://www.w3.org/ns/csvw");
      gen.writeStringField("url", csvUrl);
      gen.writeStringField("dc:title", (String) m.typed().get("title"));
      gen.writeStringField(
          "dc:license",
          org.phaenthi.server.Attribution.BOUNDARIES_LICENCE_URL
              + " (boundaries); "
              + ExportMetadata.INDICATOR_LICENCE);
      gen.writeObjectFieldStart("dialect");
      gen.writeStringField("encoding", "utf-8");
      gen.writeBooleanField("header", true);
      gen.writeStringField("lineTerminators", "\r\n");
      gen.writeEndObject();
      gen.writeObjectFieldStart("tableSchema");
      gen.writeArrayFieldStart("columns");
      for (String c : CsvExporter.columns(s)) {
        gen.writeStartObject();
        gen.writeStringField("name", c);
        gen.writeStringField("datatype", datatype(s, c));
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeStringField("primaryKey", "code");
      gen.writeEndObject();
      GeoJsonFeatureWriter.writeObject(gen, "phaenthi:metadata", m.typed());
      gen.writeEndObject();
    }
  }

  static String datatype(Selection s, String column) {
    if (List.of("year_be", "year_ce", "compare_year_be").contains(column)) {
      return "integer";
    }
    if (List.of("numerator", "denominator", "compare_numerator", "compare_denominator")
        .contains(column)) {
      return s.countsAreWhole() ? "integer" : "number";
    }
    if (column.equals("change")) {
      return "number";
    }
    if (column.equals("value") || column.equals("compare_value")) {
      return s.hasIndicator()
              && s.indicator().kind() == org.phaenthi.boundaries.indicators.ValueKind.COUNT
          ? "integer"
          : "number";
    }
    return column.equals("small_denominator") ? "boolean" : "string";
  }
}
