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
}
