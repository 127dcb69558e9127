package org.phaenthi.server;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.AreaCodes;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.SurveyYear;

/**
 * Parses and validates request parameters into typed values: malformed → 400, unknown level,
 * indicator or year → 404 whose message lists the valid choices.
 */
public final class Params {
  private Params() {}

  public static AdminLevel level(String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest(
          "parameter 'level' is required; one of " + AdminLevel.urlNames());
    }
    return AdminLevel.fromUrlName(name)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "unknown level '" + name + "'; valid levels: " + AdminLevel.urlNames()));
  }

  public static Indicator indicator(IndicatorData data, String code) {
    if (code == null || code.isBlank()) {
      throw ApiException.badRequest(
          "parameter 'indicator' is required; see /api/indicators for the codes");
    }
    return data.indicator(code)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "unknown indicator '"
                        + code
                        + "'; valid indicators: "
                        + data.indicators().stream().map(Indicator::code).toList()));
  }

  /** The survey year (B.E.); when absent, the latest year. */
  public static SurveyYear year(IndicatorData data, String text) {
    List<Integer> valid = data.years().keySet().stream().map(SurveyYear::be).toList();
    if (data.years().isEmpty()) {
      throw ApiException.notFound("this dataset has no indicator data for any year");
    }
    if (text == null || text.isBlank()) {
      return data.years().lastKey();
    }
    int be;
    try {
      be = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "parameter 'year' must be a Buddhist Era year such as 2561, not '" + text + "'");
    }
    if (be < 2400 || be > 2700) {
      throw ApiException.badRequest(
          "parameter 'year' must be a Buddhist Era year (e.g. 2561), not "
              + be
              + (be > 1900 && be < 2200 ? " (that looks like a C.E. year: add 543)" : ""));
    }
    return data.year(be)
        .map(y -> y.year())
        .orElseThrow(
            () -> ApiException.notFound("no data for year " + be + "; valid years: " + valid));
  }

  /**
   * The survey year for one indicator at one level: the given year, else the latest year in which
   * that indicator has data at that level (so leaving out the year never lands on an empty year).
   */
  public static SurveyYear year(
      IndicatorData data, String text, AdminLevel level, String indicatorCode) {
    if (text == null || text.isBlank()) {
      List<SurveyYear> ys = data.yearsAvailable(indicatorCode).get(level);
      if (ys != null && !ys.isEmpty()) {
        return ys.get(ys.size() - 1);
      }
    }
    return year(data, text);
  }

  /** An optional parent code: digits, 2 or 4 long, one level above {@code level}. */
  public static String parent(String text, AdminLevel level) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String p = text.trim();
    if (!AreaCodes.isValid(p) || p.length() >= level.codeLength()) {
      throw ApiException.badRequest(
          "parameter 'parent' must be the code of a unit above "
              + level.urlName()
              + " (2 or 4 digits), not '"
              + text
              + "'");
    }
    return p;
  }

  /** Rejects parameters this endpoint does not know, naming them. */
  public static void onlyKnown(Context ctx, Set<String> known) {
    wellFormedQuery(ctx.queryString());
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      String name = e.getKey();
      if (!known.contains(name)) {
        throw ApiException.badRequest(
            "unknown parameter '" + name + "'; this endpoint accepts " + known);
      }
      if (e.getValue().size() > 1) {
        throw ApiException.badRequest(
            "parameter '" + name + "' is given " + e.getValue().size() + " times; give it once");
      }
    }
  }

  /**
   * A query string whose percent escapes all decode; Javalin would silently drop a parameter such
   * as {@code indicator=%zz}, and the request would be answered as if it had not been given.
   */
  static void wellFormedQuery(String query) {
    if (query == null) {
      return;
    }
    try {
      URLDecoder.decode(query, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "malformed query string (a '%' must start an escape such as %3A): " + query);
    }
  }
}
