package org.phaenthi.server.render;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.LoadReport;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.boundaries.indicators.YearInfo;
import org.phaenthi.server.TestServers;

/**
 * Phuket (fixture-83) with known values for pictures and report cards: a lower-is-better poverty
 * rate with a long Thai name at every level (subdistrict 830102 without data, 830103 over 12 units
 * only), three higher-is-better pass rates and the five TPMAP dimension counts with the people
 * surveyed by district and province, and households with the municipal unit 830151 (no polygon).
 */
final class RenderFixture {
  private RenderFixture() {}

  static final String RATE = "tpmap:target_poor_rate";
  static final String LONG_TH =
      "สัดส่วนคนจนเป้าหมายต่อจำนวนคนที่สำรวจทั้งหมดตามการสำรวจข้อมูลความจำเป็นพื้นฐานของกรมการพัฒนาชุมชน";
  static final String LONG_EN =
      "Share of target poor among all people surveyed by the Community Development Department's"
          + " basic minimum needs survey";
  static final SurveyYear Y61 = new SurveyYear(2561);
  static final String[] SUBDISTRICTS = {
    "830101", "830102", "830103", "830104", "830105", "830106", "830107", "830108", "830201",
    "830202", "830203", "830301", "830302", "830303", "830304", "830305", "830306"
  };

  /** People surveyed and dimension counts (health, living, education, income, access). */
  static final Map<String, double[]> DIMS =
      Map.of(
          "8301", new double[] {1000, 50, 40, 30, 20, 10},
          "8302", new double[] {500, 10, 20, 30, 40, 50},
          "8303", new double[] {500, 25, 25, 25, 25, 25},
          "83", new double[] {2000, 85, 85, 85, 85, 85});

  static Indicator percent(String code, String th, String en, Boolean higherIsBetter) {
    return TestServers.testRate(code)
        .category("T", "ทดสอบ", "Test")
        .names(th, en)
        .higherIsBetter(higherIsBetter)
        .definition("n / d × 100", null)
        .counts("n", "d")
        .build();
  }

  static Indicator count(String code, String th, String en) {
    return TestServers.tpmapCount(code, "tpmap-2561")
        .names(th, en)
        .unit("person")
        .kind(ValueKind.COUNT, "people")
        .counts("people", null)
        .build();
  }

  static IndicatorValue rate(String code, double n, double d) {
    return new IndicatorValue(
        code, n, d, d == 0 ? null : n / d * 100, d == 0 ? "no eligible units" : null);
  }

  static IndicatorValue n(String code, double n) {
    return new IndicatorValue(code, n, null, n, null);
  }

  static Dataset dataset() {
    return dataset(false);
  }

  static final SurveyYear Y66 = new SurveyYear(2566);

  /**
   * With {@code twoYears}, also 2566 from another source, with the districts' target-poor rates of
   * 2566: 8301 4 % (+1 pp), 8302 5 % (−3 pp), 8303 6 % (+2 pp).
   */
  static Dataset dataset(boolean twoYears) {
    List<Indicator> inds = new java.util.ArrayList<>();
    inds.add(percent(RATE, LONG_TH, LONG_EN, false));
    inds.add(percent("test:pass_a", "ผ่านเกณฑ์ ก", "Pass A", true));
    inds.add(percent("test:pass_b", "ผ่านเกณฑ์ ข", "Pass B", true));
    inds.add(percent("test:pass_c", "ผ่านเกณฑ์ ค", "Pass C", true));
    inds.add(count("tpmap:households_surveyed", "ครัวเรือนที่สำรวจ", "Households surveyed"));
    inds.add(count("tpmap:people_surveyed", "คนที่สำรวจ", "People surveyed"));
    for (String d : ReportCard.DIMENSIONS) {
      inds.add(count("tpmap:dim_" + d, "มิติ " + d, "Dimension " + d));
    }
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> l61 = new TreeMap<>();
    Map<String, IndicatorValue> sub = new LinkedHashMap<>();
    for (int i = 0; i < SUBDISTRICTS.length; i++) {
      String c = SUBDISTRICTS[i];
      if (c.equals("830102")) {
        sub.put(c, rate(c, 0, 0));
      } else if (c.equals("830103")) {
        sub.put(c, rate(c, 3, 12));
      } else {
        sub.put(c, rate(c, i * 3, 100));
      }
    }
    Map<String, IndicatorValue> hh = new LinkedHashMap<>();
    hh.put("830101", n("830101", 40));
    hh.put("830151", n("830151", 25));
    l61.put(AdminLevel.SUBDISTRICT, Map.of(RATE, sub, "tpmap:households_surveyed", hh));
    Map<String, Map<String, IndicatorValue>> district = new HashMap<>();
    district.put(RATE, rates(rate("8301", 30, 1000), rate("8302", 40, 500), rate("8303", 20, 500)));
    // 8301 is best of the three in A, middle in B, worst in C
    district.put(
        "test:pass_a", rates(rate("8301", 90, 100), rate("8302", 80, 100), rate("8303", 70, 100)));
    district.put(
        "test:pass_b", rates(rate("8301", 80, 100), rate("8302", 90, 100), rate("8303", 70, 100)));
    district.put(
        "test:pass_c", rates(rate("8301", 60, 100), rate("8302", 80, 100), rate("8303", 90, 100)));
    Map<String, Map<String, IndicatorValue>> province = new HashMap<>();
    province.put(RATE, rates(rate("83", 90, 2000)));
    for (int k = 0; k <= 5; k++) {
      String code =
          k == 0 ? "tpmap:people_surveyed" : "tpmap:dim_" + ReportCard.DIMENSIONS.get(k - 1);
      Map<String, IndicatorValue> dm = new LinkedHashMap<>();
      for (String c : List.of("8301", "8302", "8303")) {
        dm.put(c, n(c, DIMS.get(c)[k]));
      }
      district.put(code, dm);
      province.put(code, Map.of("83", n("83", DIMS.get("83")[k])));
    }
    l61.put(AdminLevel.DISTRICT, district);
    l61.put(AdminLevel.PROVINCE, province);
    Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> v = new HashMap<>();
    v.put(Y61, l61);
    List<YearInfo> years = new java.util.ArrayList<>();
    years.add(new YearInfo(Y61, "TPMAP 2561", "test", Set.copyOf(AdminLevel.standard()), false));
    if (twoYears) {
      Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> l66 = new TreeMap<>();
      l66.put(
          AdminLevel.DISTRICT,
          Map.of(
              RATE, rates(rate("8301", 40, 1000), rate("8302", 25, 500), rate("8303", 30, 500))));
      v.put(Y66, l66);
      years.add(new YearInfo(Y66, "TPMAP 2566", "test-2566", Set.of(AdminLevel.DISTRICT), false));
    }
    IndicatorData data = new IndicatorData(inds, years, v);
    return Dataset.of(
        "render1",
        Instant.parse("2026-01-01T00:00:00Z"),
        TestServers.phuket(),
        data,
        Map.of(),
        new LoadReport(Map.of("areas", 21L)));
  }

  private static Map<String, IndicatorValue> rates(IndicatorValue... rows) {
    Map<String, IndicatorValue> m = new LinkedHashMap<>();
    for (IndicatorValue r : rows) {
      m.put(r.areaCode(), r);
    }
    return m;
  }
}
