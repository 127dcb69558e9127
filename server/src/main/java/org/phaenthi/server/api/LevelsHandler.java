package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Levels;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Snapshot;

/** {@code GET /api/levels}: the levels the served boundary set declares, top down. */
public final class LevelsHandler implements Handler {
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data

  public LevelsHandler(LiveData live) {
    this.live = live::snapshot;
  }

  @Override
  public void handle(Context ctx) {
    List<Map<String, Object>> levels = new ArrayList<>();
    Levels declared = live.get().levels();
    for (AdminLevel l : declared) {
      levels.add(
          obj(
              "level", l.urlName(),
              "name_th", l.nameTh(),
              "name_en", l.nameEn(),
              "count", live.get().dataset().boundaries().count(l),
              "code_digits", l.codeLength(),
              "parent", l.parent().map(AdminLevel::urlName).orElse(null),
              "child", declared.child(l).map(AdminLevel::urlName).orElse(null),
              "geometry", l.geometry().urlName()));
    }
    Json.send(
        ctx,
        obj(
            "boundary_set", live.get().boundaryVersion(),
            "vintage", live.get().dataset().boundarySet().vintage(),
            "levels", levels));
  }
}
