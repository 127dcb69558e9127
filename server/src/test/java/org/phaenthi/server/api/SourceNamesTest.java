package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.TpmapDefinitions;
import org.phaenthi.server.Attribution;
import org.phaenthi.server.MissingData;
import org.phaenthi.server.render.Texts;

/**
 * The English the server gives names the survey in full (the Community Development Department's
 * Basic Minimum Needs survey), with no Thai script; the Thai says the same in Thai, the 2566 file
 * naming where it came from (the Open Parliament Hack 2024).
 */
class SourceNamesTest {
  private static final String THAI = "(?s).*[\\u0E00-\\u0E7F].*";
  private static final String BOTH =
      TpmapDefinitions.SOURCE_2561 + "; 2566: " + TpmapDefinitions.SOURCE_Y66;

  private static Indicator withSource(String source) {
    return withSource("tpmap:target_poor_rate", source);
  }

  private static Indicator withSource(String code, String source) {
    return ThaiTextTest.indicator(code, false, source);
  }

  /** The catalogue of {@code i} over the bundled years 2561 and 2566. */
  private static IndicatorData bothYears(Indicator i) {
    return new IndicatorData(
        List.of(i), List.of(TpmapDefinitions.year2561(), TpmapDefinitions.year2566()), Map.of());
  }

  private static void english(String text) {
    assertFalse(text == null || text.isBlank(), "some English");
    assertFalse(text.matches(THAI), "no Thai script: " + text);
  }

  @Test
  void theSurveyIsNamedInFullInEnglish() {
    assertEquals(
        "Community Development Department (CDD) Basic Minimum Needs (BMN) survey",
        Attribution.BMN_SURVEY);
    String en = SourceNames.en(withSource(BOTH));
    english(en);
    assertTrue(en.contains(Attribution.BMN_SURVEY), en);
    assertTrue(en.contains("; 2566: TPMAP y66") && en.contains("Open Parliament Hack 2024"), en);
    for (String s :
        new String[] {
          Attribution.INDICATORS,
          Attribution.INDICATORS_SHORT,
          Attribution.BOUNDARIES,
          Attribution.BOUNDARIES_SHORT,
          SourceNames.en(TpmapDefinitions.LABEL_2561),
          SourceNames.en(TpmapDefinitions.SOURCE_Y66)
        }) {
      english(s);
    }
    assertTrue(Attribution.INDICATORS_SHORT.contains(Attribution.BMN_SURVEY));
    assertTrue(SourceNames.en(TpmapDefinitions.LABEL_2561).contains(Attribution.BMN_SURVEY));
  }

  @Test
  void theThaiSourcesSayWhereTheDataCameFrom() {
    String th = SourceNames.th(withSource(BOTH));
    assertTrue(th.contains(Attribution.BMN_SURVEY_TH), th);
    assertTrue(th.endsWith("ผ่านโครงการ Open Parliament Hack 2024"), th);
    assertTrue(th.contains("ปี 2566: TPMAP ปี 2566"), th);
    assertTrue(SourceNames.th(TpmapDefinitions.LABEL_2561).matches(THAI));
    assertFalse(SourceNames.th(TpmapDefinitions.LABEL_2561).contains("indicator set"));
    assertEquals("TPMAP ปี 2566", ThaiText.sourceName(TpmapDefinitions.SOURCE_Y66));
  }

  @Test
  void anUnknownSourceIsItsOwnEnglishAndHasNoThai() {
    assertEquals("someone's spreadsheet", SourceNames.en("someone's spreadsheet"));
    assertNull(SourceNames.th("someone's spreadsheet"));
    assertNull(SourceNames.th(withSource("someone's spreadsheet")));
    assertNull(SourceNames.en((String) null));
  }

  @Test
  void theIndicatorsCatalogueServesSourceEn() {
    Indicator i = withSource(BOTH);
    IndicatorData data = bothYears(i);
    Map<String, Object> d = IndicatorsHandler.describe(i, data);
    assertEquals(BOTH, d.get("source"), "the stored source stays");
    english((String) d.get("source_en"));
    assertEquals(SourceNames.en(i), d.get("source_en"));
    assertEquals(ThaiText.source(i), d.get("source_th"));
  }

  @Test
  void bangkoksReasonPicturesAndCaveatsInEnglishHaveNoThai() {
    GeometryFactory gf = new GeometryFactory();
    Area bangkok =
        new Area(
            "10",
            "กรุงเทพมหานคร",
            "Bangkok",
            null,
            AdminLevel.PROVINCE,
            gf.createPolygon(
                new Coordinate[] {
                  new Coordinate(0, 0),
                  new Coordinate(1, 0),
                  new Coordinate(1, 1),
                  new Coordinate(0, 0)
                }));
    String why = MissingData.missingReason(bangkok);
    english(why);
    assertTrue(why.contains("Bangkok") && why.contains(Attribution.BMN_SURVEY), why);
    assertEquals("ไม่มีข้อมูล: กรุงเทพมหานครไม่อยู่ในการสำรวจ จปฐ.", ThaiText.reason(why));
    Texts en = new Texts("en");
    english(en.t("bangkok"));
    english(en.t("licence"));
    assertTrue(new Texts("th").t("bangkok").startsWith("กรุงเทพมหานคร"));

    Indicator i = withSource(BOTH);
    IndicatorData data = bothYears(i);
    String caveat = new Change(i, TpmapDefinitions.Y2561, TpmapDefinitions.Y2566).caveat(data);
    english(caveat);
    assertTrue(caveat.contains(Attribution.BMN_SURVEY), caveat);
    english(EnglishDefinitions.of(withSource("tpmap:ind_3", BOTH)));
  }
}
