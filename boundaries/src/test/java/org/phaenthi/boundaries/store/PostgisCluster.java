package org.phaenthi.boundaries.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL 15 + PostGIS cluster on a free loopback port, for {@code *IT} tests:
 * {@code initdb} (as the {@code postgres} user when run as root), {@code pg_ctl start}, {@code
 * CREATE EXTENSION postgis}; {@link #close} stops it and deletes its directory. {@link #stop} and
 * {@link #start} on the same cluster simulate an outage.
 */
public final class PostgisCluster implements AutoCloseable {
  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  static final Path POSTGIS_CONTROL = Path.of("/usr/share/postgresql/15/extension/postgis.control");

  /** Ignored by the cluster (trust auth); present so tests can check it is never shown. */
  public static final String PASSWORD = "s3cret-Pw";

  private final Path dir;
  private final int port;
  private boolean running;

  private PostgisCluster(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /**
   * Starts a cluster, or skips the calling test (JUnit assumption) when PostgreSQL 15 or PostGIS is
   * not installed, unless {@code -Dphaenthi.requireIT=true}, when it fails instead.
   */
  public static PostgisCluster startOrSkip() {
    String missing = null;
    if (!Files.isExecutable(BIN.resolve("initdb"))) {
      missing = BIN.resolve("initdb") + " not found";
    } else if (!Files.isRegularFile(POSTGIS_CONTROL)) {
      missing = "the postgis extension is not installed (apt-get install postgresql-15-postgis-3)";
    }
    if (missing != null) {
      if (Boolean.getBoolean("phaenthi.requireIT")) {
        Assertions.fail("PostGIS test required but " + missing);
      }
      Assumptions.abort("skipped: " + missing);
    }
    try {
      Path dir = Files.createTempDirectory(Path.of("/tmp"), "phaenthi-pg-");
      PostgisCluster c = new PostgisCluster(dir, freePort());
      c.init();
      c.start();
      c.sql("postgres", "CREATE EXTENSION IF NOT EXISTS postgis");
      return c;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot start a PostGIS test cluster: " + e.getMessage(), e);
    }
  }

  private void init() throws IOException {
    if (asRoot()) {
      run(List.of("chown", "postgres:postgres", dir.toString()));
    }
    run(
        postgres(
            BIN.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C"));
  }

  /** Starts (or restarts after {@link #stop}) on the same port. */
  public void start() {
    run(
        postgres(
            BIN.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-o",
            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
            "-w",
            "start"));
    running = true;
  }

  /** Stops the server at once (open connections are cut), keeping its data. */
  public void stop() {
    run(
        postgres(
            BIN.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-m",
            "fast",
            "-w",
            "stop"));
    running = false;
  }

  public int port() {
    return port;
  }

  /** A {@code postgresql://} URL for a database of this cluster (with the dummy password). */
  public String url(String database) {
    return "postgresql://postgres:" + PASSWORD + "@127.0.0.1:" + port + "/" + database;
  }

  /** Creates an empty database with PostGIS, for one test's isolation; returns its URL. */
  public String createDatabase(String name) {
    try {
      sql("postgres", "CREATE DATABASE " + name);
      sql(name, "CREATE EXTENSION IF NOT EXISTS postgis");
      return url(name);
    } catch (SQLException e) {
      throw new IllegalStateException("creating database " + name + ": " + e.getMessage(), e);
    }
  }

  /** Runs statements as the superuser, for tests that need to look or break things. */
  public void sql(String database, String... statements) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
        Statement s = c.createStatement()) {
      for (String st : statements) {
        s.execute(st);
      }
    }
  }

  @Override
  public void close() {
    try {
      if (running) {
        stop();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temp dir left behind is not worth failing a test for
      }
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> postgres(String... cmd) {
    List<String> out = new ArrayList<>();
    if (asRoot()) {
      out.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    out.addAll(List.of(cmd));
    return out;
  }

  private void run(List<String> cmd) {
    try {
      Path log = Files.createTempFile("phaenthi-pg-cmd", ".log");
      try {
        Process p =
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new IllegalStateException(
              "command failed: " + String.join(" ", cmd) + "\n" + Files.readString(log));
        }
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + cmd.get(0), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
