package org.phaenthi.boundaries.indicators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Levels;

/**
 * Turns the summed TPMAP 2561 village files into indicator values; the value semantics are
 * documented on {@link IndicatorLoader}.
 */
final class TpmapMeasures {
  static final String PEOPLE = "HOUSEMEMBER_CNT";
  static final String HOUSEHOLDS = "household.CNT";
  static final String TARGET_POOR = "poor.JPT.MOFval.CNT";
  static final String NO_PEOPLE = "no people surveyed";

  /** How one indicator is computed from the two tables; null result → no entry. */
  interface Rule {
    IndicatorValue apply(String area, CountTable.Sums common, CountTable.Sums poor);
  }

  /** One exposed measure: catalogue code plus semantics. */
  record Measure(
      String code,
      ValueKind kind,
      String unit,
      String valueUnit,
      String definition,
      String numeratorLabel,
      String denominatorLabel,
      Rule rule) {}

  private TpmapMeasures() {}

  static List<Measure> measures(CountTable common, CountTable poor) {
    List<Measure> out = new ArrayList<>();
    int people = common.countIndex(PEOPLE);
    for (int k = 1; k <= 31; k++) {
      int all = common.countIndex("indicator" + k + ".ALL");
      int fail = common.countIndex("indicator" + k + ".CNT");
      out.add(
          new Measure(
              "bmn-2560:" + k,
              ValueKind.PERCENT,
              null,
              "%",
              "pass rate % = (indicator" + k + ".ALL − indicator" + k + ".CNT) / ALL × 100",
              "units passing (ALL − CNT)",
              "eligible units (indicator" + k + ".ALL)",
              (a, c, p) ->
                  c == null
                      ? null
                      : percent(
                          a, c.count(all) - c.count(fail), c.count(all), "no eligible units")));
    }
    out.add(count("tpmap:households_surveyed", common, HOUSEHOLDS, "households", true));
    out.add(count("tpmap:people_surveyed", common, PEOPLE, "people", true));
    for (String[] m :
        new String[][] {
          {"tpmap:welfare_registered", "MOF_REG_CNT"},
          {"tpmap:welfare_validated", "MOF_VAL_CNT"},
          {"tpmap:elderly", "ELDERLY_CNT"},
          {"tpmap:disabled", "DISABLED_CNT"},
          {"tpmap:chronic", "CHRONICPATIENT_CNT"}
        }) {
      int n = common.countIndex(m[1]);
      out.add(
          new Measure(
              m[0],
              ValueKind.PERCENT,
              null,
              "%",
              m[1] + " / " + PEOPLE + " × 100 (share of people surveyed)",
              m[1],
              PEOPLE,
              (a, c, p) -> c == null ? null : percent(a, c.count(n), c.count(people), NO_PEOPLE)));
    }
    for (String[] m :
        new String[][] {
          {"tpmap:poor_households", "poor.household.CNT", "households"},
          {"tpmap:poor_people", "poor.JPT.CNT", "people"},
          {"tpmap:poor_registered", "poor.JPT.MOFreg.CNT", "people"},
          {"tpmap:target_poor", TARGET_POOR, "people"},
          {"tpmap:dim_health", "poor.JPT.MOFval.health", "people"},
          {"tpmap:dim_living", "poor.JPT.MOFval.living", "people"},
          {"tpmap:dim_education", "poor.JPT.MOFval.education", "people"},
          {"tpmap:dim_income", "poor.JPT.MOFval.income", "people"},
          {"tpmap:dim_access", "poor.JPT.MOFval.accessibility", "people"}
        }) {
      out.add(count(m[0], poor, m[1], m[2], false));
    }
    for (int k = 1; k <= 31; k++) {
      // TPMAP's public files have them; a file without them still loads, without these measures
      if (poor.countColumns().contains(targetPoorFailingColumn(k))) {
        out.add(count(targetPoorFailingCode(k), poor, targetPoorFailingColumn(k), "people", false));
      }
    }
    int target = poor.countIndex(TARGET_POOR);
    out.add(
        new Measure(
            "tpmap:target_poor_rate",
            ValueKind.PERCENT,
            "person",
            "%",
            TARGET_POOR + " / " + PEOPLE + " × 100 (TPMAP JPT.MOFval.pov.rate)",
            TARGET_POOR,
            PEOPLE,
            (a, c, p) -> {
              if (p == null) {
                return null;
              }
              if (c == null) {
                return new IndicatorValue(
                    a, (double) p.count(target), null, null, "people surveyed not in data");
              }
              return percent(a, p.count(target), c.count(people), NO_PEOPLE);
            }));
    int happy = common.meanIndex("happiness");
    out.add(
        new Measure(
            "tpmap:happiness",
            ValueKind.WEIGHTED_MEAN,
            null,
            "score",
            "household-weighted mean of village mean scores (approximate)",
            "Σ(village happiness × households)",
            "Σ households (villages with a score)",
            (a, c, p) -> {
              if (c == null) {
                return null;
              }
              long w = c.meanWeight(happy);
              double s = c.weightedMeanSum(happy);
              return w == 0
                  ? new IndicatorValue(a, s, 0.0, null, "no households with a score")
                  : new IndicatorValue(a, s, (double) w, s / w, null);
            }));
    return out;
  }

  /** {@code tpmap:ind_k}: target poor failing BMN indicator k (the catalogue's template row). */
  static String targetPoorFailingCode(int k) {
    return "tpmap:ind_" + k;
  }

  static String targetPoorFailingColumn(int k) {
    return "poor.JPT.MOFval.ind" + k + ".CNT";
  }

  private static Measure count(
      String code, CountTable table, String column, String valueUnit, boolean fromCommon) {
    int i = table.countIndex(column);
    return new Measure(
        code,
        ValueKind.COUNT,
        null,
        valueUnit,
        "count: Σ " + column,
        column,
        null,
        (a, c, p) -> {
          CountTable.Sums s = fromCommon ? c : p;
          return s == null
              ? null
              : new IndicatorValue(a, (double) s.count(i), null, (double) s.count(i), null);
        });
  }

  /** numerator / denominator × 100; denominator 0 → null value with the given reason. */
  static IndicatorValue percent(String area, long numerator, long denominator, String reason) {
    if (denominator == 0) {
      return new IndicatorValue(area, (double) numerator, 0.0, null, reason);
    }
    return new IndicatorValue(
        area, (double) numerator, (double) denominator, numerator * 100.0 / denominator, null);
  }

  /**
   * level → indicator code → area → value, for every level of the two tables; each value map is a
   * {@link ValueColumn}, and the columns of a level share one {@link AreaIndex}.
   */
  static Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> values(
      List<Measure> measures, CountTable common, CountTable poor) {
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> out = new TreeMap<>();
    AreaIndex.Pool pool = new AreaIndex.Pool();
    for (AdminLevel level : Levels.WITH_VILLAGES) {
      TreeSet<String> sorted = new TreeSet<>(common.level(level).keySet());
      sorted.addAll(poor.level(level).keySet());
      List<String> areas = List.copyOf(sorted);
      Map<String, Map<String, IndicatorValue>> byIndicator = new LinkedHashMap<>();
      for (Measure m : measures) {
        // areas come sorted, so the builder need not sort
        ValueColumn.Builder byArea = ValueColumn.builder(areas.size());
        for (String a : areas) {
          IndicatorValue v =
              m.rule().apply(a, common.level(level).get(a), poor.level(level).get(a));
          if (v != null) {
            byArea.add(v);
          }
        }
        if (byArea.size() > 0) {
          byIndicator.put(m.code(), byArea.build(pool));
        }
      }
      out.put(level, Collections.unmodifiableMap(byIndicator));
    }
    return Collections.unmodifiableMap(out);
  }
}
