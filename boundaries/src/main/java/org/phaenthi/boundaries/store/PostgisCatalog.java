package org.phaenthi.boundaries.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.io.WKBWriter;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.IndicatorValue;

/**
 * The catalogue's SQL on one PostgreSQL connection (schema {@code V3__catalogue.sql}): parts as a
 * header row plus chunk rows (the same encoding as the embedded store's files), areas and values
 * also as plain rows for SQL users, and the publication history. The caller owns the transaction.
 */
final class PostgisCatalog {
  private final Connection c;

  PostgisCatalog(Connection c) {
    this.c = c;
  }

  List<Publication> publications() throws SQLException {
    List<Publication> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT json FROM phaenthi_publication ORDER BY id")) {
      while (rs.next()) {
        out.add(PartCodec.read(rs.getString(1), PublicationJson.class).publication());
      }
    }
    return out;
  }

  Optional<Publication> current() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT json FROM phaenthi_publication ORDER BY id DESC LIMIT 1")) {
      return rs.next()
          ? Optional.of(PartCodec.read(rs.getString(1), PublicationJson.class).publication())
          : Optional.empty();
    }
  }

  Optional<Publication> publication(long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT json FROM phaenthi_publication WHERE id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(PartCodec.read(rs.getString(1), PublicationJson.class).publication())
            : Optional.empty();
      }
    }
  }

  boolean hasPart(String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM phaenthi_part WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  Optional<PartCodec.Encoded> readPart(String id) throws SQLException {
    String header;
    try (PreparedStatement s =
        c.prepareStatement("SELECT header FROM phaenthi_part WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        header = rs.getString(1);
      }
    }
    Map<String, byte[]> chunks = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT name, data FROM phaenthi_part_chunk WHERE part_id = ? ORDER BY ord")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          chunks.put(rs.getString(1), rs.getBytes(2));
        }
      }
    }
    return Optional.of(new PartCodec.Encoded(id, header, chunks));
  }

  /**
   * Writes a part derived from another (one chunk, no SQL rows), in one transaction, replacing one
   * of that id written before (by this node, or another at the same time: the last one wins, and a
   * reader sees one chunk or the other, as the chunk is one row).
   */
  void writeDerivedPart(String id, char kind, String header, String chunk, byte[] data)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO phaenthi_part (id, kind, header) VALUES (?, ?, ?)"
                  + " ON CONFLICT (id) DO UPDATE SET header = EXCLUDED.header")) {
        s.setString(1, id);
        s.setString(2, String.valueOf(kind));
        s.setString(3, header);
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO phaenthi_part_chunk (part_id, ord, name, data) VALUES (?, 0, ?, ?)"
                  + " ON CONFLICT (part_id, ord) DO UPDATE SET name = EXCLUDED.name,"
                  + " data = EXCLUDED.data")) {
        s.setString(1, id);
        s.setString(2, chunk);
        s.setBytes(3, data);
        s.executeUpdate();
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Writes a part that is not held yet, with its SQL-friendly rows. */
  void writePart(Object part) throws SQLException {
    PartCodec.Encoded e;
    char kind;
    if (part instanceof BoundarySet b) {
      e = PartCodec.encode(b);
      kind = 'b';
    } else if (part instanceof IndicatorSet s) {
      e = PartCodec.encode(s);
      kind = 'i';
    } else {
      e = PartCodec.encode((ValueSet) part);
      kind = 'v';
    }
    if (hasPart(e.id())) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO phaenthi_part (id, kind, header) VALUES (?, ?, ?)")) {
      s.setString(1, e.id());
      s.setString(2, String.valueOf(kind));
      s.setString(3, e.header());
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO phaenthi_part_chunk (part_id, ord, name, data) VALUES (?, ?, ?, ?)")) {
      int ord = 0;
      for (var chunk : e.chunks().entrySet()) {
        s.setString(1, e.id());
        s.setInt(2, ord++);
        s.setString(3, chunk.getKey());
        s.setBytes(4, chunk.getValue());
        s.addBatch();
        if (ord % 64 == 0) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
    if (part instanceof BoundarySet b) {
      writeAreas(b);
    } else if (part instanceof ValueSet v) {
      writeValues(v);
    }
  }

  private void writeAreas(BoundarySet b) throws SQLException {
    WKBWriter wkb = new WKBWriter(2, true);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO phaenthi_area (boundary_set, code, level, name_th, name_en, parent_code,"
                + " geom) VALUES (?, ?, ?, ?, ?, ?, ST_Multi(ST_GeomFromWKB(?, 4326)))")) {
      int n = 0;
      for (AdminLevel level : b.boundaries().levels()) {
        for (Area a : b.boundaries().areas(level)) {
          s.setString(1, b.id());
          s.setString(2, a.code());
          s.setString(3, level.urlName());
          s.setString(4, a.nameTh());
          s.setString(5, a.nameEn());
          s.setString(6, a.parentCode());
          if (a.geometry() == null) {
            s.setNull(7, java.sql.Types.BINARY); // a level without geometry: values only
          } else {
            s.setBytes(7, wkb.write(a.geometry()));
          }
          s.addBatch();
          if (++n % 1000 == 0) {
            s.executeBatch();
          }
        }
      }
      s.executeBatch();
    }
  }

  private void writeValues(ValueSet v) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO phaenthi_value (value_set, year_be, level, indicator, code, numerator,"
                + " denominator, val, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (var byLevel : v.values().entrySet()) {
        if (!byLevel.getKey().hasGeometry()) {
          // values-only levels (84,090 villages × 80 indicators = 6.7 M rows a year) stay in the
          // part's chunks only: ten times the rows of the other levels, written on every publish
          continue;
        }
        for (var byIndicator : byLevel.getValue().entrySet()) {
          for (IndicatorValue x : byIndicator.getValue().values()) {
            s.setString(1, v.id());
            s.setInt(2, v.year().year().be());
            s.setString(3, byLevel.getKey().urlName());
            s.setString(4, byIndicator.getKey());
            s.setString(5, x.areaCode());
            setDouble(s, 6, x.numerator());
            setDouble(s, 7, x.denominator());
            setDouble(s, 8, x.value());
            s.setString(9, x.missingReason());
            s.addBatch();
            if (++n % 5000 == 0) {
              s.executeBatch();
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

  void insertPublication(Publication p) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO phaenthi_publication (id, published_at, json) VALUES (?, ?, ?)")) {
      s.setLong(1, p.id());
      s.setTimestamp(2, Timestamp.from(p.publishedAt()));
      s.setString(3, PartCodec.json(PublicationJson.of(p)));
      s.executeUpdate();
    }
  }

  long nextPublicationId() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM phaenthi_publication")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
