package org.phaenthi.server.admin;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.phaenthi.server.ApiException;

/**
 * The single shared {@code --admin-token}: one principal named {@code admin} of scope {@code all}.
 * 404 when no token is configured (admin endpoints off), 401 without a bearer token or with a wrong
 * one, compared in constant time.
 */
public final class SharedTokenAuth implements AdminAuth {
  private final byte[] token;

  /**
   * @param token the configured token, or null when admin endpoints are off
   */
  public SharedTokenAuth(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Principal require(Context ctx) {
    if (token == null) {
      throw ApiException.notFound("no such endpoint: " + ctx.path() + " (set --admin-token)");
    }
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "send 'Authorization: Bearer <admin token>'");
    }
    byte[] given = auth.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    // Constant-time, so the token cannot be guessed byte by byte from response times.
    if (!MessageDigest.isEqual(given, token)) {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw new ApiException(401, "unknown or revoked admin token");
    }
    return new Principal("admin", Principal.ALL);
  }
}
