package org.phaenthi.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.phaenthi.boundaries.Area;

/**
 * An OGC GeoPackage 1.3 (SQLite): {@code gpkg_spatial_ref_sys} with EPSG:4326, {@code
 * gpkg_contents} with the bounds, {@code gpkg_geometry_columns}, the feature table named after the
 * level with MULTIPOLYGON geometries in GeoPackage binary (header + WKB), and the attribute table
 * {@value #METADATA_TABLE} (key, value) with the metadata. Written to a temp file (SQLite needs
 * random access), then copied to the response and deleted.
 */
public final class GeoPackageExporter implements Exporter {
  public static final String METADATA_TABLE = "phaenthi_metadata";

  /** 'GPKG' as a 32-bit big-endian integer (GeoPackage 1.2+ §1.1.1.1.1). */
  public static final int APPLICATION_ID = 0x47504B47;

  public static final int USER_VERSION = 10300;
  private static final GeometryFactory GF = new GeometryFactory();

  @Override
  public void write(Selection s, ExportMetadata m, OutputStream out) throws IOException {
    write(s, m, Crs.CRS84, out);
  }

  /** In another CRS: easting first ({@link Crs#forFiles()}), its EPSG code as srs_id. */
  @Override
  public void write(Selection s, ExportMetadata m, Crs crs, OutputStream out) throws IOException {
    Path tmp = Files.createTempFile("phaenthi-export-", ".gpkg");
    try {
      writeFile(s, m, crs.forFiles(), tmp);
      Files.copy(tmp, out);
    } catch (SQLException e) {
      throw new IOException("writing GeoPackage: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * {@link #writeFile}, its SQLite failure as an I/O failure; stops with an {@link IOException}
   * once {@code cancelled} turns true (polled between features).
   */
  static void build(
      Selection s,
      ExportMetadata m,
      Crs crs,
      Path file,
      java.util.function.BooleanSupplier cancelled)
      throws IOException {
    try {
      writeFile(s, m, crs.forFiles(), file, cancelled);
    } catch (SQLException e) {
      if (cancelled.getAsBoolean()) {
        throw new ExportSpool.Cancelled();
      }
      throw new IOException("writing GeoPackage: " + e.getMessage(), e);
    }
  }

  public static void writeFile(Selection s, ExportMetadata m, Path file) throws SQLException {
    writeFile(s, m, Crs.CRS84, file);
  }

  public static void writeFile(Selection s, ExportMetadata m, Crs crs, Path file)
      throws SQLException {
    writeFile(s, m, crs, file, () -> false);
  }

  private static void writeFile(
      Selection s,
      ExportMetadata m,
      Crs crs,
      Path file,
      java.util.function.BooleanSupplier cancelled)
      throws SQLException {
    String table = s.level().urlName();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA application_id = " + APPLICATION_ID);
        st.execute("PRAGMA user_version = " + USER_VERSION);
        boolean wholeValue =
            s.hasIndicator()
                && s.indicator().kind() == org.phaenthi.boundaries.indicators.ValueKind.COUNT;
        for (String ddl : GeoPackageSchema.core(table, s.countsAreWhole(), wholeValue, crs)) {
          st.execute(ddl);
        }
      }
      List<Envelope> envelopes = new ArrayList<>();
      Envelope bounds = insertFeatures(c, s, crs, table, envelopes, cancelled);
      insertContents(c, table, m, bounds, s.partsTime(), crs.srsId());
      insertSpatialIndex(c, table, envelopes);
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO " + METADATA_TABLE + "(key, value) VALUES (?, ?)")) {
        for (Map.Entry<String, String> e : m.entries().entrySet()) {
          ps.setString(1, e.getKey());
          ps.setString(2, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

  /** Inserts every feature with fid 1..n; {@code envelopes} gets feature n's envelope at n − 1. */
  private static Envelope insertFeatures(
      Connection c,
      Selection s,
      Crs crs,
      String table,
      List<Envelope> envelopes,
      java.util.function.BooleanSupplier cancelled)
      throws SQLException {
    Envelope bounds = new Envelope();
    String sql =
        "INSERT INTO \""
            + table
            + "\"(fid, geom, code, name_th, name_en, level, parent_code, indicator, year_be,"
            + " year_ce, numerator, denominator, value, unit, reason, small_denominator)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int n = 0;
      for (Area a : s.areas()) {
        if (cancelled.getAsBoolean()) {
          throw new SQLException("GeoPackage build cancelled: every waiting client has gone");
        }
        Geometry g = crs.fromCrs84(a.geometry());
        bounds.expandToInclude(g.getEnvelopeInternal());
        envelopes.add(g.getEnvelopeInternal());
        ps.setInt(1, n + 1);
        ps.setBytes(2, geometryBlob(g, crs.srsId()));
        Map<String, Object> p = s.properties(a);
        int i = 3;
        for (String col : CsvExporter.COLUMNS) {
          ps.setObject(i++, p.get(col));
        }
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
    return bounds;
  }

  /**
   * The GeoPackage R-tree spatial index ({@code gpkg_rtree_index}, GeoPackage 1.3 annex F.3) that
   * GDAL and QGIS write and use: the virtual table filled from the features' envelopes, then the
   * triggers that keep it in step when a GIS edits the file (created last, since they call the ST_*
   * functions only a GeoPackage-aware reader provides).
   */
  private static void insertSpatialIndex(Connection c, String table, List<Envelope> envelopes)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String ddl : GeoPackageSchema.rtree(table, "geom")) {
        st.execute(ddl);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO \"rtree_" + table + "_geom\" VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < envelopes.size(); i++) {
        Envelope e = envelopes.get(i);
        ps.setInt(1, i + 1);
        ps.setDouble(2, e.getMinX());
        ps.setDouble(3, e.getMaxX());
        ps.setDouble(4, e.getMinY());
        ps.setDouble(5, e.getMaxY());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (Statement st = c.createStatement()) {
      for (String ddl : GeoPackageSchema.rtreeTriggers(table, "geom", "fid")) {
        st.execute(ddl);
      }
    }
  }

  private static void insertContents(
      Connection c, String table, ExportMetadata m, Envelope b, Instant importedAt, int srsId)
      throws SQLException {
    // the import time, not now: the same request gives the same bytes (the ETag is strong)
    String now = importedAt.truncatedTo(ChronoUnit.MILLIS).toString();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO gpkg_contents(table_name, data_type, identifier, description, last_change,"
                + " min_x, min_y, max_x, max_y, srs_id) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, table);
      ps.setString(2, "features");
      ps.setString(3, table);
      ps.setString(4, m.entries().get("title") + ". " + m.entries().get("boundary_attribution"));
      ps.setString(5, now);
      ps.setObject(6, b.isNull() ? null : b.getMinX());
      ps.setObject(7, b.isNull() ? null : b.getMinY());
      ps.setObject(8, b.isNull() ? null : b.getMaxX());
      ps.setObject(9, b.isNull() ? null : b.getMaxY());
      ps.setInt(10, srsId);
      ps.execute();
      ps.setString(1, METADATA_TABLE);
      ps.setString(2, "attributes");
      ps.setString(3, METADATA_TABLE);
      ps.setString(4, "Indicator definition, source, survey year and attribution of " + table);
      ps.setString(5, now);
      for (int i = 6; i <= 9; i++) {
        ps.setObject(i, null);
      }
      ps.setObject(10, null);
      ps.execute();
    }
  }

  /**
   * GeoPackage binary: "GP", version 0, flags (little-endian, xy envelope), srs_id, envelope (minx,
   * maxx, miny, maxy), then ISO WKB of a MULTIPOLYGON (polygons are promoted so the column type
   * holds for every row).
   */
  public static byte[] geometryBlob(Geometry g, int srsId) {
    if (g instanceof Polygon p) {
      g = GF.createMultiPolygon(new Polygon[] {p});
    } else if (!(g instanceof MultiPolygon)) {
      throw new IllegalArgumentException("not polygonal: " + g.getGeometryType());
    }
    byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
    Envelope e = g.getEnvelopeInternal();
    ByteBuffer b = ByteBuffer.allocate(8 + 32 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'G').put((byte) 'P').put((byte) 0);
    b.put((byte) 0b0000_0011); // bit 0: little-endian; bits 1-3 = 1: envelope [minx,maxx,miny,maxy]
    b.putInt(srsId);
    b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
    b.put(wkb);
    return b.array();
  }
}
