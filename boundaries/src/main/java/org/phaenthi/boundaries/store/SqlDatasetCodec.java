package org.phaenthi.boundaries.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.LoadReport;
import org.phaenthi.boundaries.indicators.AreaIndex;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.YearInfo;

/**
 * Writes and reads a whole {@link Dataset} with plain JDBC, in one transaction. Shared by the
 * embedded store and the PostGIS store; geometry travels as WKB (see {@link SqlDialect} for where
 * it lands). {@link #migrate} is the embedded store's schema; PostGIS has versioned migrations.
 */
final class SqlDatasetCodec {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SqlDatasetCodec.class);
  static final int SCHEMA_VERSION = 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Connection c;
  private final SqlDialect d;
  private final GeometryReuse reuse;
  private MessageDigest geometryDigest;

  SqlDatasetCodec(Connection connection, SqlDialect dialect) {
    this(connection, dialect, new GeometryReuse());
  }

  SqlDatasetCodec(Connection connection, SqlDialect dialect, GeometryReuse reuse) {
    this.c = connection;
    this.d = dialect;
    this.reuse = reuse;
  }

  void migrate() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS phaenthi_meta (k VARCHAR(64) PRIMARY KEY, v " + d.text + ")");
      s.execute(
          "CREATE TABLE IF NOT EXISTS phaenthi_area (code VARCHAR(8) PRIMARY KEY,"
              + " level VARCHAR(16) NOT NULL, name_th VARCHAR(200), name_en VARCHAR(200),"
              + " parent_code VARCHAR(8), wkb "
              + d.blob
              + " NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS phaenthi_year (be INT PRIMARY KEY, json " + d.text + ")");
      s.execute(
          "CREATE TABLE IF NOT EXISTS phaenthi_indicator (ord INT PRIMARY KEY,"
              + " code VARCHAR(64) NOT NULL, json "
              + d.text
              + ")");
      s.execute(
          "CREATE TABLE IF NOT EXISTS phaenthi_value (year_be INT NOT NULL,"
              + " level VARCHAR(16) NOT NULL, indicator VARCHAR(64) NOT NULL,"
              + " code VARCHAR(8) NOT NULL, numerator "
              + d.dbl
              + ", denominator "
              + d.dbl
              + ", val "
              + d.dbl
              + ", reason VARCHAR(200))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS phaenthi_blob (name VARCHAR(64) PRIMARY KEY, data "
              + d.blob
              + ")");
      s.execute(
          "CREATE TABLE IF NOT EXISTS phaenthi_value_set (year_be INT NOT NULL,"
              + " level VARCHAR(16) NOT NULL, indicator VARCHAR(64) NOT NULL, data "
              + d.blob
              + " NOT NULL, PRIMARY KEY (year_be, level, indicator))");
      s.execute(
          "MERGE INTO phaenthi_meta (k, v) KEY (k) VALUES ('schema_version', '"
              + SCHEMA_VERSION
              + "')");
    }
    c.commit();
  }

  Optional<String> dataVersion() {
    try (PreparedStatement s = c.prepareStatement("SELECT v FROM phaenthi_meta WHERE k = ?")) {
      s.setString(1, "data_version");
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading data version: " + e.getMessage(), e);
    }
  }

  void replace(Dataset ds) {
    try {
      try (Statement s = c.createStatement()) {
        for (String t :
            List.of(
                "phaenthi_area",
                "phaenthi_year",
                "phaenthi_indicator",
                "phaenthi_value",
                "phaenthi_value_set",
                "phaenthi_blob")) {
          s.execute("DELETE FROM " + t);
        }
        s.execute("DELETE FROM phaenthi_meta WHERE k <> 'schema_version'");
      }
      geometryDigest = MessageDigest.getInstance("SHA-256");
      writeAreas(ds.boundaries());
      writeIndicators(ds.indicators());
      writeValueSets(ds.indicators());
      if (d == SqlDialect.POSTGRESQL) {
        // One row per value as well, so analysts can query the values with SQL.
        writeValues(ds.indicators());
      }
      writeBlobs(ds.blobs());
      String digest = HexFormat.of().formatHex(geometryDigest.digest());
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("geometry_digest", digest);
      meta.put("imported_at", ds.importedAt().toString());
      meta.put("report", JSON.writeValueAsString(ds.report().counts()));
      meta.put("data_version", ds.dataVersion());
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO phaenthi_meta (k, v) VALUES (?, ?)")) {
        for (var e : meta.entrySet()) {
          s.setString(1, e.getKey());
          s.setString(2, e.getValue());
          s.executeUpdate();
        }
      }
      c.commit();
      reuse.remember(digest, ds.boundaries(), ds.blobs());
    } catch (SQLException
        | JsonProcessingException
        | NoSuchAlgorithmException
        | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the original failure is what matters
      }
      throw new IllegalStateException(
          "import failed and was rolled back; the previous data is intact: " + e.getMessage(), e);
    }
  }

  private void writeBlobs(Map<String, byte[]> blobs) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO phaenthi_blob (name, data) VALUES (?, ?)")) {
      for (var e : blobs.entrySet()) {
        geometryDigest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        geometryDigest.update(e.getValue());
        s.setString(1, e.getKey());
        s.setBytes(2, e.getValue());
        s.executeUpdate();
      }
    }
  }

  private void writeAreas(Boundaries b) throws SQLException {
    WKBWriter wkb = new WKBWriter(2, true);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO phaenthi_area (code, level, name_th, name_en, parent_code, "
                + d.geometryColumns
                + ") VALUES (?, ?, ?, ?, ?, "
                + d.geometryValues
                + ")")) {
      for (AdminLevel level : AdminLevel.values()) {
        for (Area a : b.areas(level)) {
          s.setString(1, a.code());
          s.setString(2, level.urlName());
          s.setString(3, a.nameTh());
          s.setString(4, a.nameEn());
          s.setString(5, a.parentCode());
          int g = 6;
          if (d == SqlDialect.POSTGRESQL) {
            s.setBoolean(g++, a.geometry() instanceof Polygon);
          }
          byte[] bytes = wkb.write(a.geometry());
          geometryDigest.update(a.code().getBytes(StandardCharsets.UTF_8));
          geometryDigest.update(bytes);
          s.setBytes(g, bytes);
          s.addBatch();
        }
        s.executeBatch();
      }
    }
  }

  private void writeIndicators(IndicatorData data) throws SQLException, JsonProcessingException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO phaenthi_indicator (ord, code, json) VALUES (?, ?, ?)")) {
      int ord = 0;
      for (Indicator i : data.indicators()) {
        s.setInt(1, ord++);
        s.setString(2, i.code());
        s.setString(3, JSON.writeValueAsString(i));
        s.addBatch();
      }
      s.executeBatch();
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO phaenthi_year (be, json) VALUES (?, ?)")) {
      for (YearInfo y : data.years().values()) {
        s.setInt(1, y.year().be());
        s.setString(2, JSON.writeValueAsString(y));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private void writeValueSets(IndicatorData data) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO phaenthi_value_set (year_be, level, indicator, data) VALUES (?, ?, ?, ?)")) {
      for (var byYear : data.all().entrySet()) {
        for (var byLevel : byYear.getValue().entrySet()) {
          for (var byIndicator : byLevel.getValue().entrySet()) {
            s.setInt(1, byYear.getKey().be());
            s.setString(2, byLevel.getKey().urlName());
            s.setString(3, byIndicator.getKey());
            s.setBytes(4, ValueSetCodec.encode(byIndicator.getValue().values()));
            s.addBatch();
          }
        }
      }
      s.executeBatch();
    }
  }

  private void writeValues(IndicatorData data) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO phaenthi_value (year_be, level, indicator, code, numerator,"
                + " denominator, val, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (var byYear : data.all().entrySet()) {
        for (var byLevel : byYear.getValue().entrySet()) {
          for (var byIndicator : byLevel.getValue().entrySet()) {
            for (IndicatorValue v : byIndicator.getValue().values()) {
              s.setInt(1, byYear.getKey().be());
              s.setString(2, byLevel.getKey().urlName());
              s.setString(3, byIndicator.getKey());
              s.setString(4, v.areaCode());
              setDouble(s, 5, v.numerator());
              setDouble(s, 6, v.denominator());
              setDouble(s, 7, v.value());
              s.setString(8, v.missingReason());
              s.addBatch();
              if (++n % 5000 == 0) {
                s.executeBatch();
              }
            }
          }
        }
      }
      s.executeBatch();
    }
  }

  private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
    if (v == null) {
      s.setNull(i, Types.DOUBLE);
    } else {
      s.setDouble(i, v);
    }
  }

  Dataset load() {
    try {
      String version =
          dataVersion().orElseThrow(() -> new IllegalStateException("the store is empty"));
      Map<String, String> meta = new HashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT k, v FROM phaenthi_meta")) {
        while (rs.next()) {
          meta.put(rs.getString(1), rs.getString(2));
        }
      }
      long t0 = System.nanoTime();
      String digest = meta.get("geometry_digest");
      boolean reused = reuse.matches(digest);
      Boundaries boundaries = reused ? reuse.boundaries() : readAreas();
      long t1 = System.nanoTime();
      IndicatorData indicators = readIndicators();
      long t2 = System.nanoTime();
      Map<String, byte[]> blobs = reused ? reuse.blobs() : readBlobs();
      if (!reused) {
        reuse.remember(digest, boundaries, blobs);
      }
      LOG.info(
          "read {}areas {} ms, indicator values {} ms, derived blobs {} ms",
          reused ? "(unchanged, kept) " : "",
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (System.nanoTime() - t2) / 1_000_000);
      Map<String, Long> report =
          JSON.readValue(meta.get("report"), new TypeReference<Map<String, Long>>() {});
      c.commit();
      return new Dataset(
          version,
          Instant.parse(meta.get("imported_at")),
          boundaries,
          indicators,
          blobs,
          new LoadReport(report));
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("reading the store: " + e.getMessage(), e);
    }
  }

  private Map<String, byte[]> readBlobs() throws SQLException {
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, data FROM phaenthi_blob ORDER BY name")) {
      while (rs.next()) {
        blobs.put(rs.getString(1), rs.getBytes(2));
      }
    }
    return blobs;
  }

  private Boundaries readAreas() throws SQLException {
    WKBReader reader = new WKBReader(new GeometryFactory(new PrecisionModel(), 4326));
    List<Area> areas = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT code, level, name_th, name_en, parent_code, "
                    + d.geometrySelect
                    + " FROM phaenthi_area ORDER BY code")) {
      while (rs.next()) {
        try {
          areas.add(
              new Area(
                  rs.getString(1),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  AdminLevel.fromUrlName(rs.getString(2)).orElseThrow(),
                  reader.read(rs.getBytes(6))));
        } catch (ParseException e) {
          throw new IllegalStateException("bad geometry for " + rs.getString(1), e);
        }
      }
    }
    return new Boundaries(areas);
  }

  private IndicatorData readIndicators() throws SQLException, JsonProcessingException {
    List<Indicator> indicators = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT json FROM phaenthi_indicator ORDER BY ord")) {
      while (rs.next()) {
        indicators.add(JSON.readValue(rs.getString(1), Indicator.class));
      }
    }
    List<YearInfo> years = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT json FROM phaenthi_year ORDER BY be")) {
      while (rs.next()) {
        years.add(JSON.readValue(rs.getString(1), YearInfo.class));
      }
    }
    Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> values =
        new HashMap<>();
    AreaIndex.Pool areas = new AreaIndex.Pool();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT year_be, level, indicator, data FROM phaenthi_value_set")) {
      while (rs.next()) {
        values
            .computeIfAbsent(new SurveyYear(rs.getInt(1)), k -> new EnumMap<>(AdminLevel.class))
            .computeIfAbsent(
                AdminLevel.fromUrlName(rs.getString(2)).orElseThrow(), k -> new HashMap<>())
            .put(rs.getString(3), ValueSetCodec.decode(rs.getBytes(4), areas));
      }
    }
    return new IndicatorData(indicators, years, values);
  }
}
