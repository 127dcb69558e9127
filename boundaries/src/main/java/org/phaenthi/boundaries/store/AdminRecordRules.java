package org.phaenthi.boundaries.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rules every {@link AdminRecords} applies the same way. */
final class AdminRecordRules {
  private AdminRecordRules() {}

  static TokenRecord checkNew(List<TokenRecord> existing, TokenRecord token) {
    if (token.revoked()) {
      throw new IllegalArgumentException("a new token cannot be revoked already");
    }
    for (TokenRecord t : existing) {
      if (t.id().equals(token.id())) {
        throw new IllegalArgumentException("a token with id " + token.id() + " exists");
      }
      if (t.name().equals(token.name()) && !t.revoked()) {
        throw new IllegalArgumentException(
            "a valid token named '" + token.name() + "' exists; revoke it first or pick a name");
      }
    }
    return token;
  }

  static TokenRecord revoked(TokenRecord t, Instant at) {
    return new TokenRecord(t.id(), t.name(), t.scope(), t.hash(), t.createdAt(), at);
  }

  /**
   * {@link AdminRecords#auditOnce}'s entry names a publication (IllegalArgumentException if not).
   */
  static AuditRecord requirePublication(AuditRecord entry) {
    if (entry.publication() == null || entry.action() == null) {
      throw new IllegalArgumentException("an entry written once names its action and publication");
    }
    return entry;
  }

  /** Whether the log holds an entry of the same action and publication as {@code entry}. */
  static boolean hasEntryLike(List<AuditRecord> log, AuditRecord entry) {
    requirePublication(entry);
    for (AuditRecord e : log) {
      if (entry.action().equals(e.action()) && entry.publication().equals(e.publication())) {
        return true;
      }
    }
    return false;
  }

  /** Entries kept oldest first, returned newest first. */
  static List<AuditRecord> newestFirst(List<AuditRecord> oldestFirst, int limit, String who) {
    List<AuditRecord> out = new ArrayList<>();
    for (int i = oldestFirst.size() - 1; i >= 0 && out.size() < limit; i--) {
      AuditRecord e = oldestFirst.get(i);
      if (who == null || who.equals(e.who())) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Keeps the cancel request of the stored record; a published or cancelled record is not replaced.
   * A failed one is: its node may validate it again with a new mapping, and a node thought dead
   * that writes again is alive, so its job is.
   */
  static JobRecord merge(JobRecord stored, JobRecord job) {
    if (stored != null && FINAL.contains(stored.phase())) {
      return stored;
    }
    return job.keepingCancelOf(stored);
  }

  static final java.util.Set<String> FINAL = java.util.Set.of("published", "cancelled");

  static boolean stale(JobRecord j, Instant heartbeatBefore) {
    return !j.ended() && j.heartbeatAt().isBefore(heartbeatBefore);
  }

  /** Newest first by creation, then by id. */
  static final java.util.Comparator<JobRecord> NEWEST_FIRST =
      java.util.Comparator.comparing(JobRecord::createdAt).thenComparing(JobRecord::id).reversed();
}
