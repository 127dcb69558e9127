package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.server.Attribution;

/** The Thai the API serves next to its English (reasons, units, sources, definitions). */
class ThaiTextTest {
  private static Indicator withSource(String source) {
    return indicator("tpmap:target_poor_rate", false, source);
  }

  /** A percent indicator of this code and source (SourceNamesTest makes its own with it). */
  static Indicator indicator(String code, Boolean higherIsBetter, String source) {
    return Indicator.builder(code, "s")
        .category("C", "ก", "C")
        .names("ชื่อ", "Name")
        .unit("person")
        .higherIsBetter(higherIsBetter)
        .kind(ValueKind.PERCENT, "%")
        .definition("d", null)
        .counts("n", "d")
        .source(source)
        .build();
  }

  @Test
  void reasonsTheServerGivesHaveThai() {
    assertEquals(
        "ไม่มีข้อมูล: กรุงเทพมหานครไม่อยู่ในการสำรวจ จปฐ.",
        ThaiText.reason("no data: " + Attribution.BANGKOK_NOT_SURVEYED));
    assertEquals("ไม่มีหน่วยที่ต้องสำรวจตามตัวชี้วัดนี้", ThaiText.reason("no eligible units"));
    assertEquals(
        "ไม่มีข้อมูลปี 2561: กรุงเทพมหานครไม่อยู่ในการสำรวจ จปฐ.",
        ThaiText.reason("no data in 2561: " + Attribution.BANGKOK_NOT_SURVEYED));
    assertEquals("ไม่มีข้อมูลปี 2566", ThaiText.reason("no data in 2566"));
    assertTrue(ThaiText.reason("the count was 0 in 2561: no per cent change").contains("2561"));
    assertNull(ThaiText.reason("a user's own words"), "unknown: no Thai rather than English");
  }

  @Test
  void everyFixedMissingReasonHasThai() {
    for (String en :
        new String[] {
          "no data for this area in this year",
          "no people surveyed",
          "no households with a score",
          // the importer's derived rates and weighted means (imports/DerivedRates, UploadMerger)
          "denominator not in data",
          "no units with a score"
        }) {
      assertTrue(ThaiText.reason(en) != null, en);
    }
  }

  @Test
  void unitsAndSourcesInThaiWithoutEnglishWords() {
    assertEquals("คน", ThaiText.unit("people"));
    assertEquals("คะแนน", ThaiText.unit("score"));
    String both =
        ThaiText.source(
            withSource(
                "TPMAP (NESDC/NECTEC) 2561 public data: CDD จปฐ. household survey + MOF welfare"
                    + " registry; 2566: TPMAP y66 (province level only; indicator-set year"
                    + " unknown), via Open Parliament Hack 2024"));
    assertTrue(both.contains("ปี 2566: TPMAP ปี 2566"), both);
    assertFalse(both.contains("public data") || both.contains("province level"), both);
    assertNull(ThaiText.source(withSource("someone's spreadsheet")));
  }

  @Test
  void englishDefinitionsNameNoColumns() {
    for (String code : new String[] {"bmn-2560:7", "tpmap:target_poor_rate", "tpmap:ind_3"}) {
      String en = EnglishDefinitions.of(indicator(code, null, "src"));
      assertFalse(en.matches("(?s).*(\\.ALL|\\.CNT|JPT|MOFval).*"), en);
    }
  }
}
