package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.MissingData;
import org.phaenthi.server.Params;
import org.phaenthi.server.Resolver;
import org.phaenthi.server.Snapshot;

/** {@code GET /api/values/area/{code}?year=}: every indicator of one area and of its parent. */
public final class AreaValuesHandler implements Handler {
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data

  public AreaValuesHandler(LiveData live) {
    this.live = live::snapshot;
  }

  @Override
  public void handle(Context ctx) {
    Params.onlyKnown(ctx, Set.of("year"));
    Dataset d = live.get().dataset();
    String code = ctx.pathParam("code");
    Area area =
        d.boundaries()
            .area(code)
            .orElseThrow(() -> ApiException.notFound("unknown area code '" + code + "'"));
    SurveyYear year = Resolver.year(d.indicators(), ctx.queryParam("year"), area.level());
    Area parent =
        area.parentCode() == null ? null : d.boundaries().area(area.parentCode()).orElse(null);
    Json.send(
        ctx,
        obj(
            "area", AreaJson.summary(area),
            "year", AreaJson.year(year),
            "values", valuesOf(d.indicators(), area, year),
            "parent", parent == null ? null : AreaJson.summary(parent),
            "parent_values", parent == null ? null : valuesOf(d.indicators(), parent, year)));
  }

  private static Map<String, Object> valuesOf(IndicatorData data, Area a, SurveyYear year) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Indicator i : data.indicators()) {
      data.values(year, a.level(), i.code())
          .ifPresent(
              m -> {
                IndicatorValue v = m.get(a.code());
                out.put(
                    i.code(),
                    AreaJson.value(
                        i,
                        v != null
                            ? v
                            : IndicatorValue.missing(a.code(), MissingData.missingReason(a))));
              });
    }
    return out;
  }
}
