package org.phaenthi.boundaries.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.Dataset;

/**
 * The store contract against PostGIS in a throwaway cluster (one database per test), plus what only
 * a shared store does: schema migrations, the spatial table, notifications after commit.
 */
class PostgisStoreContractIT extends StoreContract {
  private static final AtomicInteger DB = new AtomicInteger();
  private static PostgisCluster cluster;
  private String url;
  private String database;

  @BeforeAll
  static void startCluster() {
    cluster = PostgisCluster.startOrSkip();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void newDatabase() {
    database = "contract_" + DB.incrementAndGet();
    url = cluster.createDatabase(database);
  }

  @Override
  protected Store open() {
    return new PostgisStore(url);
  }

  @Override
  protected String secret() {
    return PostgisCluster.PASSWORD;
  }

  @Test
  void migrationsAreRecordedAndRunOnce() throws Exception {
    try (Store s = open()) {
      assertEquals(Optional.empty(), s.dataVersion());
    }
    try (Store s = open();
        Connection c = jdbc();
        Statement st = c.createStatement()) {
      assertEquals(
          List.of("1 schema", "2 value sets", "3 catalogue", "4 admin"), history(st).subList(0, 4));
      assertEquals(history(st).size(), Set.copyOf(history(st)).size(), "each applied once");
      ResultSet rs = st.executeQuery("SELECT to_regclass('phaenthi_schema_migrations') IS NULL");
      assertTrue(rs.next() && rs.getBoolean(1), "a fresh database has no table of the old one");
    }
  }

  /** Flyway's history: "version description" of each successful migration, in order. */
  private static List<String> history(Statement st) throws SQLException {
    List<String> out = new ArrayList<>();
    ResultSet rs =
        st.executeQuery(
            "SELECT version, description, success, type FROM phaenthi_schema_history"
                + " WHERE version IS NOT NULL ORDER BY installed_rank");
    while (rs.next()) {
      assertTrue(rs.getBoolean(3), "migration " + rs.getString(1) + " succeeded");
      out.add(
          rs.getString(1)
              + " "
              + rs.getString(2)
              + ("BASELINE".equals(rs.getString(4)) ? " (baseline)" : ""));
    }
    return out;
  }

  @Test
  void aDatabaseOfTheOldMigratorIsTakenOverWithoutLoss() throws Exception {
    try (Connection c = jdbc()) {
      assertEquals(4, LegacyPostgisMigrator.migrate(c));
    }
    try (Connection c = jdbc();
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO phaenthi_admin_tokens (id, name, scope, hash, created_at)"
              + " VALUES ('t1', 'kept', 'publish', 'h', now())");
    }
    Dataset v1 = TestDatasets.first("v1-aaaa");
    try (Store s = open()) {
      s.publish(v1.asDraft("test", "after the upgrade"));
    }
    try (Store s = open();
        Connection c = jdbc();
        Statement st = c.createStatement()) {
      TestDatasets.assertSame(v1, s.load());
      List<String> h = history(st);
      assertEquals(
          "4 migrated by PostgisMigrator before Flyway (baseline)", h.get(0), h.toString());
      assertFalse(
          h.stream().anyMatch(r -> r.matches("[1-4] .*") && !r.endsWith("(baseline)")),
          "V1–V4 are not run again: " + h);
      ResultSet rs = st.executeQuery("SELECT name FROM phaenthi_admin_tokens WHERE id = 't1'");
      assertTrue(rs.next(), "the token made before Flyway is kept");
      assertEquals("kept", rs.getString(1));
      rs = st.executeQuery("SELECT count(*) FROM phaenthi_schema_migrations");
      assertTrue(rs.next());
      assertEquals(4, rs.getInt(1), "the old table is left as it was");
    }
  }

  @Test
  void anOldDatabaseWithAChangedOrUnknownMigrationIsRefused() throws Exception {
    try (Connection c = jdbc()) {
      LegacyPostgisMigrator.migrate(c);
    }
    try (Connection c = jdbc();
        Statement st = c.createStatement()) {
      st.execute("UPDATE phaenthi_schema_migrations SET checksum = 'x' WHERE version = 2");
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, this::open);
    assertTrue(e.getMessage().contains("V2__value_sets.sql was changed"), e.getMessage());
    try (Connection c = jdbc();
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO phaenthi_schema_migrations (version, description, checksum)"
              + " VALUES (99, 'future', 'y')");
      st.execute(
          "UPDATE phaenthi_schema_migrations SET checksum = '"
              + PostgisMigrator.sha256("V2__value_sets.sql")
              + "' WHERE version = 2");
    }
    e = assertThrows(IllegalStateException.class, this::open);
    assertTrue(e.getMessage().contains("run a newer Phaenthi"), e.getMessage());
  }

  @Test
  void aDatabaseMigratedByANewerBuildIsRefused() throws Exception {
    try (Store s = open()) {
      assertEquals(Optional.empty(), s.dataVersion());
    }
    try (Connection c = jdbc();
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO phaenthi_schema_history (installed_rank, version, description, type,"
              + " script, checksum, installed_by, execution_time, success) VALUES (99, '99',"
              + " 'future', 'SQL', 'V99__future.sql', 1, 'test', 1, true)");
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, this::open);
    assertTrue(e.getMessage().contains("99"), e.getMessage());
  }

  @Test
  void nodesStartingTogetherMigrateOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> opened = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        opened.add(
            pool.submit(
                () -> {
                  open().close();
                  return null;
                }));
      }
      for (Future<?> f : opened) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = jdbc();
        Statement st = c.createStatement()) {
      List<String> h = history(st);
      assertEquals(h.size(), Set.copyOf(h).size(), "each migration once: " + h);
      assertEquals("1 schema", h.get(0));
    }
  }

  @Test
  void areasAreInASpatialTableWithAGistIndex() throws Exception {
    try (Store s = open()) {
      s.publish(TestDatasets.first("v1").asDraft("test", "spatial"));
    }
    try (Connection c = jdbc();
        Statement st = c.createStatement()) {
      ResultSet rs =
          st.executeQuery(
              "SELECT type, srid FROM geometry_columns WHERE f_table_name = 'phaenthi_area'");
      assertTrue(rs.next());
      assertEquals("MULTIPOLYGON", rs.getString(1));
      assertEquals(4326, rs.getInt(2));
      rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'phaenthi_area'");
      StringBuilder defs = new StringBuilder();
      while (rs.next()) {
        defs.append(rs.getString(1)).append('\n');
      }
      assertTrue(defs.toString().contains("USING gist (geom)"), defs.toString());
      // The spatial column answers spatial SQL: Phuket town (98.39 E, 7.88 N) is in 8301.
      rs =
          st.executeQuery(
              "SELECT code FROM phaenthi_current_area WHERE level = 'district' AND ST_Intersects(geom,"
                  + " ST_SetSRID(ST_MakePoint(98.39, 7.88), 4326))");
      assertTrue(rs.next());
      assertEquals("8301", rs.getString(1));
    }
  }

  @Test
  void otherStoresHearOfACommittedImportOnly() throws Exception {
    try (Store importer = open();
        Store follower = open()) {
      BlockingQueue<String> heard = new LinkedBlockingQueue<>();
      follower.onNewVersion(heard::add);
      // On connecting, the follower reports what the store holds: nothing yet, so no call.
      assertEquals(null, heard.poll(500, TimeUnit.MILLISECONDS));
      long t0 = System.nanoTime();
      importer.publish(TestDatasets.second("v2-notify").asDraft("test", "notify"));
      assertEquals("1", heard.poll(5, TimeUnit.SECONDS), "the new publication's id");
      System.out.printf(
          "notification arrived %d ms after the import call began%n",
          (System.nanoTime() - t0) / 1_000_000);
      Dataset broken = TestDatasets.second("v3-rolled-back");
      var bad =
          new org.phaenthi.boundaries.catalog.Draft(
              broken.boundarySet(),
              broken.indicatorSets(),
              List.of(
                  new org.phaenthi.boundaries.catalog.ValueSet(
                      "v-eeeeeeeeeeeeeeee",
                      broken.indicatorSets().get(0).id(),
                      broken.valueSets().get(0).year(),
                      java.time.Instant.now(),
                      java.util.Map.of(
                          org.phaenthi.boundaries.AdminLevel.DISTRICT,
                          java.util.Map.of("y".repeat(90), java.util.Map.of())),
                      java.util.Map.of())),
              "test",
              "fails",
              null);
      assertThrows(IllegalStateException.class, () -> importer.publish(bad));
      assertEquals(null, heard.poll(1, TimeUnit.SECONDS), "a rolled-back import is not announced");
    }
  }

  @Test
  void oneImportAtATimeAcrossNodes() {
    try (Store a = open();
        Store b = open()) {
      Optional<Store.ImportClaim> first = a.tryClaimImport();
      assertTrue(first.isPresent());
      assertTrue(b.tryClaimImport().isEmpty(), "node B is told an import runs");
      assertTrue(a.tryClaimImport().isEmpty(), "a second import on node A too");
      first.get().close();
      Optional<Store.ImportClaim> next = b.tryClaimImport();
      assertTrue(next.isPresent(), "free again once the first import ends");
      next.get().close();
    }
  }

  @Test
  void malformedUrlIsABadArgumentAndHidesThePassword() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PostgisStore("mysql://u:pw@h/db"));
    assertFalse(e.getMessage().contains(":pw@"), e.getMessage());
    IllegalStateException down =
        assertThrows(
            IllegalStateException.class,
            () -> new PostgisStore("postgresql://u:topsecret@127.0.0.1:1/db"));
    assertFalse(down.getMessage().contains("topsecret"), down.getMessage());
  }

  private Connection jdbc() throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + database, "postgres", "");
  }
}
