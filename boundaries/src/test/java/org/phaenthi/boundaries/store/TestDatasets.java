package org.phaenthi.boundaries.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.LoadReport;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.boundaries.indicators.YearInfo;
import org.phaenthi.boundaries.load.BoundaryLoader;
import org.phaenthi.boundaries.load.PropertyMapping;

/** Small in-memory datasets for the store contract, and an exact comparison of two datasets. */
final class TestDatasets {
  static final Path FIXTURE = org.phaenthi.boundaries.TestData.fixture83();
  private static Boundaries phuket;

  private TestDatasets() {}

  /** Phuket (1 province, 3 districts, 17 subdistricts; Polygons and MultiPolygons). */
  static synchronized Boundaries phuket() {
    if (phuket == null) {
      phuket = new BoundaryLoader(PropertyMapping.DEFAULT).load(List.of(FIXTURE)).boundaries();
    }
    return phuket;
  }

  static Indicator indicator(String code, ValueKind kind) {
    return Indicator.builder(code, "bmn-2560")
        .category("H1", "สุขภาพ", "Health")
        .names("ชื่อ " + code, "name " + code)
        .unit("person")
        .higherIsBetter(kind == ValueKind.PERCENT ? Boolean.TRUE : null)
        .kind(kind, kind == ValueKind.PERCENT ? "%" : "people")
        .definition("definition", null)
        .counts("passing", "eligible")
        .source("test")
        .build();
  }

  /** Version 1: two indicators, two years, values at every level incl. missing ones. */
  static Dataset first(String version) {
    Boundaries b = phuket();
    Indicator pct = indicator("bmn-2560:16", ValueKind.PERCENT);
    Indicator count = indicator("tpmap:households_surveyed", ValueKind.COUNT);
    SurveyYear y61 = new SurveyYear(2561);
    SurveyYear y62 = new SurveyYear(2562);
    Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> values =
        new LinkedHashMap<>();
    for (SurveyYear y : List.of(y61, y62)) {
      Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> byLevel = new TreeMap<>();
      for (AdminLevel level : AdminLevel.standard()) {
        Map<String, IndicatorValue> p = new LinkedHashMap<>();
        Map<String, IndicatorValue> c = new LinkedHashMap<>();
        int i = 0;
        for (Area a : b.areas(level)) {
          i++;
          if (i % 5 == 0) {
            p.put(a.code(), IndicatorValue.missing(a.code(), "ไม่มีข้อมูล: no data " + i));
          } else {
            double num = 1000.0 / 3 * i + y.be();
            p.put(
                a.code(),
                new IndicatorValue(a.code(), num, num + 17.25, num / (num + 17.25) * 100, null));
          }
          c.put(a.code(), new IndicatorValue(a.code(), 1e9 + i, null, 1e9 + i, null));
        }
        if (level == AdminLevel.SUBDISTRICT) {
          // A municipal pseudo-subdistrict: data without a polygon.
          c.put("830151", new IndicatorValue("830151", 4321.0, null, 4321.0, null));
        }
        byLevel.put(level, Map.of(pct.code(), p, count.code(), c));
      }
      values.put(y, byLevel);
    }
    List<YearInfo> years =
        List.of(
            new YearInfo(y61, "2561", "TPMAP", Set.copyOf(AdminLevel.standard()), false),
            new YearInfo(y62, "2562 (synthetic)", "generated", Set.of(AdminLevel.PROVINCE), true));
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    blobs.put("bands/subdistrict", new byte[] {0, 1, 2, (byte) 255, 127, -128});
    blobs.put("bands/province", new byte[0]);
    return Dataset.of(
        version,
        Instant.parse("2024-01-02T03:04:05.123456Z"),
        b,
        new IndicatorData(List.of(pct, count), years, values),
        blobs,
        new LoadReport(Map.of("areas", 21L, "geometriesRepaired", 0L, "unitsNotOnMap", 3L)));
  }

  /**
   * Phuket with a village level (values only): three villages of 830101 (one a split unit, suffix
   * 02), one of the municipal pseudo-subdistrict 830151; one village without a value.
   */
  static Dataset withVillages(String version) {
    List<Area> areas = new java.util.ArrayList<>();
    for (AdminLevel l : phuket().levels()) {
      areas.addAll(phuket().areas(l));
    }
    areas.add(new Area("8301010101", "บ้านหนึ่ง", "Moo 1", "830101", AdminLevel.VILLAGE, null));
    areas.add(
        new Area("8301010102", "บ้านหนึ่ง (02)", "Moo 1 (02)", "830101", AdminLevel.VILLAGE, null));
    areas.add(new Area("8301010201", "หมู่ที่ 2", "Moo 2", "830101", AdminLevel.VILLAGE, null));
    areas.add(
        new Area("8301510101", "ชุมชนตลาด", "Community 1", "830151", AdminLevel.VILLAGE, null));
    Boundaries b = new Boundaries(org.phaenthi.boundaries.Levels.WITH_VILLAGES, areas);
    Indicator pct = indicator("bmn-2560:16", ValueKind.PERCENT);
    SurveyYear y61 = new SurveyYear(2561);
    Map<String, IndicatorValue> villages = new LinkedHashMap<>();
    villages.put("8301010101", new IndicatorValue("8301010101", 90.0, 100.0, 90.0, null));
    villages.put(
        "8301010102", new IndicatorValue("8301010102", 0.0, 0.0, null, "no eligible units"));
    villages.put("8301510101", new IndicatorValue("8301510101", 30.0, 40.0, 75.0, null));
    Map<String, IndicatorValue> sub = new LinkedHashMap<>();
    sub.put("830101", new IndicatorValue("830101", 90.0, 100.0, 90.0, null));
    sub.put("830151", new IndicatorValue("830151", 30.0, 40.0, 75.0, null));
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> byLevel = new TreeMap<>();
    byLevel.put(AdminLevel.VILLAGE, Map.of(pct.code(), villages));
    byLevel.put(AdminLevel.SUBDISTRICT, Map.of(pct.code(), sub));
    return Dataset.of(
        version,
        Instant.parse("2024-03-04T05:06:07Z"),
        b,
        new IndicatorData(
            List.of(pct),
            List.of(
                new YearInfo(
                    y61,
                    "2561",
                    "TPMAP",
                    Set.of(AdminLevel.SUBDISTRICT, AdminLevel.VILLAGE),
                    false)),
            Map.of(y61, byLevel)),
        Map.of(),
        new LoadReport(Map.of("villages", 4L)));
  }

  /** Version 2: fewer areas, one other indicator, one year, other blobs. */
  static Dataset second(String version) {
    List<Area> districts = phuket().areas(AdminLevel.DISTRICT);
    List<Area> areas =
        List.of(phuket().areas(AdminLevel.PROVINCE).get(0), districts.get(0), districts.get(1));
    Indicator ind = indicator("bmn-2560:22", ValueKind.PERCENT);
    SurveyYear y = new SurveyYear(2563);
    Map<String, IndicatorValue> v = new LinkedHashMap<>();
    v.put("8301", new IndicatorValue("8301", 0.0, 0.0, null, "denominator is 0"));
    v.put("8302", new IndicatorValue("8302", 5.0, 10.0, 50.0, null));
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> byLevel = new TreeMap<>();
    byLevel.put(AdminLevel.DISTRICT, Map.of(ind.code(), v));
    return Dataset.of(
        version,
        Instant.parse("2025-06-07T08:09:10Z"),
        new Boundaries(areas),
        new IndicatorData(
            List.of(ind),
            List.of(new YearInfo(y, "2563", "TPMAP", Set.of(AdminLevel.DISTRICT), false)),
            Map.of(y, byLevel)),
        Map.of("bands/district", new byte[] {9, 8, 7}),
        new LoadReport(Map.of("areas", 3L)));
  }

  /** The same boundaries as {@code d} with new values: only its value sets differ. */
  static Dataset newValues(Dataset d, String version) {
    Dataset other = first(version);
    Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> values =
        new LinkedHashMap<>();
    other
        .indicators()
        .all()
        .forEach(
            (y, byLevel) -> {
              Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> copy = new TreeMap<>();
              byLevel.forEach(
                  (level, byIndicator) -> {
                    Map<String, Map<String, IndicatorValue>> ind = new LinkedHashMap<>();
                    byIndicator.forEach(
                        (code, vals) -> {
                          Map<String, IndicatorValue> v = new LinkedHashMap<>();
                          vals.forEach(
                              (a, x) ->
                                  v.put(
                                      a,
                                      x.numerator() == null
                                          ? x
                                          : new IndicatorValue(
                                              a,
                                              x.numerator() + 1,
                                              x.denominator(),
                                              x.value(),
                                              x.missingReason())));
                          ind.put(code, v);
                        });
                    copy.put(level, ind);
                  });
              values.put(y, copy);
            });
    Dataset fresh =
        Dataset.of(
            version,
            d.importedAt(),
            d.boundaries(),
            new IndicatorData(
                d.indicators().indicators(), List.copyOf(d.indicators().years().values()), values),
            d.blobs(),
            d.report());
    return new Dataset(
        new org.phaenthi.boundaries.catalog.Publication(
            0,
            d.importedAt(),
            d.boundaryVersion(),
            fresh.publication().indicatorSets(),
            fresh.publication().valueSets(),
            "test",
            version,
            null,
            null),
        d.boundarySet(),
        fresh.indicatorSets(),
        fresh.valueSets());
  }

  /** Asserts two datasets hold exactly the same content (geometry compared exactly). */
  static void assertSame(Dataset want, Dataset got) {
    assertEquals(want.dataVersion(), got.dataVersion(), "data version");
    assertEquals(want.boundaryVersion(), got.boundaryVersion(), "boundary set");
    assertEquals(want.publication().parts(), got.publication().parts(), "parts");
    assertEquals(want.boundarySet().vintage(), got.boundarySet().vintage(), "vintage");
    assertEquals(want.boundarySet().createdAt(), got.boundarySet().createdAt(), "created at");
    assertEquals(want.report(), got.report(), "load report");
    assertEquals(want.indicatorSets(), got.indicatorSets(), "indicator sets");
    assertEquals(want.boundaries().levels(), got.boundaries().levels(), "levels");
    for (AdminLevel level : want.boundaries().levels()) {
      List<Area> w = want.boundaries().areas(level);
      List<Area> g = got.boundaries().areas(level);
      assertEquals(w.size(), g.size(), level + " count");
      for (int i = 0; i < w.size(); i++) {
        // Area equality includes Geometry.equals, i.e. equalsExact: same type, same coordinates.
        assertEquals(w.get(i), g.get(i), "area " + w.get(i).code());
        if (level.hasGeometry()) {
          assertEquals(4326, g.get(i).geometry().getSRID(), "SRID of " + w.get(i).code());
        }
      }
    }
    assertEquals(want.indicators().indicators(), got.indicators().indicators(), "indicators");
    assertEquals(want.indicators().years(), got.indicators().years(), "years");
    assertEquals(want.indicators().all(), got.indicators().all(), "values");
    assertEquals(want.blobs().keySet(), got.blobs().keySet(), "blob names");
    for (var e : want.blobs().entrySet()) {
      assertArrayEquals(e.getValue(), got.blobs().get(e.getKey()), "blob " + e.getKey());
    }
  }
}
