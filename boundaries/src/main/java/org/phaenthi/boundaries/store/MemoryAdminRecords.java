package org.phaenthi.boundaries.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Admin records held in memory only: for stores that cannot keep them, and for tests. */
public final class MemoryAdminRecords implements AdminRecords {
  private final List<TokenRecord> tokens = new ArrayList<>();
  private final List<AuditRecord> audit = new ArrayList<>();

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
  public synchronized List<AuditRecord> audit(int limit, String who) {
    return AdminRecordRules.newestFirst(audit, limit, who);
  }
}
