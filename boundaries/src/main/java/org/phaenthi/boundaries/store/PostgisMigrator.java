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
import java.util.HexFormat;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a PostgreSQL database to the schema this build expects with Flyway: the SQL files under
 * {@code db/postgis/} ({@code V<n>__<what>.sql}), applied in order, each in its own transaction and
 * recorded in {@code phaenthi_schema_history}. Flyway's PostgreSQL advisory lock keeps nodes that
 * start together from migrating twice; a database migrated by a newer build, or an applied file
 * that changed, stops start-up rather than guessing.
 *
 * <p>A database migrated by the hand-written migrator of earlier builds has {@code
 * phaenthi_schema_migrations} (version, SHA-256 of the file) instead. Its files are checked against
 * this build's and Flyway is baselined at its newest version, so the later files run and nothing is
 * applied twice; the old table is left as it was.
 */
final class PostgisMigrator {
  static final String LOCATION = "classpath:db/postgis";
  static final String HISTORY = "phaenthi_schema_history";
  static final String LEGACY_HISTORY = "phaenthi_schema_migrations";

  private static final Logger LOG = LoggerFactory.getLogger(PostgisMigrator.class);

  private PostgisMigrator() {}

  /** Applies the missing migrations; returns how many ran. */
  static int migrate(DataSource ds) throws SQLException {
    FluentConfiguration conf =
        Flyway.configure(PostgisMigrator.class.getClassLoader())
            .dataSource(ds)
            .locations(LOCATION)
            .table(HISTORY)
            // a database migrated further than this build knows is refused, not ignored
            .ignoreMigrationPatterns("")
            .validateMigrationNaming(true)
            .cleanDisabled(true);
    Integer legacy = legacyVersion(ds);
    if (legacy != null) {
      // only ever used when the history table is missing: the database was migrated by the old
      // migrator up to this version (and checked above), so Flyway starts after it
      conf.baselineOnMigrate(true)
          .baselineVersion(Integer.toString(legacy))
          .baselineDescription("migrated by PostgisMigrator before Flyway");
    }
    try {
      MigrateResult r = conf.load().migrate();
      if (r.migrationsExecuted > 0) {
        LOG.info(
            "applied {} schema migration(s); schema at version {}",
            r.migrationsExecuted,
            r.targetSchemaVersion);
      }
      return r.migrationsExecuted;
    } catch (FlywayException e) {
      throw new IllegalStateException("schema migration: " + e.getMessage(), e);
    }
  }

  /**
   * The newest version in the old migrator's table when this database has one and no Flyway history
   * yet, after checking each applied file against this build's; null otherwise.
   */
  static Integer legacyVersion(DataSource ds) throws SQLException {
    TreeMap<Integer, String> applied = new TreeMap<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      if (!exists(s, HISTORY) && exists(s, LEGACY_HISTORY)) {
        try (ResultSet rs =
            s.executeQuery("SELECT version, description, checksum FROM " + LEGACY_HISTORY)) {
          while (rs.next()) {
            applied.put(rs.getInt(1), "V" + rs.getInt(1) + "__" + rs.getString(2) + ".sql");
            String file = applied.get(rs.getInt(1));
            String sum = sha256(file);
            if (sum == null) {
              throw new IllegalStateException(
                  "the database schema has migration "
                      + file
                      + " that this build does not know; run a newer Phaenthi");
            }
            if (!sum.equals(rs.getString(3))) {
              throw new IllegalStateException(
                  "migration " + file + " was changed after it was applied; restore it");
            }
          }
        }
      }
    }
    if (applied.isEmpty()) {
      return null;
    }
    int newest = applied.lastKey();
    if (applied.size() != newest) {
      throw new IllegalStateException(
          "the old migration table " + LEGACY_HISTORY + " has gaps: " + applied.keySet());
    }
    return newest;
  }

  private static boolean exists(Statement s, String table) throws SQLException {
    try (PreparedStatement p =
        s.getConnection().prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      p.setString(1, table);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * SHA-256 (hex) of a packaged migration file, as the old migrator recorded it; null if absent.
   */
  static String sha256(String file) {
    try (InputStream in = PostgisMigrator.class.getResourceAsStream("/db/postgis/" + file)) {
      if (in == null) {
        return null;
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (IOException e) {
      throw new IllegalStateException("reading migration " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
