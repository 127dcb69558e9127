package org.phaenthi.boundaries.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-written migrator that Flyway replaced (as it was, kept for tests only): it builds the
 * databases that {@link PostgisMigrator} must take over. It brought a PostgreSQL database to the
 * schema this build expects: the SQL files under {@code db/postgis/} ({@code V<n>__<what>.sql}),
 * applied in order, each in its own transaction and recorded in {@code phaenthi_schema_migrations}.
 * An advisory lock keeps nodes that start together from migrating twice; a database migrated by a
 * newer build, or an applied file that changed, stops start-up rather than guessing.
 */
final class LegacyPostgisMigrator {
  /** Every migration, in order. A new one is appended here and added as a resource. */
  static final List<String> MIGRATIONS =
      List.of("V1__schema.sql", "V2__value_sets.sql", "V3__catalogue.sql", "V4__admin.sql");

  private static final Logger LOG = LoggerFactory.getLogger(LegacyPostgisMigrator.class);
  private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
  private static final long LOCK_KEY = 0x5048_4145_4e54_4849L; // "PHAENTHI"

  private LegacyPostgisMigrator() {}

  /** One migration file. */
  record Migration(int version, String description, String sql, String checksum) {}

  /** Applies the missing migrations; returns how many ran. */
  static int migrate(Connection c) throws SQLException {
    List<Migration> all = MIGRATIONS.stream().map(LegacyPostgisMigrator::read).toList();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).version() != i + 1) {
        throw new IllegalStateException("migrations must be numbered V1, V2, ... without gaps");
      }
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      int ran = 0;
      for (Migration m : all) {
        if (applyIfMissing(c, m, all)) {
          ran++;
        }
      }
      return ran;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static boolean applyIfMissing(Connection c, Migration m, List<Migration> all)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
      s.execute(
          "CREATE TABLE IF NOT EXISTS phaenthi_schema_migrations (version INT PRIMARY KEY,"
              + " description TEXT NOT NULL, checksum TEXT NOT NULL,"
              + " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      Map<Integer, String> applied = applied(c);
      int newest = all.get(all.size() - 1).version();
      int held = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
      if (held > newest) {
        throw new IllegalStateException(
            "the database schema is at version "
                + held
                + " but this build knows only up to "
                + newest
                + "; run a newer Phaenthi");
      }
      String sum = applied.get(m.version());
      if (sum != null) {
        c.commit();
        if (!sum.equals(m.checksum())) {
          throw new IllegalStateException(
              "migration V" + m.version() + " was changed after it was applied; restore it");
        }
        return false;
      }
      s.execute(m.sql());
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO phaenthi_schema_migrations (version, description, checksum)"
                  + " VALUES (?, ?, ?)")) {
        p.setInt(1, m.version());
        p.setString(2, m.description());
        p.setString(3, m.checksum());
        p.executeUpdate();
      }
      c.commit();
      LOG.info("applied schema migration V{} ({})", m.version(), m.description());
      return true;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  private static Map<Integer, String> applied(Connection c) throws SQLException {
    Map<Integer, String> out = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, checksum FROM phaenthi_schema_migrations")) {
      while (rs.next()) {
        out.put(rs.getInt(1), rs.getString(2));
      }
    }
    return out;
  }

  static Migration read(String file) {
    Matcher m = NAME.matcher(file);
    if (!m.matches()) {
      throw new IllegalArgumentException("migration name " + file + " is not V<n>__<what>.sql");
    }
    try (InputStream in = LegacyPostgisMigrator.class.getResourceAsStream("/db/postgis/" + file)) {
      if (in == null) {
        throw new IllegalStateException("migration db/postgis/" + file + " is not packaged");
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
      return new Migration(
          Integer.parseInt(m.group(1)), m.group(2), sql, HexFormat.of().formatHex(digest));
    } catch (IOException e) {
      throw new IllegalStateException("reading migration " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
