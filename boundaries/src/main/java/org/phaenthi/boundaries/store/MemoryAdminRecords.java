package org.phaenthi.boundaries.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Admin records held in memory only: for stores that cannot keep them, and for tests. */
public final class MemoryAdminRecords implements AdminRecords {
  private final List<TokenRecord> tokens = new ArrayList<>();
  private final List<AuditRecord> audit = new ArrayList<>();
  private final java.util.Map<String, JobRecord> jobs = new java.util.HashMap<>();

  @Override
  public synchronized List<TokenRecord> tokens() {
    return List.copyOf(tokens);
  }

  @Override
  public synchronized void addToken(TokenRecord token) {
    tokens.add(AdminRecordRules.checkNew(tokens, token));
  }

  @Override
  public synchronized Optional<TokenRecord> revokeToken(String name, Instant at) {
    for (int i = 0; i < tokens.size(); i++) {
      TokenRecord t = tokens.get(i);
      if (t.name().equals(name) && !t.revoked()) {
        TokenRecord r = AdminRecordRules.revoked(t, at);
        tokens.set(i, r);
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void audit(AuditRecord entry) {
    audit.add(entry);
  }

  @Override
  public synchronized boolean auditOnce(AuditRecord entry) {
    AdminRecordRules.requirePublication(entry);
    if (AdminRecordRules.hasEntryLike(audit, entry)) {
      return false;
    }
    audit.add(entry);
    return true;
  }

  @Override
  public synchronized List<AuditRecord> audit(int limit, String who) {
    return AdminRecordRules.newestFirst(audit, limit, who);
  }

  @Override
  public synchronized void saveJob(JobRecord job) {
    jobs.put(job.id(), AdminRecordRules.merge(jobs.get(job.id()), job));
  }

  @Override
  public synchronized Optional<JobRecord> job(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  @Override
  public synchronized List<JobRecord> jobs(int limit) {
    return jobs.values().stream().sorted(AdminRecordRules.NEWEST_FIRST).limit(limit).toList();
  }

  @Override
  public synchronized boolean requestCancel(String id) {
    JobRecord j = jobs.get(id);
    if (j == null || j.ended()) {
      return false;
    }
    jobs.put(id, j.withCancelRequest());
    return true;
  }

  @Override
  public synchronized int interruptStale(Instant heartbeatBefore, String errorEn, String errorTh) {
    int n = 0;
    for (JobRecord j : List.copyOf(jobs.values())) {
      if (AdminRecordRules.stale(j, heartbeatBefore)) {
        jobs.put(j.id(), j.interrupted(errorEn, errorTh));
        n++;
      }
    }
    return n;
  }
}
