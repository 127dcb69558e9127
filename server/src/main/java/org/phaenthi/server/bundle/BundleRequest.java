package org.phaenthi.server.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Params;
import org.phaenthi.server.Snapshot;

/**
 * What a bundle holds: one area ({@code null} = the whole country) and, per indicator, the survey
 * years (B.E.) shipped, in the order asked.
 */
public record BundleRequest(Area area, Map<Indicator, List<SurveyYear>> indicators) {
  /** Indicators one bundle may hold (each is a set of values files per level and year). */
  public static final int MAX_INDICATORS = 10;

  public BundleRequest {
    indicators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
  }

  /** The area's code, or {@code TH}. */
  public String name() {
    return area == null ? "TH" : area.code();
  }

  /**
   * Parses {@code code|TH}, a comma-separated {@code indicator} list and an optional
   * comma-separated {@code year} list (each indicator gets the years of the list it has data in;
   * none given = its latest). 400 naming the parameter, 404 for an unknown area or indicator.
   */
  public static BundleRequest parse(
      Snapshot s, String code, String indicatorText, String yearText) {
    Area area = null;
    if (!code.equals("TH")) {
      if (!code.matches("[0-9]{2,6}")) {
        throw ApiException.badRequest(
            "the bundle's area must be a province or district code such as 83, or TH, not '"
                + code
                + "'");
      }
      area =
          s.dataset()
              .boundaries()
              .area(code)
              .orElseThrow(() -> ApiException.notFound("unknown area '" + code + "'"));
      if (s.levels().child(area.level()).filter(AdminLevel::hasGeometry).isEmpty()) {
        throw ApiException.badRequest(
            "area '" + code + "' has no areas below it; give its district or province");
      }
    }
    if (indicatorText == null || indicatorText.isBlank()) {
      throw ApiException.badRequest(
          "parameter 'indicator' is required: one or more indicator codes, comma-separated");
    }
    IndicatorData data = s.dataset().indicators();
    List<Integer> years = yearList(yearText);
    Map<Indicator, List<SurveyYear>> out = new LinkedHashMap<>();
    for (String c : indicatorText.split(",", -1)) {
      Indicator i = Params.indicator(data, c.strip());
      List<SurveyYear> has = yearsOf(data, i);
      List<SurveyYear> chosen = new ArrayList<>();
      if (years.isEmpty()) {
        chosen.add(has.get(has.size() - 1));
      } else {
        for (SurveyYear y : has) {
          if (years.contains(y.be())) {
            chosen.add(y);
          }
        }
      }
      if (chosen.isEmpty()) {
        throw ApiException.notFound(
            "indicator '" + i.code() + "' has no data in the years " + years + "; it has " + has);
      }
      out.put(i, chosen);
    }
    if (out.size() > MAX_INDICATORS) {
      throw ApiException.badRequest(
          "parameter 'indicator': at most " + MAX_INDICATORS + " indicators in one bundle");
    }
    return new BundleRequest(area, out);
  }

  private static List<Integer> yearList(String text) {
    List<Integer> years = new ArrayList<>();
    if (text == null) {
      return years;
    }
    for (String y : text.split(",", -1)) {
      if (!y.strip().matches("[0-9]{4}")) {
        throw ApiException.badRequest(
            "parameter 'year' must be Buddhist Era years such as 2561,2566, not '" + text + "'");
      }
      years.add(Integer.parseInt(y.strip()));
    }
    return years;
  }

  /** The years the indicator has at any level, oldest first. */
  static List<SurveyYear> yearsOf(IndicatorData data, Indicator i) {
    return data.yearsAvailable(i.code()).values().stream()
        .flatMap(List::stream)
        .distinct()
        .sorted((a, b) -> Integer.compare(a.be(), b.be()))
        .toList();
  }

  /**
   * The map levels the bundle holds: all of them (the app's background is the top level's shapes;
   * above the area they hold only the areas containing it, the way up).
   */
  public List<AdminLevel> levels(Snapshot s) {
    return s.levels().withGeometry();
  }
}
