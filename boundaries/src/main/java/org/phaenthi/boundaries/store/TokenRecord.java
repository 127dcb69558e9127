package org.phaenthi.boundaries.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One admin token as stored: never the token itself, only its public id (the prefix of the token,
 * so a lookup needs no scan of hashes) and a BCrypt hash of its secret part.
 *
 * @param id the random public part of the token, unique
 * @param name who the token is for, unique among tokens not revoked
 * @param scope {@code all} or a two-digit province code
 * @param hash the BCrypt hash of the token's secret part
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record TokenRecord(
    String id, String name, String scope, String hash, Instant createdAt, Instant revokedAt) {
  public TokenRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
