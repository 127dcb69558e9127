package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Readiness;
import org.phaenthi.server.Snapshot;

/**
 * {@code GET /health}: status, readiness ({@link Readiness}; {@code /health/ready} answers 503
 * until ready), data version and counts. The store is named by its kind ({@code embedded} or {@code
 * postgis}) only: its file path or database URL is for the server log, not for anyone who can reach
 * the port.
 */
public final class HealthHandler implements Handler {
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final String storeKind;
  private final Readiness readiness;

  public HealthHandler(LiveData live, String storeKind, Readiness readiness) {
    this.live = live::snapshot;
    this.storeKind = storeKind;
    this.readiness = readiness;
  }

  @Override
  public void handle(Context ctx) {
    Dataset d = live.get().dataset();
    Map<String, Object> areas = new LinkedHashMap<>();
    for (AdminLevel l : d.boundaries().levels()) {
      areas.put(l.urlName(), d.boundaries().count(l));
    }
    ctx.header("Cache-Control", "no-store");
    Json.send(
        ctx,
        obj(
            "status", "ok",
            "ready", readiness.ready(),
            "phase", readiness.phase().id(),
            "data_version", d.dataVersion(),
            "imported_at", d.importedAt().toString(),
            "store", storeKind,
            "areas", areas,
            "indicators", d.indicators().indicators().size(),
            "years", d.indicators().years().keySet().stream().map(y -> y.be()).toList(),
            "load_report", d.report().counts()));
  }
}
