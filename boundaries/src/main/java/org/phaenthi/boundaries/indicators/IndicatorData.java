package org.phaenthi.boundaries.indicators;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phaenthi.boundaries.AdminLevel;

/**
 * Aggregated indicator values: year → level → indicator code → area code → value. Immutable once
 * built. Subdistrict-level maps also hold municipal pseudo-subdistricts (no polygon).
 */
public final class IndicatorData {
  private final List<Indicator> indicators;
  private final Map<String, Indicator> byCode;
  private final SortedMap<SurveyYear, YearInfo> years;
  private final Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> values;

  public IndicatorData(
      List<Indicator> indicators,
      List<YearInfo> years,
      Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> values) {
    this.indicators = List.copyOf(indicators);
    Map<String, Indicator> codes = new LinkedHashMap<>();
    indicators.forEach(i -> codes.put(i.code(), i));
    this.byCode = Collections.unmodifiableMap(codes);
    TreeMap<SurveyYear, YearInfo> y = new TreeMap<>();
    years.forEach(info -> y.put(info.year(), info));
    this.years = Collections.unmodifiableSortedMap(y);
    // a read-only view, not a copy: the nested maps hold the whole country's values
    this.values = Collections.unmodifiableMap(values);
  }

  /** Indicators that have data in at least one year and level, in catalogue order. */
  public List<Indicator> indicators() {
    return indicators;
  }

  public Optional<Indicator> indicator(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public SortedMap<SurveyYear, YearInfo> years() {
    return years;
  }

  public Optional<YearInfo> year(int be) {
    return years.values().stream().filter(y -> y.year().be() == be).findFirst();
  }

  /** Values of one indicator at one level and year, by area code; empty if there is no data. */
  public Optional<Map<String, IndicatorValue>> values(
      SurveyYear year, AdminLevel level, String indicatorCode) {
    return Optional.ofNullable(values.get(year))
        .map(m -> m.get(level))
        .map(m -> m.get(indicatorCode));
  }

  /**
   * Per level that has data in any year (top down), the years in which this indicator has data
   * there (ascending).
   */
  public Map<AdminLevel, List<SurveyYear>> yearsAvailable(String indicatorCode) {
    Map<AdminLevel, List<SurveyYear>> out = new TreeMap<>();
    TreeSet<AdminLevel> levels = new TreeSet<>();
    values.values().forEach(byLevel -> levels.addAll(byLevel.keySet()));
    for (AdminLevel level : levels) {
      List<SurveyYear> ys =
          years.keySet().stream().filter(y -> values(y, level, indicatorCode).isPresent()).toList();
      out.put(level, ys);
    }
    return out;
  }

  /** The raw nested map, for stores that persist it. */
  public Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> all() {
    return values;
  }
}
