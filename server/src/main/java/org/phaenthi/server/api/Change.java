package org.phaenthi.server.api;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Params;

/**
 * The change of one indicator between two survey years of the same area: the base year {@code from}
 * (the {@code compare} parameter) and the year shown {@code to}. A rate (PERCENT) changes in
 * percentage points and a mean score (WEIGHTED_MEAN) in points, each the difference of the two
 * values made from that year's summed counts (never an average of percentages); a count changes in
 * per cent of the base year's count. An area missing in either year has no change ("no data"),
 * never 0.
 *
 * @param from the base year
 * @param to the year compared with it
 */
public record Change(Indicator indicator, SurveyYear from, SurveyYear to) {

  /** The parameter that asks for a change map on /api/values and the tiles. */
  public static final String PARAM = "compare";

  /**
   * The change asked for by {@code compare} (the base year) against {@code year}, or null when
   * {@code compare} is left out. 400 when it is malformed or the same year; 404 for an unknown
   * year.
   */
  public static Change of(
      IndicatorData data, Indicator indicator, SurveyYear year, String compare) {
    if (compare == null) {
      return null;
    }
    SurveyYear base = Params.year(data, compare, PARAM);
    if (base.equals(year)) {
      throw ApiException.badRequest(
          "parameter 'compare' must be another survey year than 'year' (" + year.be() + ")");
    }
    return new Change(indicator, base, year);
  }

  /**
   * Said when the two years do not come from the same source, so they may not be comparable; null
   * when they do (as in {@code /api/values?compare=}).
   */
  public String caveat(IndicatorData data) {
    return ChangeBody.caveat(data, this);
  }

  /** {@link #caveat} in Thai; null when there is none. */
  public String caveatTh(IndicatorData data) {
    return ChangeBody.caveatTh(data, this);
  }

  /** The unit of the change: "percentage points", "points" or "%" (of the base year's count). */
  public String unit() {
    return switch (indicator.kind()) {
      case PERCENT -> "percentage points";
      case WEIGHTED_MEAN -> "points";
      case COUNT -> "%";
    };
  }

  /** The same unit in Thai. */
  public String unitTh() {
    return switch (indicator.kind()) {
      case PERCENT -> "จุดร้อยละ";
      case WEIGHTED_MEAN -> "คะแนน";
      case COUNT -> "ร้อยละของปีฐาน";
    };
  }

  /** Both years' values at a level, or empty when either year has no data there at all. */
  public Optional<Years> values(IndicatorData data, AdminLevel level) {
    Optional<Map<String, IndicatorValue>> a = data.values(from, level, indicator.code());
    Optional<Map<String, IndicatorValue>> b = data.values(to, level, indicator.code());
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Years(a.get(), b.get()));
  }

  /** The two years' values of one level, by area code (read-only views of the dataset's maps). */
  public record Years(Map<String, IndicatorValue> from, Map<String, IndicatorValue> to) {
    public Years {
      from = Collections.unmodifiableMap(from);
      to = Collections.unmodifiableMap(to);
    }
  }

  /**
   * The change of one area, or null (no data) when either year has no value for it, or a count
   * changes from 0 (no per cent of nothing).
   */
  public Double of(IndicatorValue a, IndicatorValue b) {
    if (a == null || b == null || a.value() == null || b.value() == null) {
      return null;
    }
    double d;
    if (indicator.kind() == ValueKind.COUNT) {
      if (a.value() == 0) {
        return null;
      }
      d = (b.value() - a.value()) / a.value() * 100;
    } else {
      d = b.value() - a.value();
    }
    // two values rounded to the data's precision differ by a binary fraction: 13.7 − 10.2 =
    // 3.4999999999999996; six decimals is finer than any value shown
    return Math.round(d * 1e6) / 1e6;
  }

  /**
   * Why an area has no change: the year it lacks and why ({@code whyMissing} when the year's data
   * do not say, e.g. Bangkok's), or a count that was 0; null when it has a change.
   */
  public String reason(IndicatorValue a, IndicatorValue b, String whyMissing) {
    if (a == null || a.value() == null) {
      return "no data in " + from.be() + detail(a, whyMissing);
    }
    if (b == null || b.value() == null) {
      return "no data in " + to.be() + detail(b, whyMissing);
    }
    if (indicator.kind() == ValueKind.COUNT && a.value() == 0) {
      return "the count was 0 in " + from.be() + ": no per cent change";
    }
    return null;
  }

  private static String detail(IndicatorValue v, String whyMissing) {
    String r = v != null && v.missingReason() != null ? v.missingReason() : whyMissing;
    if (r == null || r.startsWith("no data for this area")) {
      return "";
    }
    return ": " + (r.startsWith("no data: ") ? r.substring("no data: ".length()) : r);
  }
}
