package org.phaenthi.server.api;

import io.javalin.http.Context;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.Params;
import org.phaenthi.server.Resolver;

/**
 * The map a request names, as {@code /api/values}, {@code /api/classes} and {@code /render} read
 * it: the level, the indicator, its year ({@link Resolver#year}: the latest with data when left
 * out), the parent whose children are mapped (null: the whole level) and the change since the
 * {@code compare} year (null without one). Parsed in one place so the three resolve a request
 * alike.
 */
public record MapQuery(
    AdminLevel level, Indicator indicator, SurveyYear year, String parent, Change change) {

  /**
   * From the parameters {@code indicator}, {@code year} and {@code compare} of a map of {@code
   * level} under {@code parentText}: 400 naming a malformed parameter, 404 for an unknown
   * indicator, year or parent.
   */
  public static MapQuery of(Context ctx, Dataset d, AdminLevel level, String parentText) {
    IndicatorData data = d.indicators();
    Indicator indicator = Params.indicator(data, ctx.queryParam("indicator"));
    SurveyYear year = Resolver.year(data, ctx.queryParam("year"), level, indicator.code());
    String parent = Params.parent(parentText, level);
    Params.knownParent(d.boundaries(), level, parent);
    Change change = Change.of(data, indicator, year, ctx.queryParam(Change.PARAM));
    return new MapQuery(level, indicator, year, parent, change);
  }

  /** As {@link #of(Context, Dataset, AdminLevel, String)} with {@code level} and {@code parent}. */
  public static MapQuery of(Context ctx, Dataset d) {
    AdminLevel level = Params.level(d.boundaries().levels(), ctx.queryParam("level"));
    return of(ctx, d, level, ctx.queryParam("parent"));
  }

  /** The part version of what is mapped: the year's value set, both years' for a change. */
  public String version(Dataset d) {
    return change != null
        ? ValuesHandler.version(d, change)
        : d.valueVersion(indicator.code(), year);
  }

  /** Everything of the query that changes a response, for a cache key. */
  public String key() {
    return String.join(
        "|",
        level.urlName(),
        indicator.code(),
        String.valueOf(year.be()),
        String.valueOf(parent),
        change == null ? "" : String.valueOf(change.from().be()));
  }
}
