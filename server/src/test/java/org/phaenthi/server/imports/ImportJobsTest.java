package org.phaenthi.server.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.Publication;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.imports.Overrides;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.TestServers;
import org.phaenthi.server.admin.AuditEntry;
import org.phaenthi.server.admin.MemoryAuditLog;
import org.phaenthi.server.admin.Principal;
import org.phaenthi.server.cluster.VersionFollower;

/**
 * Jobs without HTTP: a publish that fails in the store changes nothing served and fails the job; a
 * token scoped to another province gets 403 naming the province; a job that is validating when
 * cancelled never becomes ready; every upload and publish is audited.
 */
class ImportJobsTest {
  static final String FILE = "code,rate_eligible,rate_failing\n830101,200,30\n830201,50,5\n";
  static final Overrides TEST_SET =
      new Overrides(null, null, null, null, 2561, "test", null, null, null, null);

  @TempDir Path dir;
  private EmbeddedStore embedded;
  private FailingStore store;
  private LiveData live;
  private VersionFollower follower;
  private MemoryAuditLog audit;
  private ImportJobs jobs;

  @BeforeEach
  void start() {
    embedded = new EmbeddedStore(dir.resolve("store"));
    embedded.publish(TestServers.dataset().asDraft("test", "first"));
    store = new FailingStore(embedded);
    live = new LiveData(store.load());
    follower = new VersionFollower(store, live, live.claimSwap());
    audit = new MemoryAuditLog();
    jobs = new ImportJobs(store, live, follower, audit);
  }

  @AfterEach
  void stop() {
    jobs.close();
    follower.close();
    embedded.close();
  }

  @Test
  void aPublishThatFailsInTheStoreChangesNothingServed() throws Exception {
    Principal admin = new Principal("admin", Principal.ALL);
    ImportJob job =
        jobs.submit(admin, "rates.csv", FILE.getBytes(StandardCharsets.UTF_8), TEST_SET);
    waitFor(job, ImportJob.Phase.READY);
    String version = live.snapshot().version();
    store.fail = true;
    assertNull(jobs.publish(job, admin, "will fail", 5_000));
    waitFor(job, ImportJob.Phase.FAILED);
    assertTrue(job.errorEn.contains("nothing changed"), job.errorEn);
    assertEquals(version, live.snapshot().version());
    assertEquals(1, embedded.publications().size());
    // the import right was given back: the next publish of the same upload goes through
    store.fail = false;
    ImportJob again =
        jobs.submit(admin, "rates.csv", FILE.getBytes(StandardCharsets.UTF_8), TEST_SET);
    waitFor(again, ImportJob.Phase.READY);
    assertNull(jobs.publish(again, admin, "works", 5_000));
    waitFor(again, ImportJob.Phase.PUBLISHED);
    assertEquals(2, embedded.publications().size());
    List<String> actions = audit.recent(10).stream().map(AuditEntry::action).toList();
    assertEquals(List.of("publish upload", "upload", "upload"), actions);
    assertEquals(2L, audit.recent(1).get(0).rows());
    assertNotNull(audit.recent(1).get(0).sha256());
  }

  @Test
  void aTokenOfAnotherProvinceGets403() throws Exception {
    Principal phitsanulok = new Principal("phitsanulok-office", "65");
    ImportJob job =
        jobs.submit(phitsanulok, "rates.csv", FILE.getBytes(StandardCharsets.UTF_8), TEST_SET);
    waitFor(job, ImportJob.Phase.READY);
    assertTrue(job.upload.report().byKind().get("outside_scope") >= 2);
    ImportJobs.Refusal r = jobs.publish(job, phitsanulok, null, 1_000);
    assertEquals(403, r.status());
    assertEquals(1, embedded.publications().size());

    Principal phuket = new Principal("phuket-office", "83");
    ImportJob own =
        jobs.submit(phuket, "rates.csv", FILE.getBytes(StandardCharsets.UTF_8), TEST_SET);
    waitFor(own, ImportJob.Phase.READY);
    assertEquals(0, own.upload.report().errors());
    assertNull(jobs.publish(own, phuket, null, 5_000));
    waitFor(own, ImportJob.Phase.PUBLISHED);
    assertEquals("phuket-office", embedded.current().get().who());
  }

  @Test
  void aJobCancelledWhileValidatingNeverBecomesReady() throws Exception {
    StringBuilder big = new StringBuilder("code,rate_eligible,rate_failing\n");
    for (int i = 0; i < 200_000; i++) {
      big.append("830101,10,1\n");
    }
    Principal admin = new Principal("admin", Principal.ALL);
    ImportJob job =
        jobs.submit(admin, "big.csv", big.toString().getBytes(StandardCharsets.UTF_8), TEST_SET);
    assertTrue(jobs.cancel(job, admin));
    assertEquals(ImportJob.Phase.CANCELLED, job.phase);
    Thread.sleep(1_500);
    assertEquals(ImportJob.Phase.CANCELLED, job.phase);
    assertNull(job.upload);
    assertEquals(409, jobs.publish(job, admin, null, 100).status());
    assertEquals(1, embedded.publications().size());
  }

  private static void waitFor(ImportJob job, ImportJob.Phase phase) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      synchronized (job) {
        if (job.phase == phase) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("job is " + job.phase + ", not " + phase + " (" + job.errorEn + ")");
  }

  /** The embedded store, whose publish can be made to fail before anything is written. */
  static class FailingStore implements Store {
    private final Store inner;
    volatile boolean fail;

    FailingStore(Store inner) {
      this.inner = inner;
    }

    @Override
    public Optional<Publication> current() {
      return inner.current();
    }

    @Override
    public List<Publication> publications() {
      return inner.publications();
    }

    @Override
    public Dataset load(long publicationId) {
      return inner.load(publicationId);
    }

    @Override
    public Publication publish(Draft draft, Long republishOf) {
      if (fail) {
        throw new IllegalStateException("disk full (injected)");
      }
      return inner.publish(draft, republishOf);
    }

    @Override
    public Optional<BoundarySet> boundarySet(String id) {
      return inner.boundarySet(id);
    }

    @Override
    public String describe() {
      return "failing " + inner.describe();
    }

    @Override
    public void close() {}
  }
}
