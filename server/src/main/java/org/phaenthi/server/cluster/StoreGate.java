package org.phaenthi.server.cluster;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Json;

/**
 * Before every request: while the store is unreachable, data requests ({@code /api/*}, {@code
 * /ogc/collections*}) answer 503 with a JSON message and {@code /health} and {@code /health/ready}
 * answer 503 {@code "degraded"} (not ready). Tiles are left to their handler, which may still
 * answer from its cache; static files and the admin API pass.
 */
public final class StoreGate implements Handler {
  private final StoreHealth health;

  public StoreGate(StoreHealth health) {
    this.health = health;
  }

  @Override
  public void handle(Context ctx) {
    if (health.available()) {
      return;
    }
    String path = ctx.path();
    if (path.equals("/health") || path.equals("/health/ready")) {
      ctx.status(503);
      ctx.header("Cache-Control", "no-store");
      ctx.header("Retry-After", "1");
      Json.send(
          ctx,
          Json.obj(
              "status",
              "degraded",
              "ready",
              false,
              "message",
              health.message(),
              "message_th",
              health.messageTh()));
      ctx.skipRemainingHandlers();
    } else if (path.startsWith("/api/") || path.startsWith("/ogc/collections")) {
      ctx.header("Retry-After", "1");
      throw new ApiException(503, health.message(), health.messageTh());
    }
  }
}
