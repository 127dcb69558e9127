package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.MissingData;
import org.phaenthi.server.Params;
import org.phaenthi.server.ResponseCache;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.http.VersionedUrls;

/**
 * {@code GET /api/values?level=&indicator=&year=[&parent=][&v=]}: one entry per mapped area. Areas
 * without data carry a reason, never a zero; a level or year without data is an explicit empty
 * result with a reason.
 */
public final class ValuesHandler implements Handler {
  static final String HOUSEHOLDS = "tpmap:households_surveyed";
  private static final Set<String> PARAMS =
      Set.of("level", "indicator", "year", "parent", Change.PARAM, VersionedUrls.PARAM);
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final ResponseCache responses;

  public ValuesHandler(LiveData live, ResponseCache responses) {
    this.live = live::snapshot;
    this.responses = responses;
  }

  @Override
  public void handle(Context ctx) {
    Params.onlyKnown(ctx, PARAMS);
    Dataset d = live.get().dataset();
    MapQuery q = MapQuery.of(ctx, d);
    responses.sendJson(
        ctx,
        q.version(d),
        "values|" + q.key(),
        VersionedUrls.cacheControl(ctx, d.dataVersion()),
        () ->
            q.change() != null
                ? ChangeBody.body(d, q.level(), q.change(), q.parent())
                : body(d, q.level(), q.indicator(), q.year(), q.parent()));
  }

  /** The part version of a change: both years' value sets. */
  public static String version(Dataset d, Change c) {
    return d.valueVersion(c.indicator().code(), c.to())
        + "."
        + d.valueVersion(c.indicator().code(), c.from());
  }

  private static Map<String, Object> body(
      Dataset d, AdminLevel level, Indicator indicator, SurveyYear year, String parent) {
    IndicatorData data = d.indicators();
    Optional<Map<String, IndicatorValue>> values = data.values(year, level, indicator.code());
    List<Map<String, Object>> out = new ArrayList<>();
    String emptyReason = null;
    String emptyReasonTh = null;
    if (values.isEmpty()) {
      emptyReason = MissingData.emptyReason(data, indicator, level, year);
      emptyReasonTh = ThaiText.emptyReason(data, indicator, level, year);
    } else {
      for (Area a : d.boundaries().children(level, parent)) {
        IndicatorValue v = values.get().get(a.code());
        if (v == null) {
          v = IndicatorValue.missing(a.code(), MissingData.missingReason(a));
        }
        Map<String, Object> row = AreaJson.summary(a);
        row.remove("level");
        row.putAll(AreaJson.value(indicator, v));
        out.add(row);
      }
    }
    return obj(
        "level", level.urlName(),
        "indicator", indicator.code(),
        "year", AreaJson.year(year),
        "parent", parent,
        "data_version", d.valueVersion(indicator.code(), year),
        "value_unit", indicator.valueUnit(),
        "values", out,
        "empty_reason", emptyReason,
        "empty_reason_th", emptyReasonTh,
        "not_on_map", notOnMap(d, level, year, parent));
  }

  /**
   * At subdistrict level: units in the data with no polygon (municipal pseudo-subdistricts), so the
   * map can say what it cannot show.
   */
  public static Map<String, Object> notOnMap(
      Dataset d, AdminLevel level, SurveyYear year, String parent) {
    if (level != AdminLevel.SUBDISTRICT) {
      return null;
    }
    Optional<Map<String, IndicatorValue>> households =
        d.indicators().values(year, level, HOUSEHOLDS);
    if (households.isEmpty()) {
      return null;
    }
    long units = 0;
    double hh = 0;
    for (IndicatorValue v : households.get().values()) {
      if ((parent == null || v.areaCode().startsWith(parent))
          && d.boundaries().area(v.areaCode()).isEmpty()) {
        units++;
        hh += v.numerator() == null ? 0 : v.numerator();
      }
    }
    return obj(
        "units",
        units,
        "households",
        (long) hh,
        "note",
        "municipal areas (pseudo-subdistrict codes 51+) have no subdistrict polygon; they are"
            + " counted in their district and province");
  }
}
