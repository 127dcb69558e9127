package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;
import org.phaenthi.server.Snapshot;

/** {@code GET /api/areas/search?q=[&limit=]}: areas by Thai or English name. */
public final class SearchHandler implements Handler {
  private static final Set<String> PARAMS = Set.of("q", "limit");
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data

  public SearchHandler(LiveData live) {
    this.live = live::snapshot;
  }

  @Override
  public void handle(Context ctx) {
    // each once, valid UTF-8 without control characters: a NUL used to match every area
    Params.onlyKnown(ctx, PARAMS);
    Snapshot s = live.get();
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw ApiException.badRequest("parameter 'q' (a Thai or English name) is required");
    }
    if (q.length() > 100) {
      throw ApiException.badRequest("parameter 'q' is longer than 100 characters");
    }
    int limit = 20;
    String l = ctx.queryParam("limit");
    if (l != null) {
      if (!l.matches("[0-9]{1,3}")) {
        throw ApiException.badRequest("parameter 'limit' must be a whole number 1–100");
      }
      limit = Integer.parseInt(l);
      if (limit < 1 || limit > 100) {
        throw ApiException.badRequest("parameter 'limit' must be a whole number 1–100");
      }
    }
    Boundaries b = s.dataset().boundaries();
    List<Map<String, Object>> results = new ArrayList<>();
    for (Area a : s.search().search(q, limit)) {
      Map<String, Object> r = AreaJson.summary(a);
      List<Map<String, Object>> parents = new ArrayList<>();
      for (Area p : b.ancestors(a)) {
        parents.add(AreaJson.summary(p));
      }
      r.put("parents", parents);
      r.put("bbox", AreaJson.bbox(a.bbox()));
      results.add(r);
    }
    Json.send(ctx, obj("query", q, "results", results));
  }
}
