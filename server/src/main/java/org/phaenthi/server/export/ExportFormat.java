package org.phaenthi.server.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The download formats, by file extension. */
public enum ExportFormat {
  GEOJSON("geojson", "application/geo+json"),
  CSV("csv", "text/csv; charset=utf-8"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  GPKG("gpkg", "application/geopackage+sqlite3"),
  // No registered media type for TopoJSON; plain JSON is what clients expect.
  TOPOJSON("topojson", "application/json");

  private final String extension;
  private final String mediaType;

  ExportFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * Whether the download can be written in another CRS ({@code crs}): GeoJSON and GeoPackage. CSV
   * and XLSX hold no geometry; TopoJSON is quantized in degrees (CRS84 only).
   */
  public boolean takesCrs() {
    return this == GEOJSON || this == GPKG || this == TOPOJSON;
  }

  /**
   * Whether the download can hold a change ({@code compare=YEAR}): the tabular CSV and XLSX and
   * GeoJSON, whose rows take the extra columns. GeoPackage (a fixed table schema) and TopoJSON do
   * not.
   */
  public boolean takesCompare() {
    return this == CSV || this == XLSX || this == GEOJSON;
  }

  public static Optional<ExportFormat> fromExtension(String ext) {
    return Arrays.stream(values()).filter(f -> f.extension.equals(ext)).findFirst();
  }

  public static List<String> extensions() {
    return Arrays.stream(values()).map(ExportFormat::extension).toList();
  }
}
