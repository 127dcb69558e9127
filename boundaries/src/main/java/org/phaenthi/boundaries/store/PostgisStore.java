package org.phaenthi.boundaries.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.phaenthi.boundaries.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store shared by any number of server nodes: PostgreSQL with PostGIS, through a small Hikari
 * pool. The schema is migrated at open ({@link PostgisMigrator}). An import runs in one transaction
 * that also sends {@code NOTIFY phaenthi_data_version}, so other nodes hear of a version only once
 * it is committed ({@link VersionListener}). A watchdog pings the database every second; {@link
 * #available()} is false while it cannot be reached.
 */
public final class PostgisStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(PostgisStore.class);
  private static final long IMPORT_LOCK_KEY = 0x5048_4149_4d50_4f52L; // "PHAIMPOR"

  private final PostgisUrl url;
  private final GeometryReuse reuse = new GeometryReuse();
  private final HikariDataSource pool;
  private final VersionListener listener;
  private final ScheduledExecutorService watchdog;
  private volatile boolean available = true;

  /**
   * Opens the store and migrates its schema.
   *
   * @param url {@code postgresql://user:pass@host:port/db} or a {@code jdbc:postgresql:} URL
   * @throws IllegalArgumentException for a malformed URL
   * @throws IllegalStateException when the database cannot be reached or migrated
   */
  public PostgisStore(String url) {
    this.url = PostgisUrl.parse(url);
    Properties props = driverProperties(this.url);
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("phaenthi-postgis");
    hc.setJdbcUrl(this.url.jdbcUrl());
    hc.setDataSourceProperties(props);
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(1);
    // Short waits: when the database is gone, requests must learn it in about a second.
    hc.setConnectionTimeout(1_500);
    hc.setValidationTimeout(1_000);
    try {
      this.pool = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot connect to " + this.url.redacted() + ": " + rootMessage(e), e);
    }
    try (Connection c = pool.getConnection()) {
      PostgisMigrator.migrate(c);
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw new IllegalStateException(
          "cannot prepare the schema in " + this.url.redacted() + ": " + rootMessage(e), e);
    }
    this.listener = new VersionListener(this.url.jdbcUrl(), props);
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "phaenthi-store-watchdog");
              t.setDaemon(true);
              return t;
            });
    watchdog.scheduleWithFixedDelay(this::ping, 1, 1, TimeUnit.SECONDS);
  }

  private static Properties driverProperties(PostgisUrl url) {
    Properties p = new Properties();
    if (url.user() != null) {
      p.setProperty("user", url.user());
    }
    if (url.password() != null) {
      p.setProperty("password", url.password());
    }
    p.setProperty("ApplicationName", "phaenthi");
    p.setProperty("reWriteBatchedInserts", "true");
    p.setProperty("connectTimeout", "2");
    p.setProperty("tcpKeepAlive", "true");
    return p;
  }

  private void ping() {
    boolean ok;
    String why = null;
    try (Connection c = pool.getConnection()) {
      ok = c.isValid(1);
    } catch (SQLException | RuntimeException e) {
      ok = false;
      why = rootMessage(e);
    }
    if (ok != available) {
      available = ok;
      if (ok) {
        LOG.info("{} is reachable again", url.redacted());
      } else {
        LOG.warn("{} is unreachable ({}); data requests answer 503", url.redacted(), why);
      }
    }
  }

  @Override
  public boolean available() {
    return available;
  }

  @Override
  public Optional<String> dataVersion() {
    try (Connection c = pool.getConnection()) {
      return new SqlDatasetCodec(c, SqlDialect.POSTGRESQL, reuse).dataVersion();
    } catch (SQLException e) {
      throw unreachable("reading the data version", e);
    }
  }

  @Override
  public Dataset load() {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      // One snapshot for all the tables: an import committing mid-load must not mix versions.
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      return new SqlDatasetCodec(c, SqlDialect.POSTGRESQL, reuse).load();
    } catch (SQLException e) {
      throw unreachable("loading the dataset", e);
    }
  }

  @Override
  public void replace(Dataset dataset) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        // Imports from two nodes run one after the other instead of colliding on keys.
        s.execute("SELECT pg_advisory_xact_lock(" + IMPORT_LOCK_KEY + ")");
        // Delivered at commit only, and dropped if the import rolls back.
        notify.setString(1, VersionListener.CHANNEL);
        notify.setString(2, dataset.dataVersion());
        notify.execute();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
      new SqlDatasetCodec(c, SqlDialect.POSTGRESQL, reuse).replace(dataset);
    } catch (SQLException e) {
      throw unreachable("importing", e);
    }
  }

  @Override
  public void onNewVersion(Consumer<String> l) {
    listener.add(l);
  }

  @Override
  public String describe() {
    return "PostGIS store " + url.redacted();
  }

  private IllegalStateException unreachable(String what, SQLException e) {
    return new IllegalStateException(
        what + " in " + url.redacted() + " failed: " + rootMessage(e), e);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void close() {
    listener.close();
    watchdog.shutdownNow();
    pool.close();
  }
}
