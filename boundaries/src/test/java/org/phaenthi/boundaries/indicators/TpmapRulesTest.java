package org.phaenthi.boundaries.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.load.CodeRemapReader;

/** Aggregation rules on three villages written in memory. */
class TpmapRulesTest {
  private static final SurveyYear Y = IndicatorLoader.Y2561;
  private CountTable common;
  private CountTable poor;
  private IndicatorData data;

  /**
   * Villages: 1101010101 (regular tambon, no newborns → indicator1.ALL = 0), 1101510101 (municipal
   * pseudo-subdistrict 110151), 5304070101 (ท่าแฝก, which stays 530407: on the bundled vintage its
   * polygon moves, not its data), 1047030101 (บางนาใต้, joined to the 2019 polygon 104701); plus
   * two rows that cannot be placed.
   */
  @BeforeEach
  void load() throws IOException {
    TpmapLoader loader =
        new TpmapLoader(CodeRemapReader.forVintage(CodeRemapReader.BUNDLED_VINTAGE)::remap);
    common =
        loader.read(
            new StringReader(
                commonCsv(
                    row("1101010101", 100, 250, 8.0, 0),
                    row("1101510101", 300, 700, 6.0, 10),
                    row("5304070101", 50, 150, Double.NaN, 5),
                    row("1047030101", 20, 40, 7.0, 0),
                    row("11010", 1, 1, 1.0, 1),
                    row("1101020101", 1, 1, 1.0, 1).replace(",1,1,", ",x,1,"))),
            "common");
    poor =
        loader.read(
            new StringReader(
                poorCsv(
                    "1101010101,10,20,5,4",
                    "1101510101,30,70,9,7",
                    "5304070101,0,0,0,0",
                    "1047030101,0,0,0,0")),
            "poor");
    data = IndicatorLoader.build(catalog(), common, poor, Map.of());
  }

  @Test
  void zeroDenominatorGivesNoValueWithAReason() {
    IndicatorValue v = value(AdminLevel.SUBDISTRICT, "bmn-2560:1", "110101");
    assertNull(v.value());
    assertEquals(0.0, v.denominator());
    assertEquals("no eligible units", v.missingReason());
    // the pseudo-subdistrict has newborns, so the district has a value made from summed counts
    IndicatorValue d = value(AdminLevel.DISTRICT, "bmn-2560:1", "1101");
    assertEquals(10.0, d.denominator());
    assertEquals(9.0, d.numerator());
    assertEquals(90.0, d.value(), 1e-12);
  }

  @Test
  void areasAbsentFromTheDataHaveNoEntry() {
    Map<String, IndicatorValue> sub =
        data.values(Y, AdminLevel.SUBDISTRICT, "tpmap:people_surveyed").orElseThrow();
    assertEquals(List.of("104701", "110101", "110151", "530407"), List.copyOf(sub.keySet()));
    assertFalse(sub.containsKey("830101"));
    assertFalse(
        data.values(Y, AdminLevel.DISTRICT, "tpmap:people_surveyed")
            .orElseThrow()
            .containsKey("8301"));
    assertTrue(
        data.values(IndicatorLoader.Y2566, AdminLevel.PROVINCE, "tpmap:target_poor").isEmpty());
    assertFalse(data.years().containsKey(IndicatorLoader.Y2566));
  }

  @Test
  void valuesAreColumnsThatShareOneCodeIndexPerLevel() {
    for (AdminLevel level : AdminLevel.standard()) {
      AreaIndex first = null;
      for (Map<String, IndicatorValue> byArea : data.all().get(Y).get(level).values()) {
        ValueColumn column = assertInstanceOf(ValueColumn.class, byArea);
        if (first == null) {
          first = column.areas();
        }
        assertSame(first, column.areas(), level + ": every indicator has the same areas here");
      }
    }
    ValueColumn rate =
        (ValueColumn) data.values(Y, AdminLevel.SUBDISTRICT, "bmn-2560:2").orElseThrow();
    assertEquals(ValueColumn.Derivation.PERCENT, rate.derivation(), "value not stored twice");
  }

  @Test
  void thaFaekStaysInNamPatDistrictAndANewBangkokCodeJoinsItsPolygon() {
    assertEquals(1, common.stat("codesRemapped"), "only the Bangkok village");
    assertEquals(150.0, value(AdminLevel.SUBDISTRICT, "tpmap:people_surveyed", "530407").value());
    assertEquals(150.0, value(AdminLevel.DISTRICT, "tpmap:people_surveyed", "5304").value());
    assertFalse(
        data.values(Y, AdminLevel.DISTRICT, "tpmap:people_surveyed")
            .orElseThrow()
            .containsKey("5303"));
    assertEquals(40.0, value(AdminLevel.SUBDISTRICT, "tpmap:people_surveyed", "104701").value());
    assertEquals(40.0, value(AdminLevel.DISTRICT, "tpmap:people_surveyed", "1047").value());
  }

  @Test
  void pseudoSubdistrictCountsInItsDistrictAndProvince() {
    assertEquals(
        300.0, value(AdminLevel.SUBDISTRICT, "tpmap:households_surveyed", "110151").value());
    assertEquals(400.0, value(AdminLevel.DISTRICT, "tpmap:households_surveyed", "1101").value());
    assertEquals(400.0, value(AdminLevel.PROVINCE, "tpmap:households_surveyed", "11").value());
    IndicatorValue rate = value(AdminLevel.DISTRICT, "tpmap:target_poor_rate", "1101");
    assertEquals(14.0, rate.numerator());
    assertEquals(950.0, rate.denominator());
    assertEquals(14.0 / 950 * 100, rate.value(), 1e-12);
  }

  @Test
  void happinessIsHouseholdWeightedAndSkipsVillagesWithoutAScore() {
    IndicatorValue h = value(AdminLevel.PROVINCE, "tpmap:happiness", "11");
    assertEquals((8.0 * 100 + 6.0 * 300) / 400, h.value(), 1e-12);
    assertEquals(400.0, h.denominator());
    assertEquals(1, common.stat("meanMissing"));
    IndicatorValue none = value(AdminLevel.SUBDISTRICT, "tpmap:happiness", "530407");
    assertNull(none.value());
    assertEquals("no households with a score", none.missingReason());
  }

  @Test
  void rowsThatCannotBePlacedAreCountedNotDropped() {
    assertEquals(6, common.stat("rows"));
    assertEquals(2, common.stat("rowsUnplaceable"));
    assertEquals(0, poor.stat("rowsUnplaceable"));
  }

  private IndicatorValue value(AdminLevel level, String code, String area) {
    return data.values(Y, level, code).orElseThrow().get(area);
  }

  /** A common-file row: households, people, happiness (NaN → NA), newborns eligible. */
  private static String row(String id, int households, int people, double happiness, int newborns) {
    List<String> cells = new ArrayList<>(List.of("\"" + id + "\"", "" + households, "" + people));
    for (int i = 0; i < 5; i++) {
      cells.add("1");
    }
    cells.add(Double.isNaN(happiness) ? "NA" : "" + happiness);
    for (int k = 1; k <= 31; k++) {
      cells.add(k == 1 ? "" + newborns : "" + people);
    }
    for (int k = 1; k <= 31; k++) {
      cells.add(k == 1 && newborns > 0 ? "1" : "0");
    }
    cells.add("\"" + id.substring(0, 2) + "\"");
    return String.join(",", cells);
  }

  private static String commonCsv(String... rows) {
    List<String> h =
        new ArrayList<>(
            List.of(
                "village_ID",
                "household.CNT",
                "HOUSEMEMBER_CNT",
                "MOF_REG_CNT",
                "MOF_VAL_CNT",
                "ELDERLY_CNT",
                "DISABLED_CNT",
                "CHRONICPATIENT_CNT",
                "happiness"));
    for (int k = 1; k <= 31; k++) {
      h.add("indicator" + k + ".ALL");
    }
    for (int k = 1; k <= 31; k++) {
      h.add("indicator" + k + ".CNT");
    }
    h.add("province_ID");
    return String.join(",", h) + "\r\n" + String.join("\r\n", rows) + "\r\n";
  }

  /** Rows: id, poor households, poor people, target poor, health; the other dims are 1. */
  private static String poorCsv(String... rows) {
    String header =
        "village_ID,poor.household.CNT,poor.JPT.CNT,poor.JPT.MOFval.CNT,poor.JPT.MOFval.health,"
            + "poor.JPT.MOFreg.CNT,poor.JPT.MOFval.living,poor.JPT.MOFval.education,"
            + "poor.JPT.MOFval.income,poor.JPT.MOFval.accessibility,JPT.MOFval.pov.rate";
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (String r : rows) {
      sb.append(r).append(",1,1,1,1,1,99.9\n");
    }
    return sb.toString();
  }

  private List<CatalogEntry> catalog() {
    List<CatalogEntry> out = new ArrayList<>();
    for (TpmapMeasures.Measure m : TpmapMeasures.measures(common, poor)) {
      out.add(
          new CatalogEntry(
              m.code().startsWith("bmn") ? "bmn-2560" : "tpmap-2561",
              m.code(),
              null,
              "C",
              "ก",
              "Cat",
              "ชื่อ " + m.code(),
              "Name " + m.code(),
              "person",
              null,
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              ""));
    }
    return out;
  }
}
