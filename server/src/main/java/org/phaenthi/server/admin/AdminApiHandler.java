package org.phaenthi.server.admin;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Json;
import org.phaenthi.server.Params;

/**
 * {@code GET /admin/api/whoami} and {@code GET /admin/api/audit}: who the token is, and the audit
 * log (every entry for scope {@code all}, a scoped token's own entries otherwise).
 */
public final class AdminApiHandler {
  private static final int MAX_LIMIT = 1_000;
  private final AdminAuth auth;
  private final AuditLog audit;

  public AdminApiHandler(AdminAuth auth, AuditLog audit) {
    this.auth = auth;
    this.audit = audit;
  }

  /** {@code GET /admin/api/whoami}. */
  public void whoami(Context ctx) {
    Principal p = auth.require(ctx);
    Params.onlyKnown(ctx, Set.of());
    ctx.header("Cache-Control", "no-store");
    Json.send(ctx, Json.obj("name", p.name(), "scope", p.scope()));
  }

  /** {@code GET /admin/api/audit?limit=100}. */
  public void audit(Context ctx) {
    Principal p = auth.require(ctx);
    Params.onlyKnown(ctx, Set.of("limit"));
    int limit = limit(ctx.queryParam("limit"));
    List<Map<String, Object>> entries = new ArrayList<>();
    for (AuditEntry e : audit.recent(limit, p.isAll() ? null : p.name())) {
      entries.add(
          Json.obj(
              "at", e.at().toString(),
              "who", e.who(),
              "action", e.action(),
              "file", e.file(),
              "sha256", e.sha256(),
              "rows", e.rows(),
              "publication", e.publication(),
              "detail", e.detail()));
    }
    ctx.header("Cache-Control", "no-store");
    Json.send(ctx, Json.obj("entries", entries));
  }

  static int limit(String text) {
    if (text == null) {
      return 100;
    }
    if (!text.matches("[0-9]{1,7}")) {
      throw ApiException.badRequest(
          "limit must be a number from 1 to " + MAX_LIMIT + ", not '" + text + "'");
    }
    int n = Integer.parseInt(text);
    if (n < 1 || n > MAX_LIMIT) {
      throw ApiException.badRequest("limit must be from 1 to " + MAX_LIMIT + ", not " + n);
    }
    return n;
  }
}
