-- Phaenthi PostGIS schema, version 2: indicator values packed per (year, level, indicator), so a
-- node that follows another node's import reloads them in a few hundred reads instead of one row per
-- value. phaenthi_value stays for analysts who query values with SQL.
CREATE TABLE phaenthi_value_set (
  year_be INT NOT NULL,
  level VARCHAR(16) NOT NULL,
  indicator VARCHAR(64) NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (year_be, level, indicator)
);
