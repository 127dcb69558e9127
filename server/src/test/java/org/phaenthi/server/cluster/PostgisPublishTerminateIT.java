package org.phaenthi.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.store.PostgisCluster;

/**
 * PostgreSQL kills the publishing backend: the test locks {@code phaenthi_publication} in its own
 * transaction, so the node's publish blocks inside its transaction (parts written, the publication
 * row not yet); the node's blocked backend is found in {@code pg_stat_activity} (waiting on a lock,
 * in this test's database only) and ended with {@code pg_terminate_backend}. The job fails with a
 * message in English and Thai that quotes no SQL, nothing served changes, the node keeps serving,
 * and the next publish works. A throwaway cluster ({@link PostgisCluster}); a stop of the whole
 * cluster is {@link PostgisFaultsIT}'s. Skips without PostGIS unless {@code
 * -Dphaenthi.requireIT=true}.
 */
class PostgisPublishTerminateIT {
  private static final String DB = "publish_terminate";
  @TempDir Path tmp;

  @Test
  void aBackendKilledMidPublishFailsTheJobAndChangesNothingServed() throws Exception {
    try (PostgisCluster cluster = PostgisCluster.startOrSkip()) {
      Path data = ClusterTestData.dataDir(tmp, "data", false);
      String url = cluster.createDatabase(DB);
      try (ClusterNode node = ClusterNode.start(url, data)) {
        AdminHttp http = AdminHttp.at(node.port());
        String token = ServerChild.token(url, "terminate-test", "all");
        ImportKillRounds.awaitWhoami(http, token);
        String file = ImportKillRounds.file(ImportKillRounds.phuketVillages(), 3);
        ImportKillRounds.Served before = ImportKillRounds.Served.of(http);
        String id = http.upload(token, "blocked.csv", file, ImportKillRounds.QUERY);
        http.awaitPhase(id, token, 30_000, "ready");

        int terminated;
        String waited;
        try (Connection lock = jdbc(cluster);
            Connection admin = jdbc(cluster)) {
          lock.setAutoCommit(false);
          try (Statement s = lock.createStatement()) {
            s.execute("LOCK TABLE phaenthi_publication IN ACCESS EXCLUSIVE MODE");
          }
          var r =
              http.post(
                  "/admin/api/imports/" + id + "/publish",
                  token,
                  "application/json",
                  "{\"note\":\"blocked\"}".getBytes(StandardCharsets.UTF_8));
          assertEquals(200, r.statusCode(), r.body());
          assertEquals(
              "publishing", http.json("/admin/api/imports/" + id, token).get("phase").asText());
          List<Integer> blocked = new ArrayList<>();
          waited = "";
          for (int i = 0; i < 200 && blocked.isEmpty(); i++) {
            try (Statement s = admin.createStatement();
                ResultSet rs =
                    s.executeQuery(
                        "SELECT pid, left(query, 60) FROM pg_stat_activity WHERE datname = '"
                            + DB
                            + "' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
              while (rs.next()) {
                blocked.add(rs.getInt(1));
                waited = rs.getString(2);
              }
            }
            if (blocked.isEmpty()) {
              Thread.sleep(50);
            }
          }
          assertEquals(1, blocked.size(), "one backend of the node waits on the lock: " + blocked);
          try (Statement s = admin.createStatement();
              ResultSet rs =
                  s.executeQuery("SELECT pg_terminate_backend(" + blocked.get(0) + ")")) {
            rs.next();
            assertTrue(rs.getBoolean(1));
            terminated = blocked.get(0);
          }
          JsonNode job = http.awaitPhase(id, token, 30_000, "failed", "published");
          lock.rollback();
          assertEquals("failed", job.get("phase").asText(), job.toString());
          String en = job.get("error").get("message").asText();
          String th = job.get("error").get("message_th").asText();
          System.out.printf(
              "PostgisPublishTerminateIT: terminated backend %d waiting in '%s…'; the job said: %s"
                  + " / %s%n",
              terminated, waited, en, th);
          assertTrue(en.startsWith("publishing failed and nothing changed"), en);
          assertTrue(th.startsWith("เผยแพร่ไม่สำเร็จ"), th);
          String lower = en.toLowerCase(Locale.ROOT);
          for (String sql : List.of("select", "insert", "update ", "phaenthi_", "lock table")) {
            assertFalse(lower.contains(sql), "the message quotes SQL ('" + sql + "'): " + en);
          }
        }
        // nothing served changed, and the node serves on
        assertEquals(before, ImportKillRounds.Served.of(http));
        assertEquals(200, http.get("/health", null).statusCode());
        assertEquals(200, http.get("/tiles/subdistrict/8/197/122.mvt", null).statusCode());
        // the next publish of the same file works
        String again = http.upload(token, "again.csv", file, ImportKillRounds.QUERY);
        ImportKillRounds.publish(http, token, again);
        ImportKillRounds.Served after = ImportKillRounds.Served.of(http);
        assertEquals(before.count() + 1, after.count());
        assertNotEquals(before.values(), after.values());
      }
    }
  }

  private static Connection jdbc(PostgisCluster cluster) throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + DB, "postgres", "");
  }
}
