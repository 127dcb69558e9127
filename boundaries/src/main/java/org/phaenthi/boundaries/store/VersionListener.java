package org.phaenthi.boundaries.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code NOTIFY phaenthi_data_version} on one dedicated connection (not from the pool: it
 * is held for the life of the process). After every (re)connect it reports the version the store
 * holds, so a version imported while this node was cut off is picked up too; listeners therefore
 * must ignore a version they already serve.
 */
final class VersionListener implements AutoCloseable {
  static final String CHANNEL = "phaenthi_data_version";
  private static final Logger LOG = LoggerFactory.getLogger(VersionListener.class);
  private static final int POLL_MILLIS = 250;
  private static final int CHECK_EVERY_MILLIS = 5_000;
  private static final int RETRY_MILLIS = 500;

  private final String jdbcUrl;
  private final Properties props;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile Connection connection;

  VersionListener(String jdbcUrl, Properties props) {
    this.jdbcUrl = jdbcUrl;
    this.props = props;
    this.thread = new Thread(this::run, "phaenthi-version-listener");
    thread.setDaemon(true);
  }

  synchronized void add(Consumer<String> listener) {
    listeners.add(listener);
    if (!thread.isAlive() && !closed) {
      thread.start();
    }
  }

  private void run() {
    boolean wasDown = false;
    while (!closed) {
      try (Connection c = DriverManager.getConnection(jdbcUrl, props)) {
        connection = c;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        if (wasDown) {
          LOG.info("listening for new data versions again");
          wasDown = false;
        }
        fire(heldVersion(c));
        poll(c);
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          break;
        }
        if (!wasDown) {
          LOG.warn("lost the notification connection ({}); retrying", e.getMessage());
          wasDown = true;
        }
        sleep(RETRY_MILLIS);
      } finally {
        connection = null;
      }
    }
  }

  private static String heldVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(id) FROM phaenthi_publication")) {
      return rs.next() && rs.getObject(1) != null ? Long.toString(rs.getLong(1)) : null;
    }
  }

  private void poll(Connection c) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    long lastCheck = System.nanoTime();
    while (!closed) {
      PGNotification[] notes = pg.getNotifications(POLL_MILLIS);
      if (notes != null && notes.length > 0) {
        // Only the newest matters: a node serves the newest publication.
        fire(notes[notes.length - 1].getParameter());
      }
      if (System.nanoTime() - lastCheck > CHECK_EVERY_MILLIS * 1_000_000L) {
        // A half-open TCP connection never errors on its own; ask.
        if (!c.isValid(2)) {
          throw new SQLException("notification connection is no longer valid");
        }
        lastCheck = System.nanoTime();
      }
    }
  }

  private void fire(String version) {
    if (version == null || version.isEmpty()) {
      return;
    }
    for (Consumer<String> l : listeners) {
      try {
        l.accept(version);
      } catch (RuntimeException e) {
        LOG.error("new-version listener failed for {}", version, e);
      }
    }
  }

  private static void sleep(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    thread.interrupt();
  }
}
