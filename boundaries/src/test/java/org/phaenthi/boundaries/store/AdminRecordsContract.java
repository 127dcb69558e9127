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
 * field, newest first, filtered by who.
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
}
