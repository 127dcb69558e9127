package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;

/** {@code GET /api/levels}. */
public final class LevelsHandler implements Handler {
  private final LiveData live;

  public LevelsHandler(LiveData live) {
    this.live = live;
  }

  @Override
  public void handle(Context ctx) {
    List<Map<String, Object>> levels = new ArrayList<>();
    for (AdminLevel l : AdminLevel.values()) {
      levels.add(
          obj(
              "level", l.urlName(),
              "name_th", l.nameTh(),
              "name_en", l.nameEn(),
              "count", live.snapshot().dataset().boundaries().count(l),
              "code_digits", l.codeLength(),
              "parent", l.parent().map(AdminLevel::urlName).orElse(null),
              "child", l.child().map(AdminLevel::urlName).orElse(null),
              "geometry", "polygon"));
    }
    Json.send(
        ctx,
        obj(
            "boundary_set", live.snapshot().boundaryVersion(),
            "vintage", live.snapshot().dataset().boundarySet().vintage(),
            "levels", levels));
  }
}
