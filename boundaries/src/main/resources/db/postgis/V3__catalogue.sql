-- Phaenthi PostGIS schema, version 3: the data catalogue. Immutable parts (boundary sets,
-- indicator sets, value sets) and an append-only publication history replace the single dataset
-- of V1/V2, whose tables are dropped (a node re-imports its data directory as publication 1).
DROP TABLE IF EXISTS phaenthi_value_set;
DROP TABLE IF EXISTS phaenthi_value;
DROP TABLE IF EXISTS phaenthi_blob;
DROP TABLE IF EXISTS phaenthi_indicator;
DROP TABLE IF EXISTS phaenthi_year;
DROP TABLE IF EXISTS phaenthi_area;
DROP TABLE IF EXISTS phaenthi_meta;

-- One row per part: kind b (boundary set), i (indicator set) or v (value set); header is JSON.
CREATE TABLE phaenthi_part (
  id VARCHAR(18) PRIMARY KEY,
  kind CHAR(1) NOT NULL,
  header TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The named byte chunks of a part (areas, bands, packed values), as the embedded store's files.
CREATE TABLE phaenthi_part_chunk (
  part_id VARCHAR(18) NOT NULL REFERENCES phaenthi_part (id),
  ord INT NOT NULL,
  name VARCHAR(200) NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (part_id, ord)
);

-- For SQL users and GIS tools: the areas of every boundary set with a spatial column.
CREATE TABLE phaenthi_area (
  boundary_set VARCHAR(18) NOT NULL REFERENCES phaenthi_part (id),
  code VARCHAR(10) NOT NULL,
  level VARCHAR(16) NOT NULL,
  name_th VARCHAR(200),
  name_en VARCHAR(200),
  parent_code VARCHAR(10),
  geom geometry(MultiPolygon, 4326),
  PRIMARY KEY (boundary_set, code)
);
CREATE INDEX phaenthi_area_geom_idx ON phaenthi_area USING GIST (geom);

-- For SQL users: one row per value of every value set; null value = missing, with the reason.
CREATE TABLE phaenthi_value (
  value_set VARCHAR(18) NOT NULL REFERENCES phaenthi_part (id),
  year_be INT NOT NULL,
  level VARCHAR(16) NOT NULL,
  indicator VARCHAR(64) NOT NULL,
  code VARCHAR(10) NOT NULL,
  numerator DOUBLE PRECISION,
  denominator DOUBLE PRECISION,
  val DOUBLE PRECISION,
  reason VARCHAR(200),
  PRIMARY KEY (value_set, level, indicator, code)
);

-- The history: publications are only appended; the newest is served.
CREATE TABLE phaenthi_publication (
  id BIGINT PRIMARY KEY,
  published_at TIMESTAMPTZ NOT NULL,
  json TEXT NOT NULL
);

-- What is served now, for SQL users: the current publication's areas and values.
CREATE VIEW phaenthi_current_area AS
  SELECT a.* FROM phaenthi_area a
  WHERE a.boundary_set = (SELECT json::json->>'boundarySet' FROM phaenthi_publication
                          ORDER BY id DESC LIMIT 1);
CREATE VIEW phaenthi_current_value AS
  SELECT v.* FROM phaenthi_value v
  WHERE v.value_set IN (SELECT json_array_elements_text(json::json->'valueSets')
                        FROM (SELECT json FROM phaenthi_publication ORDER BY id DESC LIMIT 1) p);
