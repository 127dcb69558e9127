package org.phaenthi.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.phaenthi.boundaries.store.JobRecord;
import org.phaenthi.server.Json;

/**
 * kill -9 of the server in the middle of an import, at five points: while the upload is read, 1,000
 * rows into validation, while the merged draft is built, just before the store's commit, and just
 * after it (before the job is saved as published). Each point is reached by a test-only pause
 * ({@code -Dphaenthi.test.importPause}); the child's log line "import job ID paused at POINT" and
 * the job's phase read over HTTP just before the kill ({@code reading}, {@code validating} with
 * 1,000 rows done, {@code publishing}) show where the kill landed. After each kill a new node
 * starts on the store; it serves the previous publication exactly ({@code /api/publications},
 * {@code /health} data version and a values response byte for byte) — or, after the commit, the new
 * one whole (one more publication, the job's mark in its note, its values those the same file
 * publishes again, exactly one "publish upload" audit entry for it, written by the new node before
 * anyone read the job, and still one after a second restart) — the job reads failed with the
 * interrupted message in English and Thai (or published, after the commit), and the same file
 * uploaded again publishes. Subclasses give the store.
 */
abstract class ImportKillRounds {
  static final List<String> POINTS =
      List.of("reading", "validating", "drafting", "before-commit", "after-commit");
  static final String QUERY = "&year=2561&indicator_set=bmn-2560&numerator=failing";
  static final String VALUES = "/api/values?level=subdistrict&indicator=bmn-2560:4&year=2561";

  /** Runs the rounds on {@code store}; returns a line of figures. */
  static String run(String label, String store, Path data) throws Exception {
    List<String> villages = phuketVillages();
    List<String> seen = new ArrayList<>();
    long t0 = System.nanoTime();
    ServerChild node = null;
    String token = null;
    String killedFile = null;
    String killedJob = null;
    String killedAt = null;
    Served before = null;
    try {
      for (int round = 0; round <= POINTS.size(); round++) {
        String point = round < POINTS.size() ? POINTS.get(round) : null;
        // the last node is stopped with SIGTERM in validation: the pause holds its second job there
        List<String> props =
            point == null
                ? List.of("-Dphaenthi.test.importPause=validating:60000:2")
                : List.of(
                    "-Dphaenthi.test.importPause=" + point + ":60000:" + (round == 0 ? 1 : 2));
        node = ServerChild.start(store, data, props, "--import-stale-seconds", "3");
        if (token == null) {
          token = ServerChild.token(store, "kill-test", "all");
          awaitWhoami(node, token);
        }
        if (killedJob != null) {
          Served after = Served.of(node);
          JsonNode job;
          if (killedAt.equals("after-commit")) {
            // the commit happened: the new publication, whole, and the job published
            assertEquals(before.count() + 1, after.count(), label + " " + killedAt);
            assertTrue(
                after.current().get("note").asText().endsWith("; job " + killedJob + "]"),
                after.current().toString());
            assertNotEquals(before.version(), after.version());
            // before anyone reads the job: the new node settled it (at start, or by its sweep of
            // the killed node's jobs) and wrote the audit entry the killed node did not get to
            long made = after.current().get("id").asLong();
            assertEquals(1, awaitPublishEntries(node, token, made, 15_000), label + " audit");
            job = node.awaitPhase(killedJob, token, 15_000, "published", "failed");
            assertEquals("published", job.get("phase").asText(), job.toString());
            assertEquals(made, job.get("publication").asLong());
            // a second restart finds it settled: the entry is not written again
            node.kill();
            node = ServerChild.start(store, data, props, "--import-stale-seconds", "3");
            job = node.awaitPhase(killedJob, token, 15_000, "published", "failed");
            assertEquals("published", job.get("phase").asText(), job.toString());
            Thread.sleep(2 * 1_000); // two heartbeats, time for any settle to have run
            assertEquals(1, publishEntries(node, token, made), label + " audit after a restart");
            seen.add("after-commit restarted twice (job published, 1 audit entry)");
          } else {
            assertEquals(
                before, after, label + ": kill at " + killedAt + " changed what is served");
            job = node.awaitPhase(killedJob, token, 15_000, "failed", "published");
            assertEquals("failed", job.get("phase").asText(), job.toString());
            assertEquals(JobRecord.INTERRUPTED_EN, job.get("error").get("message").asText());
            assertEquals(JobRecord.INTERRUPTED_TH, job.get("error").get("message_th").asText());
          }
          // the same file again publishes fine
          String again = node.upload(token, "again.csv", killedFile, QUERY);
          publish(node, token, again);
          Served republished = Served.of(node);
          if (killedAt.equals("after-commit")) {
            assertEquals(after.values(), republished.values(), "the killed commit was whole");
          } else {
            assertNotEquals(before.values(), republished.values(), "the file changes values");
          }
          assertEquals(after.count() + 1, republished.count());
        }
        if (point == null) {
          seen.add(terminated(node, store, token, villages));
          break;
        }
        before = Served.of(node);
        killedFile = file(villages, round);
        killedJob = node.upload(token, "round-" + round + ".csv", killedFile, QUERY);
        if (point.equals("reading") || point.equals("validating")) {
          node.await("import job " + killedJob + " paused at " + point, 30_000);
        } else {
          node.awaitPhase(killedJob, token, 30_000, "ready");
          node.post(
              "/admin/api/imports/" + killedJob + "/publish",
              token,
              "application/json",
              "{\"note\":\"killed\"}".getBytes(StandardCharsets.UTF_8));
          node.await("import job " + killedJob + " paused at " + point, 30_000);
        }
        JsonNode at = node.json("/admin/api/imports/" + killedJob, token);
        String phase = at.get("phase").asText();
        assertEquals(
            point.equals("reading") || point.equals("validating") ? point : "publishing",
            phase,
            at.toString());
        if (point.equals("validating")) {
          assertEquals(1000, at.get("progress").get("done").asInt(), at.toString());
        }
        seen.add(point + " (" + phase + progress(at) + ")");
        node.kill();
        killedAt = point;
      }
    } catch (AssertionError | RuntimeException e) {
      if (node != null && node.alive()) {
        node.threadDump();
      }
      if (node != null) {
        System.err.println(node.tail());
      }
      throw e;
    } finally {
      if (node != null) {
        node.close();
      }
    }
    return String.format(
        "%s: %d SIGKILLs, at %s; %d node starts, %d s",
        label,
        POINTS.size() + 1,
        String.join(", ", seen),
        POINTS.size() + 2,
        (System.nanoTime() - t0) / 1_000_000_000);
  }

  /**
   * SIGTERM during validation: the shutdown hook saves the job as interrupted ("shut down") before
   * the process exits, so the store's record says so at once, without a stale wait.
   */
  private static String terminated(
      ServerChild node, String store, String token, List<String> villages) throws Exception {
    String id = node.upload(token, "sigterm.csv", file(villages, 7), QUERY);
    node.await("import job " + id + " paused at validating", 30_000);
    long t0 = System.nanoTime();
    node.terminate();
    long exitMs = (System.nanoTime() - t0) / 1_000_000;
    try (var records =
        org.phaenthi.server.DataBootstrap.openAdminRecords(
            new org.phaenthi.server.Config.StoreSettings(store))) {
      JobRecord r = records.job(id).orElseThrow();
      assertEquals("failed", r.phase(), r.toString());
      assertTrue(r.errorEn().contains("was shut down before it ended"), r.errorEn());
      assertTrue(r.errorTh().contains("ถูกปิดก่อนงานเสร็จ"), r.errorTh());
    }
    return "SIGTERM in validating (exit after " + exitMs + " ms, job saved interrupted by it)";
  }

  /** The audit log's "publish upload" entries for publication {@code id}. */
  static int publishEntries(AdminHttp node, String token, long id) {
    int n = 0;
    for (JsonNode e : node.json("/admin/api/audit?limit=1000", token).get("entries")) {
      if (e.get("action").asText().equals("publish upload")
          && e.get("publication").asLong(-1) == id) {
        n++;
      }
    }
    return n;
  }

  /** {@link #publishEntries} once there is one, or after {@code timeoutMs}. */
  static int awaitPublishEntries(AdminHttp node, String token, long id, long timeoutMs)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    int n = publishEntries(node, token, id);
    while (n == 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      n = publishEntries(node, token, id);
    }
    return n;
  }

  private static String progress(JsonNode job) {
    JsonNode p = job.get("progress");
    return p == null || p.get("total").asInt() == 0
        ? ""
        : ", " + p.get("done").asInt() + " of " + p.get("total").asInt() + " rows";
  }

  static void publish(AdminHttp node, String token, String id) throws Exception {
    node.awaitPhase(id, token, 30_000, "ready");
    var r =
        node.post(
            "/admin/api/imports/" + id + "/publish",
            token,
            "application/json",
            "{\"note\":\"again\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode done = node.awaitPhase(id, token, 30_000, "published", "failed");
    assertEquals("published", done.get("phase").asText(), done.toString());
  }

  static void awaitWhoami(AdminHttp node, String token) throws InterruptedException {
    for (int i = 0; i < 100 && node.get("/admin/api/whoami", token).statusCode() != 200; i++) {
      Thread.sleep(50);
    }
    assertEquals(200, node.get("/admin/api/whoami", token).statusCode());
  }

  /** What a node serves: its publications, data version and one values response. */
  record Served(String publications, String version, String values) {
    static Served of(AdminHttp node) {
      return new Served(
          node.get("/api/publications", null).body(),
          node.json("/health", null).get("data_version").asText(),
          node.get(VALUES, null).body());
    }

    int count() {
      return tree().get("publications").size();
    }

    JsonNode current() {
      JsonNode all = tree().get("publications");
      JsonNode best = null;
      for (JsonNode p : all) {
        if (best == null || p.get("id").asLong() > best.get("id").asLong()) {
          best = p;
        }
      }
      return best;
    }

    private JsonNode tree() {
      try {
        return Json.MAPPER.readTree(publications);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * A long file of every Phuket village × the 31 indicators (5,208 rows), numerators a share of the
   * eligible that depends on the round, so each round's file changes the values.
   */
  static String file(List<String> villageRows, int round) {
    StringBuilder b = new StringBuilder("code,indicator,year,numerator,denominator\n");
    for (String row : villageRows) {
      String[] c = row.split(",");
      String code = c[0].replace("\"", "");
      for (int k = 1; k <= 31; k++) {
        String cell = c[8 + k].replace("\"", "");
        long all = cell.isEmpty() ? 0 : Long.parseLong(cell);
        if (all == 0) {
          continue;
        }
        long failing = all * ((round + k) % 9 + 1) / 10;
        b.append(code).append(",bmn-2560:").append(k).append(",2561,");
        b.append(failing).append(',').append(all).append('\n');
      }
    }
    return b.toString();
  }

  /** The rows of Phuket's villages in the shared TPMAP 2561 village file. */
  static List<String> phuketVillages() throws Exception {
    Path gz =
        org.phaenthi.server.TestServers.dataDir()
            .resolve("indicators/real/tpmap-2561/61_village_common.csv.gz");
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (l.startsWith("\"83")) {
          out.add(l);
        }
      }
    }
    return out;
  }
}
