package org.phaenthi.server.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

  @Test
  void englishDatesSayTheYearIsBuddhistEraThaiOnesNeedNot() {
    assertEquals("2 December 2569 B.E.", new Texts("en").date(DAY));
    assertEquals("2 ธันวาคม 2569", new Texts("th").date(DAY));
  }

  @Test
  void countsOfAreasTakeTheEnglishPlural() {
    Texts en = new Texts("en");
    assertEquals("76 provinces", en.areasOf(76, "จังหวัด", "Province"));
    assertEquals("1 province", en.areasOf(1, "จังหวัด", "Province"));
    assertEquals("3 districts", en.areasOf(3, "อำเภอ", "District"));
    assertEquals("12 subdistricts", en.areasOf(12, "ตำบล", "Subdistrict"));
    assertEquals("2 municipalities", en.areasOf(2, "เทศบาล", "Municipality"));
    assertEquals("76 จังหวัด", new Texts("th").areasOf(76, "จังหวัด", "Province"));
  }
}
