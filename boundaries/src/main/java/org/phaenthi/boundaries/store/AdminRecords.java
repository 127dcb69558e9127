package org.phaenthi.boundaries.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The admin side of a store: the tokens (hashed), the audit log and the import jobs. Both stores
 * hold them (the embedded one as files next to its parts, PostGIS as tables), so every node of a
 * store reads the same tokens and jobs, and the command line can create and revoke tokens while
 * servers run.
 */
public interface AdminRecords extends AutoCloseable {

  /** Every token, revoked ones included, oldest first. */
  List<TokenRecord> tokens();

  /** The token with this public id, revoked or not. */
  default Optional<TokenRecord> token(String id) {
    return tokens().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /**
   * Stores a new token. IllegalArgumentException when its id exists or a token of that name is
   * still valid (names identify tokens for revocation).
   */
  void addToken(TokenRecord token);

  /** Revokes the valid token of this name; empty when there is none. */
  Optional<TokenRecord> revokeToken(String name, Instant at);

  /** Appends one entry to the audit log, durably. */
  void audit(AuditRecord entry);

  /**
   * Appends the entry unless the log already holds one of the same action and publication; true
   * when it was written. Atomic across every handle of the records (nodes of one PostGIS store,
   * processes of one embedded store), so two nodes settling one import job after a crash write its
   * entry once.
   *
   * @throws IllegalArgumentException when the entry names no publication
   */
  boolean auditOnce(AuditRecord entry);

  /**
   * The newest entries first, at most {@code limit}; only those of {@code who} when it is not null.
   */
  List<AuditRecord> audit(int limit, String who);

  /**
   * Creates or replaces the record of an import job; a cancel request already stored is kept, and a
   * published or cancelled job is not replaced (a failed one is: its node may validate it again).
   */
  void saveJob(JobRecord job);

  /** The job of this id. */
  Optional<JobRecord> job(String id);

  /** The newest jobs first, at most {@code limit}. */
  List<JobRecord> jobs(int limit);

  /** Asks the node running the job to stop it; false when there is no such job or it has ended. */
  boolean requestCancel(String id);

  /**
   * Marks every job not ended whose node has not written it since {@code heartbeatBefore} as
   * failed, with this error: its node died (or was killed) while it ran. Returns how many.
   */
  int interruptStale(Instant heartbeatBefore, String errorEn, String errorTh);

  @Override
  default void close() {}
}
