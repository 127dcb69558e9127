package org.phaenthi.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;

/**
 * The one rule for the survey year when a request leaves it out, used by every endpoint (values,
 * area values, tiles, TileJSON, OGC, exports, meta): the latest year in which the indicator has
 * data at the level asked; when it has none there, the latest year it has data at any level (so the
 * answer is an explicit empty result that says where the data is); for a request without an
 * indicator (all values of one area), the latest year with any data at that level. A year that is
 * given is validated the same way everywhere ({@link Params#year(IndicatorData, String)}).
 */
public final class Resolver {
  private Resolver() {}

  /** The year for one indicator at one level. */
  public static SurveyYear year(
      IndicatorData data, String text, AdminLevel level, String indicatorCode) {
    if (text != null) {
      return Params.year(data, text); // an empty or malformed year is a 400 there
    }
    Map<AdminLevel, List<SurveyYear>> available = data.yearsAvailable(indicatorCode);
    List<SurveyYear> here = available.get(level);
    if (here != null && !here.isEmpty()) {
      return here.get(here.size() - 1);
    }
    Optional<SurveyYear> anywhere =
        available.values().stream().flatMap(List::stream).max(SurveyYear::compareTo);
    return anywhere.orElseGet(() -> Params.year(data, null));
  }

  /** The year for every indicator of one level (the area panel): the latest with any data there. */
  public static SurveyYear year(IndicatorData data, String text, AdminLevel level) {
    if (text != null) {
      return Params.year(data, text); // an empty or malformed year is a 400 there
    }
    for (SurveyYear y : data.years().keySet().stream().sorted((a, b) -> b.compareTo(a)).toList()) {
      for (var i : data.indicators()) {
        Optional<Map<String, IndicatorValue>> v = data.values(y, level, i.code());
        if (v.isPresent() && !v.get().isEmpty()) {
          return y;
        }
      }
    }
    return Params.year(data, null);
  }
}
