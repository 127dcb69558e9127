package org.phaenthi.server.admin;

import io.javalin.http.Context;

/**
 * Authenticates an admin request. Every {@code /admin/...} handler calls {@link #require} first;
 * rights inside the scope (which rows, whether the action needs {@code all}) are checked by the
 * handler with {@link Principal#covers} and {@link #requireAll}.
 */
public interface AdminAuth {
  /**
   * The principal of this request's bearer token. Throws {@code ApiException} 401 (with {@code
   * WWW-Authenticate: Bearer}) without a token or with an unknown or revoked one, 404 when admin
   * endpoints are switched off on this node.
   */
  Principal require(Context ctx);

  /** As {@link #require}, and 403 unless the token's scope is {@code all}. */
  default Principal requireAll(Context ctx) {
    Principal p = require(ctx);
    if (!p.isAll()) {
      throw new org.phaenthi.server.ApiException(
          403, "this needs a token of scope 'all'; '" + p.name() + "' is scoped to " + p.scope());
    }
    return p;
  }
}
