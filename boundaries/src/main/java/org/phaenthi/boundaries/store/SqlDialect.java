package org.phaenthi.boundaries.store;

/**
 * The few places where the embedded H2 store and PostgreSQL differ in SQL. H2 keeps geometry as
 * plain WKB bytes; PostGIS keeps it in a spatial {@code geometry(MultiPolygon, 4326)} column and
 * remembers which areas were single polygons, so a load returns exactly what was imported (a
 * Polygon coming back as a MultiPolygon would change GeoJSON output, hence ETags, between the node
 * that imported and the nodes that loaded).
 */
public enum SqlDialect {
  H2("BLOB", "DOUBLE PRECISION", "CLOB", "wkb", "?", "wkb"),
  POSTGRESQL(
      "BYTEA",
      "DOUBLE PRECISION",
      "TEXT",
      "single_part, geom",
      "?, ST_Multi(ST_GeomFromWKB(?, 4326))",
      "CASE WHEN single_part THEN ST_AsBinary(ST_GeometryN(geom, 1)) ELSE ST_AsBinary(geom) END");

  final String blob;
  final String dbl;
  final String text;

  /** Columns written for an area's geometry, in bind order. */
  final String geometryColumns;

  /** The placeholders of {@link #geometryColumns}. */
  final String geometryValues;

  /** An expression reading the geometry back as WKB. */
  final String geometrySelect;

  SqlDialect(
      String blob,
      String dbl,
      String text,
      String geometryColumns,
      String geometryValues,
      String geometrySelect) {
    this.blob = blob;
    this.dbl = dbl;
    this.text = text;
    this.geometryColumns = geometryColumns;
    this.geometryValues = geometryValues;
    this.geometrySelect = geometrySelect;
  }
}
