package org.phaenthi.boundaries.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The PostGIS store's admin records: tables {@code phaenthi_admin_tokens} and {@code
 * phaenthi_audit} (migration V4) and {@code phaenthi_import_jobs} (V5), shared by every node of the
 * database and by the command line. A save of a job keeps a cancel request and does not replace a
 * published or cancelled job, in one statement ({@code INSERT … ON CONFLICT DO UPDATE … WHERE}).
 */
public final class PostgisAdminRecords implements AdminRecords {
  private final DataSource db;
  private final AutoCloseable owned;

  PostgisAdminRecords(DataSource db) {
    this.db = db;
    this.owned = null;
  }

  private PostgisAdminRecords(HikariDataSource own) {
    this.db = own;
    this.owned = own;
  }

  /**
   * Opens the admin records of the database at {@code url} without the rest of the store (for the
   * command line), migrating the schema first.
   */
  public static PostgisAdminRecords open(String url) {
    PostgisUrl u = PostgisUrl.parse(url);
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("phaenthi-admin");
    hc.setJdbcUrl(u.jdbcUrl());
    hc.setDataSourceProperties(PostgisStore.driverProperties(u));
    // two: Flyway holds its lock on one connection while it migrates on another
    hc.setMaximumPoolSize(2);
    hc.setMinimumIdle(0);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot connect to " + u.redacted() + ": " + e, e);
    }
    try {
      PostgisMigrator.migrate(ds);
    } catch (SQLException | RuntimeException e) {
      ds.close();
      throw new IllegalStateException("cannot prepare the schema in " + u.redacted() + ": " + e, e);
    }
    return new PostgisAdminRecords(ds);
  }

  @Override
  public List<TokenRecord> tokens() {
    return query(
        "SELECT id, name, scope, hash, created_at, revoked_at FROM phaenthi_admin_tokens"
            + " ORDER BY created_at, id",
        null);
  }

  @Override
  public Optional<TokenRecord> token(String id) {
    return query(
            "SELECT id, name, scope, hash, created_at, revoked_at FROM phaenthi_admin_tokens"
                + " WHERE id = ?",
            id)
        .stream()
        .findFirst();
  }

  private List<TokenRecord> query(String sql, String arg) {
    try (Connection c = db.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      if (arg != null) {
        p.setString(1, arg);
      }
      List<TokenRecord> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("reading admin tokens failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void addToken(TokenRecord t) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        // the same checks as the embedded store, with the names locked against a concurrent add
        try (PreparedStatement lock =
            c.prepareStatement("LOCK TABLE phaenthi_admin_tokens IN SHARE ROW EXCLUSIVE MODE")) {
          lock.execute();
        }
        AdminRecordRules.checkNew(tokens(c), t);
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO phaenthi_admin_tokens (id, name, scope, hash, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
          p.setString(1, t.id());
          p.setString(2, t.name());
          p.setString(3, t.scope());
          p.setString(4, t.hash());
          p.setTimestamp(5, Timestamp.from(t.createdAt()));
          p.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("storing the token failed: " + e.getMessage(), e);
    }
  }

  private static List<TokenRecord> tokens(Connection c) throws SQLException {
    List<TokenRecord> out = new ArrayList<>();
    try (PreparedStatement p =
            c.prepareStatement(
                "SELECT id, name, scope, hash, created_at, revoked_at FROM phaenthi_admin_tokens");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs));
      }
    }
    return out;
  }

  @Override
  public Optional<TokenRecord> revokeToken(String name, Instant at) {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "UPDATE phaenthi_admin_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS"
                    + " NULL RETURNING id, name, scope, hash, created_at, revoked_at")) {
      p.setTimestamp(1, Timestamp.from(at));
      p.setString(2, name);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(row(rs));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("revoking the token failed: " + e.getMessage(), e);
    }
  }

  private static TokenRecord row(ResultSet rs) throws SQLException {
    Timestamp revoked = rs.getTimestamp(6);
    return new TokenRecord(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getTimestamp(5).toInstant(),
        revoked == null ? null : revoked.toInstant());
  }

  @Override
  public void audit(AuditRecord e) {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO phaenthi_audit (at, who, action, file, sha256, row_count,"
                    + " publication, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      bind(p, e);
      p.executeUpdate();
    } catch (SQLException ex) {
      throw new IllegalStateException("writing the audit log failed: " + ex.getMessage(), ex);
    }
  }

  /**
   * Serialises the writers of one publication's entry with a transaction-scoped advisory lock (two
   * nodes inserting at once would both see no entry under READ COMMITTED), then inserts only if
   * none exists; the lock is released with the transaction.
   */
  @Override
  public boolean auditOnce(AuditRecord e) {
    AdminRecordRules.requirePublication(e);
    try (Connection c = db.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
          lock.setInt(1, AUDIT_ONCE_LOCK);
          lock.setInt(2, Long.hashCode(e.publication()) ^ e.action().hashCode());
          lock.execute();
        }
        int inserted;
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO phaenthi_audit (at, who, action, file, sha256, row_count,"
                    + " publication, detail) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM phaenthi_audit WHERE action = ? AND publication = ?)")) {
          bind(p, e);
          p.setString(9, e.action());
          p.setLong(10, e.publication());
          inserted = p.executeUpdate();
        }
        c.commit();
        return inserted == 1;
      } catch (SQLException | RuntimeException ex) {
        c.rollback();
        throw ex;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException ex) {
      throw new IllegalStateException("writing the audit log failed: " + ex.getMessage(), ex);
    }
  }

  /** The first key of {@link #auditOnce}'s advisory locks ("PhAu"). */
  private static final int AUDIT_ONCE_LOCK = 0x50684175;

  /** An entry's eight columns as parameters 1–8, in the table's order. */
  private static void bind(PreparedStatement p, AuditRecord e) throws SQLException {
    p.setTimestamp(1, Timestamp.from(e.at()));
    p.setString(2, e.who());
    p.setString(3, e.action());
    p.setString(4, e.file());
    p.setString(5, e.sha256());
    setLong(p, 6, e.rows());
    setLong(p, 7, e.publication());
    p.setString(8, e.detail());
  }

  private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) {
      p.setNull(i, Types.BIGINT);
    } else {
      p.setLong(i, v);
    }
  }

  @Override
  public List<AuditRecord> audit(int limit, String who) {
    String sql =
        "SELECT at, who, action, file, sha256, row_count, publication, detail FROM phaenthi_audit"
            + (who == null ? "" : " WHERE who = ?")
            + " ORDER BY seq DESC LIMIT ?";
    try (Connection c = db.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      int i = 1;
      if (who != null) {
        p.setString(i++, who);
      }
      p.setInt(i, limit);
      List<AuditRecord> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AuditRecord(
                  rs.getTimestamp(1).toInstant(),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  (Long) rs.getObject(6),
                  (Long) rs.getObject(7),
                  rs.getString(8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the audit log failed: " + e.getMessage(), e);
    }
  }

  private static final String JOB_COLUMNS =
      "id, node, node_url, who, created_at, phase, view, heartbeat_at, cancel_requested,"
          + " error_en, error_th";

  @Override
  public void saveJob(JobRecord j) {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO phaenthi_import_jobs ("
                    + JOB_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                    + " node = EXCLUDED.node, node_url = EXCLUDED.node_url, phase = EXCLUDED.phase,"
                    + " view = EXCLUDED.view, heartbeat_at = EXCLUDED.heartbeat_at,"
                    + " cancel_requested = phaenthi_import_jobs.cancel_requested"
                    + " OR EXCLUDED.cancel_requested, error_en = EXCLUDED.error_en,"
                    + " error_th = EXCLUDED.error_th"
                    + " WHERE phaenthi_import_jobs.phase NOT IN ('published', 'cancelled')")) {
      p.setString(1, j.id());
      p.setString(2, j.node());
      p.setString(3, j.nodeUrl());
      p.setString(4, j.who());
      p.setTimestamp(5, Timestamp.from(j.createdAt()));
      p.setString(6, j.phase());
      p.setString(7, j.view());
      p.setTimestamp(8, Timestamp.from(j.heartbeatAt()));
      p.setBoolean(9, j.cancelRequested());
      p.setString(10, j.errorEn());
      p.setString(11, j.errorTh());
      p.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("storing the import job failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<JobRecord> job(String id) {
    return jobs("SELECT " + JOB_COLUMNS + " FROM phaenthi_import_jobs WHERE id = ?", id, 1).stream()
        .findFirst();
  }

  @Override
  public List<JobRecord> jobs(int limit) {
    return jobs(
        "SELECT "
            + JOB_COLUMNS
            + " FROM phaenthi_import_jobs ORDER BY created_at DESC, id DESC LIMIT ?",
        null,
        limit);
  }

  private List<JobRecord> jobs(String sql, String id, int limit) {
    try (Connection c = db.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      if (id != null) {
        p.setString(1, id);
      } else {
        p.setInt(1, limit);
      }
      List<JobRecord> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new JobRecord(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant(),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getTimestamp(8).toInstant(),
                  rs.getBoolean(9),
                  rs.getString(10),
                  rs.getString(11)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("reading import jobs failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean requestCancel(String id) {
    return update(
            "UPDATE phaenthi_import_jobs SET cancel_requested = TRUE WHERE id = ?"
                + " AND phase NOT IN ('published', 'cancelled', 'failed')",
            id)
        > 0;
  }

  @Override
  public int interruptStale(Instant heartbeatBefore, String errorEn, String errorTh) {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "UPDATE phaenthi_import_jobs SET phase = 'failed', error_en = ?, error_th = ?"
                    + " WHERE phase NOT IN ('published', 'cancelled', 'failed')"
                    + " AND heartbeat_at < ?")) {
      p.setString(1, errorEn);
      p.setString(2, errorTh);
      p.setTimestamp(3, Timestamp.from(heartbeatBefore));
      return p.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "marking interrupted import jobs failed: " + e.getMessage(), e);
    }
  }

  private int update(String sql, String id) {
    try (Connection c = db.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, id);
      return p.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("updating the import job failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
