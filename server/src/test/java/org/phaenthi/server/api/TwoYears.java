package org.phaenthi.server.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.LoadReport;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.YearInfo;
import org.phaenthi.server.TestServers;

/**
 * A two-year fixture over Phuket with known counts: a lower-is-better rate and a count at district
 * and province level in 2561 and 2566, from two different sources. District 8303 has no 2561 data;
 * 8302's rate falls, 8301's rises.
 */
final class TwoYears {
  private TwoYears() {}

  static final String RATE = "test:poor_rate";
  static final String COUNT = "tpmap:households_surveyed";

  static Dataset dataset() {
    Indicator rate =
        TestServers.testRate(RATE)
            .names("สัดส่วนคนจน", "Poor rate")
            .definition("poor / surveyed × 100", null)
            .counts("poor", "surveyed")
            .build();
    Indicator count =
        TestServers.tpmapCount(COUNT, "test").names("ครัวเรือน", "Households surveyed").build();
    SurveyYear y61 = new SurveyYear(2561);
    SurveyYear y66 = new SurveyYear(2566);
    Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> v = new HashMap<>();
    v.put(
        y61,
        year(
            rates(row("8301", 10, 100), row("8302", 30, 120)),
            rates(row("83", 40, 220)),
            counts(count("8301", 100), count("8302", 0)),
            counts(count("83", 72))));
    v.put(
        y66,
        year(
            rates(row("8301", 25, 125), row("8302", 20, 100), row("8303", 6, 50)),
            rates(row("83", 51, 275)),
            counts(count("8301", 150), count("8302", 30), count("8303", 8)),
            counts(count("83", 80))));
    IndicatorData data =
        new IndicatorData(
            List.of(rate, count),
            List.of(
                new YearInfo(
                    y61,
                    "TPMAP 2561",
                    "tpmap-2561 files",
                    Set.copyOf(AdminLevel.standard()),
                    false),
                new YearInfo(
                    y66, "y66", "y66 province file", Set.copyOf(AdminLevel.standard()), false)),
            v);
    return Dataset.of(
        "twoyears1",
        Instant.parse("2026-01-01T00:00:00Z"),
        TestServers.phuket(),
        data,
        Map.of(),
        new LoadReport(Map.of("areas", 21L)));
  }

  private static Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> year(
      Map<String, IndicatorValue> districtRates,
      Map<String, IndicatorValue> provinceRates,
      Map<String, IndicatorValue> districtCounts,
      Map<String, IndicatorValue> provinceCounts) {
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> out = new java.util.TreeMap<>();
    out.put(AdminLevel.DISTRICT, Map.of(RATE, districtRates, COUNT, districtCounts));
    out.put(AdminLevel.PROVINCE, Map.of(RATE, provinceRates, COUNT, provinceCounts));
    return out;
  }

  static IndicatorValue row(String code, double numerator, double denominator) {
    return new IndicatorValue(code, numerator, denominator, numerator / denominator * 100, null);
  }

  static IndicatorValue count(String code, double n) {
    return new IndicatorValue(code, n, null, n, null);
  }

  private static Map<String, IndicatorValue> rates(IndicatorValue... rows) {
    Map<String, IndicatorValue> m = new LinkedHashMap<>();
    for (IndicatorValue r : rows) {
      m.put(r.areaCode(), r);
    }
    return m;
  }

  private static Map<String, IndicatorValue> counts(IndicatorValue... rows) {
    return rates(rows);
  }
}
