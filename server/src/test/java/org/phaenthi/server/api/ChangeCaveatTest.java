package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.TpmapDefinitions;
import org.phaenthi.boundaries.indicators.YearInfo;

/** The Thai change caveat names the sources in Thai: no English words, only codes and years. */
class ChangeCaveatTest {
  private static final Indicator RATE =
      TwoYears.dataset().indicators().indicators().stream()
          .filter(i -> i.code().equals(TwoYears.RATE))
          .findFirst()
          .orElseThrow();

  /** The Thai caveat with the system's name TPMAP (as the Thai sources write it) taken out. */
  private static String latinIn(String th) {
    return th.replace("TPMAP", "").replaceAll("[^A-Za-z]", "");
  }

  @Test
  void theBundledSourcesAreNamedInThai() {
    IndicatorData data =
        new IndicatorData(
            List.of(RATE),
            List.of(TpmapDefinitions.year2561(), TpmapDefinitions.year2566()),
            Map.of());
    Change c = new Change(RATE, TpmapDefinitions.Y2561, TpmapDefinitions.Y2566);
    assertTrue(c.caveat(data).contains("Open Parliament Hack"), c.caveat(data));
    String th = c.caveatTh(data);
    assertNotNull(th);
    assertEquals("", latinIn(th), th);
    assertTrue(th.contains("ปี 2561: ข้อมูลสาธารณะ TPMAP (สศช./เนคเทค)"), th);
    assertTrue(th.contains("ปี 2566: TPMAP ปี 2566"), th);
    assertTrue(th.contains("แหล่งต่างกัน"), th);
  }

  @Test
  void aSourceWithoutThaiIsLeftOutAndItsYearStays() {
    IndicatorData data = TwoYears.dataset().indicators(); // "tpmap-2561 files", "y66 province file"
    Change c = new Change(RATE, TpmapDefinitions.Y2561, TpmapDefinitions.Y2566);
    String th = c.caveatTh(data);
    assertNotNull(th);
    assertEquals("", latinIn(th), th);
    assertTrue(th.contains("ปี 2561") && th.contains("ปี 2566"), th);
    assertFalse(th.contains("files"), th);
  }

  @Test
  void oneSourceHasNoCaveat() {
    YearInfo a = TpmapDefinitions.year2561();
    YearInfo b =
        new YearInfo(
            TpmapDefinitions.Y2566, "2566", a.source(), Set.of(AdminLevel.PROVINCE), false);
    IndicatorData data = new IndicatorData(List.of(RATE), List.of(a, b), Map.of());
    assertEquals(
        null, new Change(RATE, TpmapDefinitions.Y2561, TpmapDefinitions.Y2566).caveatTh(data));
  }
}
