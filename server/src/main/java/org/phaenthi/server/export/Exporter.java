package org.phaenthi.server.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one selection with its metadata in one format; streams where the format allows it. */
public interface Exporter {
  void write(Selection selection, ExportMetadata metadata, OutputStream out) throws IOException;

  /**
   * Writes the geometries in {@code crs}; only formats whose {@link ExportFormat#takesCrs()} is
   * true override this.
   */
  default void write(Selection selection, ExportMetadata metadata, Crs crs, OutputStream out)
      throws IOException {
    if (!crs.isDefault()) {
      throw new IllegalArgumentException("this format is written in CRS84 only");
    }
    write(selection, metadata, out);
  }

  static Exporter of(ExportFormat format) {
    return switch (format) {
      case GEOJSON -> new GeoJsonExporter();
      case CSV -> new CsvExporter();
      case XLSX -> new XlsxExporter();
      case GPKG -> new GeoPackageExporter();
      case TOPOJSON -> new TopoJsonExporter();
    };
  }
}
