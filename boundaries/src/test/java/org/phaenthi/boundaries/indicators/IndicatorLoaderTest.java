package org.phaenthi.boundaries.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.SharedData;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.load.CodeRemapReader;

/** The entry point on the real shared data: counters, both years, what is and is not exposed. */
@SharedData
class IndicatorLoaderTest {
  private static final Map<String, Long> counters = new TreeMap<>();
  private static IndicatorData data;

  @BeforeAll
  static void load() {
    data =
        IndicatorLoader.load(
            TestData.dir(), counters, CodeRemapReader.forVintage(CodeRemapReader.BUNDLED_VINTAGE));
    System.out.println("indicator load counters: " + counters);
  }

  @Test
  void countersDescribeTheLoad() {
    assertEquals(84_090L, counters.get("villageRows"));
    assertEquals(84_090L, counters.get("villageRows11111"));
    assertEquals(7_588L, counters.get("subdistrictUnits"));
    assertEquals(84_090L, counters.get("villageUnits"), "every village row is a village unit");
    assertEquals(0L, counters.get("villageIdsNotUnits"));
    assertEquals(878L, counters.get("districtUnits"));
    assertEquals(76L, counters.get("provinceUnits"));
    assertEquals(593L, counters.get("municipalPseudoSubdistricts"));
    assertTrue(counters.get("householdsInPseudoSubdistricts") > 1_000_000L);
    assertEquals(0L, counters.get("codesRemapped"), "rtsd-2019 joins only Bangkok codes");
    assertEquals(0L, counters.get("rowsUnplaceable"));
    assertEquals(16L, counters.get("villageIdsNonNumeric"));
    assertEquals(0L, counters.get("subdistrictsOnlyInOneFile"));
    assertEquals(75L, counters.get("y66Provinces"));
    assertEquals(80L, counters.get("indicators"));
    assertEquals(80, data.indicators().size());
  }

  @Test
  void onlyIndicatorsWithDataAreExposedInCatalogueOrder() {
    List<String> codes = data.indicators().stream().map(Indicator::code).toList();
    assertEquals("bmn-2560:1", codes.get(0));
    assertEquals("bmn-2560:31", codes.get(30));
    assertEquals("tpmap:households_surveyed", codes.get(31));
    assertFalse(codes.contains("tpmap:ind_k"), "the template row is expanded, not exposed");
    assertTrue(codes.stream().noneMatch(c -> c.startsWith("bmn-2566") || c.startsWith("cia")));
    Indicator pass = data.indicator("bmn-2560:16").orElseThrow();
    assertEquals(ValueKind.PERCENT, pass.kind());
    assertEquals("%", pass.valueUnit());
    assertEquals("H3", pass.categoryCode());
    assertEquals("households", data.indicator("tpmap:poor_households").orElseThrow().valueUnit());
    assertEquals("people", data.indicator("tpmap:target_poor").orElseThrow().valueUnit());
    Indicator happy = data.indicator("tpmap:happiness").orElseThrow();
    assertEquals(ValueKind.WEIGHTED_MEAN, happy.kind());
    assertEquals("score", happy.valueUnit());
    assertTrue(happy.nameEn().contains("approximate"));
    assertTrue(pass.source().contains("TPMAP") && pass.source().contains("จปฐ."));
  }

  @Test
  void targetPoorFailingEachBmnIndicatorIsOneCountIndicatorPerIndicator() throws IOException {
    List<String> codes = data.indicators().stream().map(Indicator::code).toList();
    int first = codes.indexOf("tpmap:ind_1");
    assertEquals(codes.indexOf("tpmap:dim_access") + 1, first, "after the dimensions");
    for (int k = 1; k <= 31; k++) {
      assertEquals("tpmap:ind_" + k, codes.get(first + k - 1));
    }
    Indicator income = data.indicator("tpmap:ind_22").orElseThrow();
    Indicator bmn22 = data.indicator("bmn-2560:22").orElseThrow();
    assertEquals(ValueKind.COUNT, income.kind());
    assertEquals("people", income.valueUnit());
    assertEquals(Boolean.FALSE, income.higherIsBetter());
    assertEquals("Target poor failing BMN 22: " + bmn22.nameEn(), income.nameEn());
    assertEquals("คนจนเป้าหมายที่ตกเกณฑ์ จปฐ. ข้อ 22: " + bmn22.nameTh(), income.nameTh());
    assertTrue(income.definition().contains("poor.JPT.MOFval.ind22.CNT"), income.definition());
    // summed from the villages = TPMAP's own province file (Samut Prakan, 11)
    List<String> lines =
        Files.readAllLines(
            TestData.dir().resolve("indicators/real/tpmap-2561/61_province_11111.csv"));
    List<String> header = List.of(lines.get(0).replace("\"", "").split(","));
    int column = header.indexOf("poor.JPT.MOFval.ind22.CNT");
    String[] samutPrakan =
        lines.stream().filter(l -> l.startsWith("11,")).findFirst().orElseThrow().split(",");
    IndicatorValue v =
        data.values(IndicatorLoader.Y2561, AdminLevel.PROVINCE, "tpmap:ind_22")
            .orElseThrow()
            .get("11");
    assertEquals(Double.parseDouble(samutPrakan[column]), v.value());
    assertNull(v.denominator());
    assertEquals(
        counters.get("subdistrictUnits").intValue(),
        data.values(IndicatorLoader.Y2561, AdminLevel.SUBDISTRICT, "tpmap:ind_22")
            .orElseThrow()
            .size(),
        "every subdistrict unit of the village files");
    assertEquals(
        506.0,
        data.values(IndicatorLoader.Y2566, AdminLevel.PROVINCE, "tpmap:ind_22")
            .orElseThrow()
            .get("11")
            .value(),
        "the y66 file's own count");
  }

  @Test
  void year2561HasEveryLevelAndNoBangkok() {
    YearInfo y = data.year(2561).orElseThrow();
    assertEquals(2018, y.year().ce());
    assertEquals(4, y.levels().size(), "province, district, subdistrict and village");
    Map<String, IndicatorValue> prov =
        data.values(IndicatorLoader.Y2561, AdminLevel.PROVINCE, "tpmap:target_poor_rate")
            .orElseThrow();
    assertEquals(76, prov.size());
    assertFalse(prov.containsKey("10"));
    Map<String, IndicatorValue> sub =
        data.values(IndicatorLoader.Y2561, AdminLevel.SUBDISTRICT, "tpmap:people_surveyed")
            .orElseThrow();
    assertTrue(sub.containsKey("110151"), "municipal pseudo-subdistrict kept");
    assertTrue(
        sub.containsKey("530407") && !sub.containsKey("530306"),
        "ท่าแฝก keeps its code; on rtsd-2019 its polygon moves, not its data");
  }

  @Test
  void villagesKeepTheirOwnCountsWhichSumToTheirSubdistrict() {
    Map<String, IndicatorValue> villages =
        data.values(IndicatorLoader.Y2561, AdminLevel.VILLAGE, "tpmap:households_surveyed")
            .orElseThrow();
    assertEquals(84_090, villages.size());
    Map<String, Double> summed = new TreeMap<>();
    villages.forEach((code, v) -> summed.merge(code.substring(0, 6), v.numerator(), Double::sum));
    Map<String, IndicatorValue> subdistricts =
        data.values(IndicatorLoader.Y2561, AdminLevel.SUBDISTRICT, "tpmap:households_surveyed")
            .orElseThrow();
    assertEquals(subdistricts.keySet(), summed.keySet());
    subdistricts.forEach(
        (code, v) -> assertEquals(v.numerator(), summed.get(code), "households of " + code));
    // the first row of 61_village_common.csv.gz: 371 households in 1101100101
    assertEquals(371.0, villages.get("1101100101").numerator());
    assertTrue(villages.containsKey("340151A001"), "a community ID with a letter is a unit");
    Map<String, IndicatorValue> rate =
        data.values(IndicatorLoader.Y2561, AdminLevel.VILLAGE, "bmn-2560:16").orElseThrow();
    long zeroEligible =
        rate.values().stream().filter(v -> v.denominator() != null && v.denominator() == 0).count();
    assertTrue(zeroEligible > 0, "villages with no eligible units exist");
    rate.values().stream()
        .filter(v -> v.denominator() != null && v.denominator() == 0)
        .forEach(v -> assertNull(v.value(), "no eligible units is no data, never 0"));
  }

  @Test
  void year2566IsProvinceOnlyFromTheY66File() {
    YearInfo y = data.year(2566).orElseThrow();
    assertEquals(2023, y.year().ce());
    assertEquals(java.util.Set.of(AdminLevel.PROVINCE), y.levels());
    assertTrue(y.label().contains("province level only"));
    Map<String, IndicatorValue> rate =
        data.values(IndicatorLoader.Y2566, AdminLevel.PROVINCE, "tpmap:target_poor_rate")
            .orElseThrow();
    assertEquals(75, rate.size());
    assertFalse(rate.containsKey("10") || rate.containsKey("38"));
    IndicatorValue samutPrakan = rate.get("11");
    assertEquals(1995.0, samutPrakan.numerator());
    assertNull(samutPrakan.denominator());
    assertEquals(0.3978613208995854, samutPrakan.value(), 1e-15);
    assertEquals(
        3877.0,
        data.values(IndicatorLoader.Y2566, AdminLevel.PROVINCE, "tpmap:poor_households")
            .orElseThrow()
            .get("11")
            .value());
    assertTrue(
        data.values(IndicatorLoader.Y2566, AdminLevel.DISTRICT, "tpmap:target_poor").isEmpty());
    assertTrue(data.values(IndicatorLoader.Y2566, AdminLevel.PROVINCE, "bmn-2560:1").isEmpty());
    assertEquals(
        List.of(IndicatorLoader.Y2561, IndicatorLoader.Y2566),
        data.yearsAvailable("tpmap:target_poor").get(AdminLevel.PROVINCE));
  }

  @Test
  void y66RowsThatCannotBePlacedAreCounted() throws IOException {
    String header =
        ",province_ID,poor.household.CNT,poor.JPT.CNT,poor.JPT.MOFreg.CNT,poor.JPT.MOFval.CNT,"
            + "poor.JPT.MOFval.health,poor.JPT.MOFval.living,poor.JPT.MOFval.education,"
            + "poor.JPT.MOFval.income,poor.JPT.MOFval.accessibility,JPT.MOFval.pov.rate";
    String text =
        header
            + "\n0,12,1,2,3,4,5,6,7,8,9,0.25\n1,1X,1,2,3,4,5,6,7,8,9,0.5"
            + "\n2,11,1,2,3,4,5,6,7,8,9,NA\n3,12,9,9,9,9,9,9,9,9,9,0.75\n";
    Map<String, Long> stats = new HashMap<>();
    Map<String, Map<String, IndicatorValue>> v =
        Y66Loader.read(new StringReader(text), "y66", stats);
    assertEquals(2L, stats.get("rowsUnplaceable"), "1X and the second 12");
    assertEquals(0.25, v.get("tpmap:target_poor_rate").get("12").value(), "the first 12 kept");
    for (Map<String, IndicatorValue> column : v.values()) {
      assertEquals(List.of("11", "12"), List.copyOf(column.keySet()), "in code order");
      assertSame(
          ((ValueColumn) v.get("tpmap:target_poor")).areas(),
          assertInstanceOf(ValueColumn.class, column).areas());
    }
    assertEquals("rate not in file", v.get("tpmap:target_poor_rate").get("11").missingReason());
    assertEquals(4.0, v.get("tpmap:target_poor").get("11").value());
  }

  @Test
  void missingFilesAreNamed(@TempDir Path tmp) throws IOException {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IndicatorLoader.load(tmp, new HashMap<>(), CodeRemaps.NONE));
    assertTrue(e.getMessage().contains("catalog.csv"), e.getMessage());
    Files.copy(TestData.dir().resolve("indicators/catalog.csv"), tmp.resolve("catalog.csv"));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IndicatorLoader.load(tmp, new HashMap<>(), CodeRemaps.NONE));
    assertTrue(e.getMessage().contains("61_village_common.csv.gz"), e.getMessage());
  }
}
