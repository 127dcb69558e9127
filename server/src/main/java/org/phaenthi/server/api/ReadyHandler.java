package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.phaenthi.server.Json;
import org.phaenthi.server.Readiness;

/**
 * {@code GET /health/ready}: 200 {@code {"ready":true,"phase":"ready"}} once the server answers at
 * full speed; until then 503 with {@code Retry-After: 1}, the phase and a message in English and
 * Thai. {@code /health} stays 200 throughout (the process is alive and serving).
 */
public final class ReadyHandler implements Handler {
  private final Readiness readiness;

  public ReadyHandler(Readiness readiness) {
    this.readiness = readiness;
  }

  @Override
  public void handle(Context ctx) {
    Readiness.Phase p = readiness.phase();
    ctx.header("Cache-Control", "no-store");
    if (p == Readiness.Phase.READY) {
      Json.send(ctx, obj("ready", true, "phase", p.id()));
      return;
    }
    ctx.status(503).header("Retry-After", "1");
    Json.send(
        ctx,
        obj("ready", false, "phase", p.id(), "message", p.message(), "message_th", p.messageTh()));
  }
}
