package org.phaenthi.boundaries.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AdminRecords} does, run against the embedded files and PostGIS: tokens are kept
 * with their hash, names are unique among valid tokens, revocation is by name and seen by a second
 * handle on the same store (another node, or the command line), and the audit log keeps every
 * field, newest first, filtered by who; an import job saved by one node is read, cancelled and,
 * when its node stops writing it, marked interrupted by another.
 */
abstract class AdminRecordsContract {
  private static final Instant T0 = Instant.parse("2026-12-02T01:00:00.123Z");

  /** A handle on the same records each time it is called (two calls = two nodes). */
  protected abstract AdminRecords open();

  private static TokenRecord token(String id, String name, String scope) {
    return new TokenRecord(id, name, scope, "$2y$10$hash-of-" + id, T0, null);
  }

  @Test
  void tokensAreStoredAndSeenByAnotherHandle() {
    try (AdminRecords a = open();
        AdminRecords b = open()) {
      assertEquals(List.of(), a.tokens());
      a.addToken(token("id1", "phitsanulok", "65"));
      a.addToken(token("id2", "national", "all"));
      List<TokenRecord> seen = b.tokens();
      assertEquals(2, seen.size());
      assertEquals(token("id1", "phitsanulok", "65"), b.token("id1").orElseThrow());
      assertEquals("all", b.token("id2").orElseThrow().scope());
      assertTrue(b.token("nope").isEmpty());
    }
  }

  @Test
  void aValidNameCannotBeTakenTwiceButARevokedOneCan() {
    try (AdminRecords a = open()) {
      a.addToken(token("id1", "office", "65"));
      assertThrows(IllegalArgumentException.class, () -> a.addToken(token("id2", "office", "66")));
      assertThrows(IllegalArgumentException.class, () -> a.addToken(token("id1", "other", "66")));
      assertEquals(1, a.tokens().size());
      Instant at = T0.plus(1, ChronoUnit.HOURS);
      TokenRecord revoked = a.revokeToken("office", at).orElseThrow();
      assertEquals(at, revoked.revokedAt());
      a.addToken(token("id3", "office", "65"));
      assertEquals(2, a.tokens().size());
    }
  }

  @Test
  void revokingIsSeenByAnotherHandle() {
    try (AdminRecords a = open();
        AdminRecords b = open()) {
      a.addToken(token("id1", "office", "65"));
      assertFalse(b.token("id1").orElseThrow().revoked());
      assertTrue(b.revokeToken("office", T0).isPresent());
      assertTrue(a.token("id1").orElseThrow().revoked());
      assertTrue(a.revokeToken("office", T0).isEmpty(), "already revoked");
      assertTrue(a.revokeToken("nobody", T0).isEmpty());
    }
  }

  @Test
  void auditKeepsEveryFieldNewestFirstAndFiltersByWho() {
    try (AdminRecords a = open();
        AdminRecords b = open()) {
      AuditRecord upload =
          new AuditRecord(T0, "office", "upload", "จปฐ65.xlsx", "ab12", 1021L, null, null);
      AuditRecord publish =
          new AuditRecord(T0.plusSeconds(5), "office", "publish", null, null, 1021L, 7L, "note");
      AuditRecord rollback =
          new AuditRecord(T0.plusSeconds(9), "admin", "rollback", null, null, null, 8L, "of 6");
      a.audit(upload);
      a.audit(publish);
      b.audit(rollback);
      assertEquals(List.of(rollback, publish, upload), a.audit(100, null));
      assertEquals(List.of(rollback, publish), b.audit(2, null));
      assertEquals(List.of(publish, upload), b.audit(100, "office"));
      assertEquals(List.of(), b.audit(100, "nobody"));
    }
  }

  /**
   * An entry written "once" is written by one of many writers on two handles at the same instant
   * (two nodes settling one job after a crash); another publication's or another action's entry is
   * not held back by it, and an entry without a publication is refused.
   */
  @Test
  void anEntryWrittenOnceIsWrittenOnceByConcurrentHandles() throws Exception {
    try (AdminRecords a = open();
        AdminRecords b = open()) {
      AuditRecord settled =
          new AuditRecord(T0, "office", "publish upload", "a.csv", "cd34", 10L, 41L, "settled");
      int writers = 8;
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(writers);
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int i = 0; i < writers; i++) {
        AdminRecords handle = i % 2 == 0 ? a : b;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return handle.auditOnce(settled);
                }));
      }
      int written = 0;
      for (java.util.concurrent.Future<Boolean> f : results) {
        written += f.get() ? 1 : 0;
      }
      pool.shutdown();
      assertEquals(1, written, "one writer wrote it");
      assertEquals(List.of(settled), a.audit(100, null));
      assertFalse(b.auditOnce(settled), "and nobody after");
      AuditRecord other =
          new AuditRecord(T0, "office", "publish upload", "b.csv", "ef56", 3L, 42L, null);
      assertTrue(b.auditOnce(other), "another publication");
      AuditRecord rollback = new AuditRecord(T0, "admin", "rollback", null, null, null, 41L, null);
      assertTrue(a.auditOnce(rollback), "another action");
      assertEquals(3, b.audit(100, null).size());
      assertThrows(
          IllegalArgumentException.class,
          () -> a.auditOnce(new AuditRecord(T0, "x", "upload", null, null, null, null, null)));
    }
  }

  private static JobRecord job(String id, String phase, Instant heartbeat) {
    return new JobRecord(
        id,
        "node-a",
        "http://10.0.0.5:8080",
        "office",
        T0,
        phase,
        "{\"id\":\"" + id + "\",\"phase\":\"" + phase + "\",\"file\":\"จปฐ.csv\"}",
        heartbeat,
        false,
        null,
        null);
  }

  @Test
  void aJobSavedByOneNodeIsReadAndCancelledByAnother() {
    try (AdminRecords a = open();
        AdminRecords b = open()) {
      assertTrue(b.job("j1").isEmpty());
      JobRecord validating = job("j1", "validating", T0);
      a.saveJob(validating);
      assertEquals(validating, b.job("j1").orElseThrow());
      JobRecord ready = job("j1", "ready", T0.plusSeconds(2));
      a.saveJob(ready);
      assertEquals("ready", b.job("j1").orElseThrow().phase());
      assertTrue(b.job("j1").orElseThrow().view().contains("จปฐ.csv"));

      assertTrue(b.requestCancel("j1"));
      assertFalse(b.requestCancel("nope"));
      // node A's next progress save does not wipe B's request
      a.saveJob(job("j1", "ready", T0.plusSeconds(4)));
      JobRecord seen = a.job("j1").orElseThrow();
      assertTrue(seen.cancelRequested());
      assertEquals(T0.plusSeconds(4), seen.heartbeatAt());

      a.saveJob(job("j1", "cancelled", T0.plusSeconds(5)));
      assertFalse(b.requestCancel("j1"), "an ended job cannot be cancelled again");
      // an ended job stays ended: a late save from a stalled node does not revive it
      a.saveJob(job("j1", "validating", T0.plusSeconds(6)));
      assertEquals("cancelled", b.job("j1").orElseThrow().phase());
    }
  }

  @Test
  void jobsAreListedNewestFirst() {
    try (AdminRecords a = open()) {
      for (int i = 0; i < 3; i++) {
        JobRecord j = job("j" + i, "ready", T0);
        a.saveJob(
            new JobRecord(
                j.id(),
                j.node(),
                j.nodeUrl(),
                j.who(),
                T0.plusSeconds(i),
                j.phase(),
                j.view(),
                j.heartbeatAt(),
                false,
                null,
                null));
      }
      assertEquals(List.of("j2", "j1", "j0"), a.jobs(10).stream().map(JobRecord::id).toList());
      assertEquals(List.of("j2", "j1"), a.jobs(2).stream().map(JobRecord::id).toList());
    }
  }

  @Test
  void jobsOfANodeThatStoppedWritingAreMarkedInterrupted() {
    try (AdminRecords a = open();
        AdminRecords b = open()) {
      a.saveJob(job("dead", "publishing", T0));
      a.saveJob(job("alive", "validating", T0.plusSeconds(30)));
      a.saveJob(job("done", "published", T0));
      assertEquals(1, b.interruptStale(T0.plusSeconds(10), "interrupted", "ถูกขัดจังหวะ"));
      JobRecord dead = a.job("dead").orElseThrow();
      assertEquals("failed", dead.phase());
      assertEquals("interrupted", dead.errorEn());
      assertEquals("ถูกขัดจังหวะ", dead.errorTh());
      assertEquals("validating", a.job("alive").orElseThrow().phase());
      assertEquals("published", a.job("done").orElseThrow().phase());
      assertEquals(0, b.interruptStale(T0.plusSeconds(10), "interrupted", "ถูกขัดจังหวะ"));
    }
  }
}
