package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Levels;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;

/** {@code GET /api/levels}: the levels the served boundary set declares, top down. */
public final class LevelsHandler implements Handler {
  private final LiveData live;

  public LevelsHandler(LiveData live) {
    this.live = live;
  }

  @Override
  public void handle(Context ctx) {
    List<Map<String, Object>> levels = new ArrayList<>();
    Levels declared = live.snapshot().levels();
    for (AdminLevel l : declared) {
      levels.add(
          obj(
              "level", l.urlName(),
              "name_th", l.nameTh(),
              "name_en", l.nameEn(),
              "count", live.snapshot().dataset().boundaries().count(l),
              "code_digits", l.codeLength(),
              "parent", l.parent().map(AdminLevel::urlName).orElse(null),
              "child", declared.child(l).map(AdminLevel::urlName).orElse(null),
              "geometry", l.geometry().urlName()));
    }
    Json.send(
        ctx,
        obj(
            "boundary_set", live.snapshot().boundaryVersion(),
            "vintage", live.snapshot().dataset().boundarySet().vintage(),
            "levels", levels));
  }
}
