package org.phaenthi.server.export;

import java.util.List;

/** The DDL of a minimal GeoPackage 1.3 with one feature table and the metadata table. */
final class GeoPackageSchema {
  private GeoPackageSchema() {}

  static final String WGS84_WKT =
      "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
          + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
          + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
          + "AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],"
          + "AUTHORITY[\"EPSG\",\"4326\"]]";

  /**
   * @param wholeCounts numerator and denominator are INTEGER columns (sums of whole counts)
   * @param wholeValue value is an INTEGER column (a count indicator)
   */
  static List<String> core(String table, boolean wholeCounts, boolean wholeValue) {
    return core(table, wholeCounts, wholeValue, Crs.CRS84);
  }

  /** The WKT 1 definitions of the projected CRSs, by EPSG code (GDAL's, see the file). */
  private static final java.util.Properties WKT = new java.util.Properties();

  static {
    try (var in = GeoPackageSchema.class.getResourceAsStream("/phaenthi-crs/wkt1.properties")) {
      if (in == null) {
        throw new IllegalStateException("missing /phaenthi-crs/wkt1.properties");
      }
      try (var reader =
          new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
        WKT.load(reader);
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read /phaenthi-crs/wkt1.properties", e);
    }
  }

  /** The gpkg_spatial_ref_sys row of a projected CRS. */
  static String srsRow(Crs crs) {
    String wkt = WKT.getProperty(Integer.toString(crs.epsg()));
    if (wkt == null) {
      throw new IllegalStateException("no WKT for EPSG:" + crs.epsg());
    }
    return "INSERT INTO gpkg_spatial_ref_sys VALUES ('"
        + crs.title()
        + "', "
        + crs.epsg()
        + ", 'EPSG', "
        + crs.epsg()
        + ", '"
        + wkt.replace("'", "''")
        + "', '"
        + crs.title()
        + "')";
  }

  static List<String> core(String table, boolean wholeCounts, boolean wholeValue, Crs crs) {
    List<String> ddl = new java.util.ArrayList<>(core4326(table, wholeCounts, wholeValue, crs));
    if (crs.srsId() != 4326) {
      ddl.add(4, srsRow(crs));
    }
    return ddl;
  }

  private static List<String> core4326(
      String table, boolean wholeCounts, boolean wholeValue, Crs crs) {
    String counts = wholeCounts ? "INTEGER" : "DOUBLE";
    return List.of(
        "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
            + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
            + " definition TEXT NOT NULL, description TEXT)",
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1,"
            + " 'undefined', 'undefined cartesian coordinate reference system')",
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0,"
            + " 'undefined', 'undefined geographic coordinate reference system')",
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, '"
            + WGS84_WKT
            + "', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')",
        "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT"
            + " NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT"
            + " NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE,"
            + " max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN"
            + " KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))",
        "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
            + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
            + " m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
            + " CONSTRAINT uk_gc_table_name UNIQUE (table_name), CONSTRAINT fk_gc_tn FOREIGN KEY"
            + " (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN"
            + " KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))",
        "CREATE TABLE \""
            + table
            + "\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON,"
            + " code TEXT NOT NULL UNIQUE, name_th TEXT, name_en TEXT, level TEXT,"
            + " parent_code TEXT, indicator TEXT, year_be INTEGER, year_ce INTEGER,"
            + " numerator "
            + counts
            + ", denominator "
            + counts
            + ", value "
            + (wholeValue ? "INTEGER" : "DOUBLE")
            + ", unit TEXT, reason TEXT,"
            + " small_denominator BOOLEAN)",
        "INSERT INTO gpkg_geometry_columns VALUES ('"
            + table
            + "', 'geom', 'MULTIPOLYGON', "
            + crs.srsId()
            + ", 0, 0)",
        "CREATE TABLE "
            + GeoPackageExporter.METADATA_TABLE
            + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, key TEXT NOT NULL UNIQUE,"
            + " value TEXT)");
  }

  /** The extensions table and the R-tree virtual table of one geometry column (annex F.3). */
  static List<String> rtree(String table, String column) {
    return List.of(
        "CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT"
            + " NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE"
            + " (table_name, column_name, extension_name))",
        "INSERT INTO gpkg_extensions VALUES ('"
            + table
            + "', '"
            + column
            + "', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree',"
            + " 'write-only')",
        "CREATE VIRTUAL TABLE \"rtree_"
            + table
            + "_"
            + column
            + "\" USING rtree(id, minx, maxx, miny, maxy)");
  }

  /**
   * The six triggers of annex F.3 that keep the R-tree in step with edits, as the spec writes them
   * with {@code <t>}, {@code <c>} and {@code <i>} for the table, geometry column and id column.
   */
  private static final String RTREE_TRIGGERS =
      """
      CREATE TRIGGER "rtree_<t>_<c>_insert" AFTER INSERT ON "<t>"
        WHEN (NEW.<c> NOT NULL AND NOT ST_IsEmpty(NEW.<c>))
      BEGIN
        INSERT OR REPLACE INTO "rtree_<t>_<c>" VALUES (NEW.<i>,
          ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>), ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>));
      END
      ---
      CREATE TRIGGER "rtree_<t>_<c>_update1" AFTER UPDATE OF <c> ON "<t>"
        WHEN OLD.<i> = NEW.<i> AND (NEW.<c> NOTNULL AND NOT ST_IsEmpty(NEW.<c>))
      BEGIN
        INSERT OR REPLACE INTO "rtree_<t>_<c>" VALUES (NEW.<i>,
          ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>), ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>));
      END
      ---
      CREATE TRIGGER "rtree_<t>_<c>_update2" AFTER UPDATE OF <c> ON "<t>"
        WHEN OLD.<i> = NEW.<i> AND (NEW.<c> ISNULL OR ST_IsEmpty(NEW.<c>))
      BEGIN
        DELETE FROM "rtree_<t>_<c>" WHERE id = OLD.<i>;
      END
      ---
      CREATE TRIGGER "rtree_<t>_<c>_update3" AFTER UPDATE ON "<t>"
        WHEN OLD.<i> != NEW.<i> AND (NEW.<c> NOTNULL AND NOT ST_IsEmpty(NEW.<c>))
      BEGIN
        DELETE FROM "rtree_<t>_<c>" WHERE id = OLD.<i>;
        INSERT OR REPLACE INTO "rtree_<t>_<c>" VALUES (NEW.<i>,
          ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>), ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>));
      END
      ---
      CREATE TRIGGER "rtree_<t>_<c>_update4" AFTER UPDATE ON "<t>"
        WHEN OLD.<i> != NEW.<i> AND (NEW.<c> ISNULL OR ST_IsEmpty(NEW.<c>))
      BEGIN
        DELETE FROM "rtree_<t>_<c>" WHERE id IN (OLD.<i>, NEW.<i>);
      END
      ---
      CREATE TRIGGER "rtree_<t>_<c>_delete" AFTER DELETE ON "<t>"
        WHEN OLD.<c> NOT NULL
      BEGIN
        DELETE FROM "rtree_<t>_<c>" WHERE id = OLD.<i>;
      END
      """;

  static List<String> rtreeTriggers(String table, String column, String id) {
    String sql = RTREE_TRIGGERS.replace("<t>", table).replace("<c>", column).replace("<i>", id);
    return List.of(sql.split("---\n"));
  }
}
