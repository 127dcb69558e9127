package org.phaenthi.boundaries.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.catalog.ValueSet;
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
  private static final long CLAIM_LOCK_KEY = 0x5048_4143_4c41_494dL; // "PHACLAIM"

  private final PostgisUrl url;

  /** Parts decoded by this instance, by id; a load reuses them (identity matters to callers). */
  private Map<String, Object> decoded = new HashMap<>();

  private final HikariDataSource pool;
  private final AdminRecords admin;
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
    try {
      PostgisMigrator.migrate(pool);
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw new IllegalStateException(
          "cannot prepare the schema in " + this.url.redacted() + ": " + rootMessage(e), e);
    }
    this.admin = new PostgisAdminRecords(pool);
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

  static Properties driverProperties(PostgisUrl url) {
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
  public Optional<Publication> current() {
    try (Connection c = pool.getConnection()) {
      return new PostgisCatalog(c).current();
    } catch (SQLException e) {
      throw unreachable("reading the current publication", e);
    }
  }

  @Override
  public List<Publication> publications() {
    try (Connection c = pool.getConnection()) {
      return new PostgisCatalog(c).publications();
    } catch (SQLException e) {
      throw unreachable("reading the publications", e);
    }
  }

  @Override
  public Dataset load(long publicationId) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      // One snapshot for every read: a publish committing mid-load must not mix publications.
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        PostgisCatalog cat = new PostgisCatalog(c);
        Publication p =
            cat.publication(publicationId)
                .orElseThrow(() -> new IllegalArgumentException("no publication " + publicationId));
        Map<String, Object> used = new HashMap<>();
        BoundarySet b = part(cat, p.boundarySet(), BoundarySet.class, used);
        List<IndicatorSet> is = new ArrayList<>();
        for (String id : p.indicatorSets()) {
          is.add(part(cat, id, IndicatorSet.class, used));
        }
        List<ValueSet> vs = new ArrayList<>();
        for (String id : p.valueSets()) {
          vs.add(part(cat, id, ValueSet.class, used));
        }
        c.commit();
        synchronized (this) {
          decoded = used;
        }
        return new Dataset(p, b, is, vs);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw unreachable("loading a publication", e);
    }
  }

  private <T> T part(PostgisCatalog cat, String id, Class<T> type, Map<String, Object> used)
      throws SQLException {
    Object o;
    synchronized (this) {
      o = decoded.get(id);
    }
    if (o == null) {
      PartCodec.Encoded e =
          cat.readPart(id)
              .orElseThrow(() -> new IllegalStateException("the store lacks part " + id));
      o = PartCodec.decode(type, e);
    }
    used.put(id, o);
    return type.cast(o);
  }

  @Override
  public Optional<BoundarySet> boundarySet(String id) {
    synchronized (this) {
      if (decoded.get(id) instanceof BoundarySet b) {
        return Optional.of(b);
      }
    }
    try (Connection c = pool.getConnection()) {
      PostgisCatalog cat = new PostgisCatalog(c);
      if (!cat.hasPart(id)) {
        return Optional.empty();
      }
      Map<String, Object> used = new HashMap<>();
      BoundarySet b = part(cat, id, BoundarySet.class, used);
      return Optional.of(b);
    } catch (SQLException e) {
      throw unreachable("reading a boundary set", e);
    }
  }

  /**
   * The pyramid is a part row of kind {@code t} whose id is the boundary set's with that letter.
   */
  @Override
  public Optional<byte[]> tilePyramid(String boundarySetId) {
    try (Connection c = pool.getConnection()) {
      return new PostgisCatalog(c)
          .readPart(pyramidId(boundarySetId))
          .map(e -> e.chunks().get("tiles"));
    } catch (SQLException e) {
      throw unreachable("reading a tile pyramid", e);
    }
  }

  @Override
  public void putTilePyramid(String boundarySetId, byte[] tiles) {
    try (Connection c = pool.getConnection()) {
      PostgisCatalog cat = new PostgisCatalog(c);
      if (!cat.hasPart(boundarySetId)) {
        throw new IllegalArgumentException("the store holds no boundary set " + boundarySetId);
      }
      cat.writeDerivedPart(
          pyramidId(boundarySetId),
          't',
          "{\"tile_pyramid_of\":\"" + boundarySetId + "\"}",
          "tiles",
          tiles);
    } catch (SQLException e) {
      throw unreachable("writing a tile pyramid", e);
    }
  }

  /** {@code b-0123…} → {@code t-0123…}: the same length, so it fits the part id column. */
  static String pyramidId(String boundarySetId) {
    return "t" + boundarySetId.substring(1);
  }

  /**
   * A session advisory lock on its own connection (not the pool's): held while the import builds
   * its parts and publishes, released when the claim is closed or the node dies.
   */
  @Override
  public Optional<ImportClaim> tryClaimImport() {
    try {
      Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl(), driverProperties(url));
      boolean claimed = false;
      try {
        claimed = tryLock(c);
      } finally {
        if (!claimed) {
          c.close(); // not claimed, or the query failed: the connection must not leak
        }
      }
      return claimed ? Optional.of(claim(c)) : Optional.empty();
    } catch (SQLException e) {
      throw unreachable("claiming the import", e);
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery("SELECT pg_try_advisory_lock(" + CLAIM_LOCK_KEY + ")")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static ImportClaim claim(Connection c) {
    return () -> {
      try {
        c.close(); // ends the session, so the lock goes with it
      } catch (SQLException e) {
        LOG.warn("closing the import claim: {}", e.getMessage());
      }
    };
  }

  @Override
  public Publication publish(Draft draft, Long republishOf) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        // Publishes from two nodes run one after the other instead of colliding on ids.
        s.execute("SELECT pg_advisory_xact_lock(" + IMPORT_LOCK_KEY + ")");
        PostgisCatalog cat = new PostgisCatalog(c);
        cat.writePart(draft.boundarySet());
        for (IndicatorSet i : draft.indicatorSets()) {
          cat.writePart(i);
        }
        for (ValueSet v : draft.valueSets()) {
          cat.writePart(v);
        }
        Publication p =
            new Publication(
                cat.nextPublicationId(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                draft.boundarySet().id(),
                draft.indicatorSets().stream().map(IndicatorSet::id).toList(),
                draft.valueSets().stream().map(ValueSet::id).toList(),
                draft.who(),
                draft.note(),
                republishOf,
                draft.source());
        cat.insertPublication(p);
        // Delivered at commit only, and dropped if the publish rolls back.
        notify.setString(1, VersionListener.CHANNEL);
        notify.setString(2, Long.toString(p.id()));
        notify.execute();
        c.commit();
        synchronized (this) {
          decoded.put(draft.boundarySet().id(), draft.boundarySet());
          draft.indicatorSets().forEach(i -> decoded.put(i.id(), i));
          draft.valueSets().forEach(v -> decoded.put(v.id(), v));
        }
        return p;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException lost) {
          // the connection is gone (its backend was ended): the server rolled back; the first
          // error says why, not the rollback's "connection is closed"
          e.addSuppressed(lost);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "publishing failed and nothing changed; the previous publication is still served: "
              + rootMessage(e),
          e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "publishing failed and nothing changed; the previous publication is still served: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void onNewVersion(Consumer<String> l) {
    listener.add(l);
  }

  @Override
  public AdminRecords adminRecords() {
    return admin;
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
