-- Phaenthi PostGIS schema, version 1. Applied once, in one transaction, by PostgisMigrator.
-- The layout mirrors the embedded store (see SqlDatasetCodec) with a spatial geometry column.
CREATE EXTENSION IF NOT EXISTS postgis;

-- Key/value metadata: data_version, imported_at, report (JSON counts).
CREATE TABLE phaenthi_meta (
  k VARCHAR(64) PRIMARY KEY,
  v TEXT
);

-- One row per admin area. single_part remembers a source Polygon so it loads back as one.
CREATE TABLE phaenthi_area (
  code VARCHAR(8) PRIMARY KEY,
  level VARCHAR(16) NOT NULL,
  name_th VARCHAR(200),
  name_en VARCHAR(200),
  parent_code VARCHAR(8),
  single_part BOOLEAN NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX phaenthi_area_geom_idx ON phaenthi_area USING GIST (geom);
CREATE INDEX phaenthi_area_level_code_idx ON phaenthi_area (level, code);
CREATE INDEX phaenthi_area_parent_idx ON phaenthi_area (parent_code);

-- Survey years and the indicator catalogue, as the JSON of their records.
CREATE TABLE phaenthi_year (
  be INT PRIMARY KEY,
  json TEXT
);
CREATE TABLE phaenthi_indicator (
  ord INT PRIMARY KEY,
  code VARCHAR(64) NOT NULL,
  json TEXT
);

-- Aggregated values; null value = missing, with the reason.
CREATE TABLE phaenthi_value (
  year_be INT NOT NULL,
  level VARCHAR(16) NOT NULL,
  indicator VARCHAR(64) NOT NULL,
  code VARCHAR(8) NOT NULL,
  numerator DOUBLE PRECISION,
  denominator DOUBLE PRECISION,
  val DOUBLE PRECISION,
  reason VARCHAR(200),
  PRIMARY KEY (year_be, level, indicator, code)
);

-- Derived data persisted as bytes (gap-free bands per level and zoom band).
CREATE TABLE phaenthi_blob (
  name VARCHAR(64) PRIMARY KEY,
  data BYTEA
);
