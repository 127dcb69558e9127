package org.phaenthi.server.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phaenthi.boundaries.store.AdminRecords;
import org.phaenthi.boundaries.store.TokenRecord;
import org.phaenthi.server.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin requests authenticated by the tokens of the store ({@link Tokens}), and by the bootstrap
 * {@code --admin-token} (a principal named {@code admin} of scope {@code all}) when one is
 * configured. The stored tokens are re-read at most every {@code refresh} (2 s on a server), so a
 * token created or revoked on the command line, or through another node, counts on every node
 * within that time. A BCrypt check costs tens of milliseconds, so a token that passed it is
 * remembered by the SHA-256 of its secret together with the hash it matched; a revoked or replaced
 * record no longer matches. Every comparison of secrets is in constant time.
 *
 * <p>The admin endpoints are on (else 404) when a bootstrap token is set or the store holds a
 * token, even a revoked one (which then gets 401, not 404).
 */
public final class TokenAuth implements AdminAuth {
  private static final Logger LOG = LoggerFactory.getLogger(TokenAuth.class);
  private final byte[] bootstrapDigest;
  private final AdminRecords records;
  private final long refreshNanos;
  private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(1_000).build();
  private volatile Snapshot snapshot;

  private record Snapshot(Map<String, TokenRecord> byId, long readAtNanos) {}

  private record Verified(String hash, byte[] secretDigest) {}

  /**
   * @param bootstrapToken the configured {@code --admin-token}, or null
   * @param records the store's tokens
   * @param refresh how old the tokens read from the store may be
   */
  public TokenAuth(String bootstrapToken, AdminRecords records, Duration refresh) {
    this.bootstrapDigest = bootstrapToken == null ? null : Tokens.sha256(bootstrapToken);
    this.records = records;
    this.refreshNanos = refresh.toNanos();
  }

  @Override
  public Principal require(Context ctx) {
    Snapshot s = snapshot();
    if (bootstrapDigest == null && s.byId().isEmpty()) {
      throw ApiException.notFound(
          "no such endpoint: "
              + ctx.path()
              + " (admin is off: set --admin-token or create a token with 'admin token create')");
    }
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.length() == 7) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "send 'Authorization: Bearer <admin token>'");
    }
    return principal(auth.substring(7).trim(), s)
        .orElseThrow(
            () -> {
              ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
              return new ApiException(401, "unknown or revoked admin token");
            });
  }

  private Optional<Principal> principal(String presented, Snapshot s) {
    byte[] digest = Tokens.sha256(presented);
    // digests have one length, so the comparison leaks neither content nor length
    if (bootstrapDigest != null && MessageDigest.isEqual(digest, bootstrapDigest)) {
      return Optional.of(new Principal(Tokens.BOOTSTRAP_NAME, Principal.ALL));
    }
    Optional<Tokens.Parsed> parsed = Tokens.parse(presented);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    TokenRecord t = s.byId().get(parsed.get().id());
    if (t == null || t.revoked()) {
      return Optional.empty();
    }
    byte[] secretDigest = Tokens.sha256(parsed.get().secret());
    Verified v = verified.getIfPresent(t.id());
    boolean ok =
        v != null
            && v.hash().equals(t.hash())
            && MessageDigest.isEqual(v.secretDigest(), secretDigest);
    if (!ok && Tokens.matches(t.hash(), parsed.get().secret())) {
      verified.put(t.id(), new Verified(t.hash(), secretDigest));
      ok = true;
    }
    return ok ? Optional.of(new Principal(t.name(), t.scope())) : Optional.empty();
  }

  private Snapshot snapshot() {
    Snapshot s = snapshot;
    if (s != null && System.nanoTime() - s.readAtNanos() < refreshNanos) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s != null && System.nanoTime() - s.readAtNanos() < refreshNanos) {
        return s;
      }
      List<TokenRecord> all;
      try {
        all = records.tokens();
      } catch (RuntimeException e) {
        LOG.warn("cannot read the admin tokens: {}", e.getMessage());
        throw ApiException.unavailable("the store's admin tokens cannot be read; try again");
      }
      Map<String, TokenRecord> byId = new HashMap<>();
      for (TokenRecord t : all) {
        byId.put(t.id(), t);
      }
      snapshot = s = new Snapshot(Map.copyOf(byId), System.nanoTime());
      return s;
    }
  }
}
