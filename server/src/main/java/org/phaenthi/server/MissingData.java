package org.phaenthi.server;

import java.util.ArrayList;
import java.util.List;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.SurveyYear;

/** How the map, the API and the exports explain a gap, in the same words everywhere. */
public final class MissingData {
  private MissingData() {}

  /** Why an area has no value (missing is "no data", never 0). */
  public static String missingReason(Area a) {
    if (a.code().startsWith("10")) {
      return "no data: " + Attribution.BANGKOK_NOT_SURVEYED;
    }
    return "no data for this area in this year";
  }

  /** Why a whole level and year has no data, naming where the indicator does have data. */
  public static String emptyReason(
      IndicatorData data, Indicator i, AdminLevel level, SurveyYear year) {
    List<String> where = new ArrayList<>();
    data.yearsAvailable(i.code())
        .forEach((l, ys) -> ys.forEach(y -> where.add(l.urlName() + " " + y.be())));
    return "no data for "
        + i.code()
        + " at "
        + level.urlName()
        + " level in "
        + year.be()
        + "; it has data for: "
        + where;
  }
}
