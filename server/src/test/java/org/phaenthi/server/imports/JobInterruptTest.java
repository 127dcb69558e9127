package org.phaenthi.server.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.store.AdminRecords;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.boundaries.store.JobRecord;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.TestServers;
import org.phaenthi.server.admin.MemoryAuditLog;
import org.phaenthi.server.admin.Principal;
import org.phaenthi.server.cluster.VersionFollower;

/**
 * The two ends of a job that the heartbeat alone got wrong: a clean shutdown ({@link
 * ImportJobs#close}, what SIGTERM runs) saves its unfinished jobs as interrupted at once instead of
 * leaving them "validating" for {@code --import-stale-seconds}, and lets a publish under way commit
 * first; and a job whose node died between the store's commit and its save of the job reads as
 * published (the publication carries the job's mark), not interrupted. Embedded store, real admin
 * records ({@code jobs/<id>.json}).
 */
class JobInterruptTest {
  private static final Principal ADMIN = new Principal("admin", Principal.ALL);
  private static final Duration STALE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private EmbeddedStore embedded;
  private AdminRecords admin;
  private LiveData live;
  private VersionFollower follower;

  @BeforeEach
  void start() {
    embedded = new EmbeddedStore(dir.resolve("store"));
    embedded.publish(TestServers.dataset().asDraft("test", "first"));
    admin = embedded.adminRecords();
    live = new LiveData(embedded.load());
    follower = new VersionFollower(embedded, live, live.claimSwap());
  }

  @AfterEach
  void stop() {
    follower.close();
    embedded.close();
  }

  private ImportJobs jobs(ImportJobsTest.FailingStore store, String node) {
    return jobs(store, node, new MemoryAuditLog());
  }

  private ImportJobs jobs(
      ImportJobsTest.FailingStore store, String node, org.phaenthi.server.admin.AuditLog audit) {
    return new ImportJobs(
        store,
        live,
        follower,
        audit,
        new JobRecords(admin, node, () -> "http://127.0.0.1:9101", STALE));
  }

  /** A record node "dead" wrote at {@code at} and never wrote again. */
  private static JobRecord deadNodesJob(
      String id,
      String who,
      Instant at,
      String phase,
      String view,
      String errorEn,
      String errorTh) {
    return new JobRecord(id, "dead", null, who, at, phase, view, at, false, errorEn, errorTh);
  }

  /** Waits up to 5 s for the stored record of {@code id} to read published (nobody reads it). */
  private void awaitPublished(String id) throws InterruptedException {
    for (int i = 0; i < 250 && !admin.job(id).orElseThrow().phase().equals("published"); i++) {
      Thread.sleep(20);
    }
  }

  @Test
  void aCleanShutdownSavesAValidatingJobAsInterruptedAtOnce() throws Exception {
    StringBuilder big = new StringBuilder("code,rate_eligible,rate_failing\n");
    for (int i = 0; i < 400_000; i++) {
      big.append("830101,10,1\n");
    }
    ImportJobs jobs = jobs(new ImportJobsTest.FailingStore(embedded), "node-a");
    ImportJob job =
        jobs.submit(
            ADMIN,
            "big.csv",
            big.toString().getBytes(StandardCharsets.UTF_8),
            ImportJobsTest.TEST_SET);
    long t0 = System.nanoTime();
    jobs.close();
    long closeMs = (System.nanoTime() - t0) / 1_000_000;
    JobRecord r = admin.job(job.id).orElseThrow();
    assertEquals("failed", r.phase(), r.toString());
    assertEquals(JobRecords.SHUTDOWN_EN, r.errorEn());
    assertEquals(JobRecords.SHUTDOWN_TH, r.errorTh());
    assertTrue(r.errorTh().contains("ถูกขัดจังหวะ"), r.errorTh());
    // written by the shutdown itself, seconds before any other node would take the node as dead
    assertTrue(Duration.between(r.heartbeatAt(), Instant.now()).toSeconds() < 5, r.toString());
    assertTrue(closeMs < 3_000, "close took " + closeMs + " ms");
    // what the API shows for it on another node (or after a restart): failed, with the reason
    var view = ImportJson.stored(r, false);
    assertEquals("failed", view.get("phase"));
    assertEquals(1, embedded.publications().size(), "nothing published");
  }

  @Test
  void aCleanShutdownLetsAPublishUnderWayCommitAndSavesItPublished() throws Exception {
    ImportJobsTest.FailingStore slow =
        new ImportJobsTest.FailingStore(embedded) {
          @Override
          public Publication publish(Draft draft, Long republishOf) {
            try {
              Thread.sleep(1_500); // a publish that is still writing when the shutdown begins
            } catch (InterruptedException e) {
              throw new IllegalStateException("interrupted", e);
            }
            return super.publish(draft, republishOf);
          }
        };
    ImportJobs jobs = jobs(slow, "node-a");
    ImportJob job =
        jobs.submit(
            ADMIN,
            "rates.csv",
            ImportJobsTest.FILE.getBytes(StandardCharsets.UTF_8),
            ImportJobsTest.TEST_SET);
    waitFor(job, ImportJob.Phase.READY);
    assertNull(jobs.publish(job, ADMIN, "during shutdown", 0));
    assertEquals(ImportJob.Phase.PUBLISHING, job.phase);
    jobs.close();
    JobRecord r = admin.job(job.id).orElseThrow();
    assertEquals("published", r.phase(), r.toString());
    assertEquals(2, embedded.publications().size());
    assertEquals(embedded.current().orElseThrow().id(), job.publication);
  }

  @Test
  void aJobWhoseNodeDiedAfterTheCommitReadsPublishedAndOneThatDiedBeforeReadsInterrupted()
      throws Exception {
    Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
    // node "dead" wrote both jobs as publishing, then stopped writing; it committed one of them
    String view = Json.MAPPER.writeValueAsString(java.util.Map.of("phase", "publishing"));
    for (String id : List.of("committed0000001", "uncommitted00001")) {
      admin.saveJob(deadNodesJob(id, "admin", longAgo, "publishing", view, null, null));
    }
    Publication made =
        embedded.publish(
            TestServers.dataset()
                .asDraft(
                    "admin",
                    "upload rates.csv [file rates.csv, 2 rows"
                        + ImportJobs.committing("committed0000001")
                        + "]"));
    ImportJobs jobs = jobs(new ImportJobsTest.FailingStore(embedded), "node-b");
    try {
      JobRecords records = jobs.records();
      // read before any sweep: the committed one is published already
      JobRecord read = records.settle(admin.job("committed0000001").orElseThrow());
      assertEquals("published", read.phase());
      assertEquals(made.id(), Json.MAPPER.readTree(read.view()).get("publication").asLong());
      assertEquals("published", admin.job("committed0000001").orElseThrow().phase(), "saved");
      // the other one was not committed: silent, hence shown failed (interrupted)
      JobRecord other = records.settle(admin.job("uncommitted00001").orElseThrow());
      assertEquals("publishing", other.phase());
      assertTrue(records.silent(other));
      assertEquals("failed", ImportJson.stored(other, true).get("phase"));

      // the sweep marks the uncommitted one interrupted and leaves the committed one published
      admin.saveJob(
          deadNodesJob("committed0000002", "admin", longAgo, "publishing", view, null, null));
      embedded.publish(
          TestServers.dataset()
              .asDraft("admin", "upload [x" + ImportJobs.committing("committed0000002") + "]"));
      records.beat(List.of(), j -> {});
      assertEquals("failed", admin.job("uncommitted00001").orElseThrow().phase());
      assertEquals(
          JobRecords.INTERRUPTED_EN, admin.job("uncommitted00001").orElseThrow().errorEn());
      // swept as interrupted and settled in the same beat: it committed, so it is published
      assertEquals("published", admin.job("committed0000002").orElseThrow().phase());
      assertNull(admin.job("committed0000002").orElseThrow().errorEn());
    } finally {
      jobs.close();
    }
  }

  @Test
  void aRestartAfterAKillPastTheCommitPublishesTheJobAndWritesItsAuditEntryOnce() throws Exception {
    // what a kill -9 after the commit leaves: the record publishing (the embedded store marks it
    // interrupted when it opens), the publication with the job's mark, no "publish upload" entry
    Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
    String view =
        Json.MAPPER.writeValueAsString(
            java.util.Map.of(
                "phase",
                "publishing",
                "file",
                java.util.Map.of("name", "rates.csv", "sha256", "ab".repeat(32)),
                "rows",
                2,
                "report",
                java.util.Map.of(
                    "errors", 0, "warnings", 1, "by_kind", java.util.Map.of("zero", 1))));
    admin.saveJob(
        deadNodesJob("killed0000000001", "uploader", longAgo, "publishing", view, null, null));
    Publication made =
        embedded.publish(
            TestServers.dataset()
                .asDraft(
                    "publisher",
                    "upload rates.csv [file rates.csv, 2 rows"
                        + ImportJobs.committing("killed0000000001")
                        + "]"));
    assertEquals(1, admin.interruptStale(Instant.now(), JobRecord.INTERRUPTED_EN, "x"));
    assertEquals("failed", admin.job("killed0000000001").orElseThrow().phase());

    MemoryAuditLog audit = new MemoryAuditLog();
    for (int restart = 1; restart <= 2; restart++) {
      ImportJobs jobs = jobs(new ImportJobsTest.FailingStore(embedded), "node-" + restart, audit);
      try {
        awaitPublished("killed0000000001"); // nobody reads the job: the start settles it
        JobRecord r = admin.job("killed0000000001").orElseThrow();
        assertEquals("published", r.phase(), "restart " + restart + ": " + r);
        assertNull(r.errorEn());
        assertEquals(made.id(), Json.MAPPER.readTree(r.view()).get("publication").asLong());
      } finally {
        jobs.close();
      }
      List<org.phaenthi.server.admin.AuditEntry> entries =
          audit.recent(100).stream().filter(e -> e.action().equals("publish upload")).toList();
      assertEquals(1, entries.size(), "restart " + restart + ": " + entries);
      var e = entries.get(0);
      assertEquals(made.id(), e.publication());
      assertEquals("publisher", e.who());
      assertEquals("rates.csv", e.file());
      assertEquals("ab".repeat(32), e.sha256());
      assertEquals(2L, e.rows());
      assertEquals(made.publishedAt(), e.at());
      assertTrue(e.detail().startsWith("0 errors, 1 warnings {zero=1}; recorded after a restart"));
    }

    // a node stopped between the audit entry and the record's save settles again: no second entry
    admin.saveJob(
        deadNodesJob(
            "killed0000000001",
            "uploader",
            longAgo,
            "failed",
            view,
            JobRecord.INTERRUPTED_EN,
            JobRecord.INTERRUPTED_TH));
    ImportJobs jobs = jobs(new ImportJobsTest.FailingStore(embedded), "node-3", audit);
    try {
      awaitPublished("killed0000000001");
      assertEquals("published", admin.job("killed0000000001").orElseThrow().phase());
    } finally {
      jobs.close();
    }
    assertEquals(
        1,
        audit.recent(100).stream().filter(e -> e.action().equals("publish upload")).count(),
        "the entry already in the log is not written again");
  }

  private static void waitFor(ImportJob job, ImportJob.Phase phase) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      synchronized (job) {
        if (job.phase == phase) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("job is " + job.phase + ", not " + phase + " (" + job.errorEn + ")");
  }
}
