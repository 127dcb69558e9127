package org.phaenthi.server.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.ValueKind;

class ThaiDefinitionsTest {
  static Indicator indicator(String code, ValueKind kind) {
    return Indicator.builder(code, "s")
        .category("C", "ก", "C")
        .names("ชื่อ", "Name")
        .unit("person")
        .kind(kind, "%")
        .definition("d", null)
        .counts("n", "d")
        .source("src")
        .build();
  }

  @Test
  void eachKindOfIndicatorIsWordedInThai() {
    assertTrue(
        ThaiDefinitions.of(indicator("bmn-2560:16", ValueKind.PERCENT)).contains("ผ่านเกณฑ์"));
    assertTrue(
        ThaiDefinitions.of(indicator("tpmap:target_poor_rate", ValueKind.PERCENT))
            .contains("คนจนเป้าหมาย ÷ จำนวนคนที่สำรวจ"));
    assertTrue(ThaiDefinitions.of(indicator("tpmap:ind_22", ValueKind.COUNT)).contains("ข้อ 22"));
    assertTrue(ThaiDefinitions.of(indicator("tpmap:dim_health", ValueKind.COUNT)).contains("มิติ"));
    assertTrue(
        ThaiDefinitions.of(indicator("tpmap:happiness", ValueKind.WEIGHTED_MEAN))
            .contains("ถ่วงน้ำหนัก"));
    assertTrue(
        ThaiDefinitions.of(indicator("tpmap:people_surveyed", ValueKind.COUNT))
            .startsWith("จำนวน"));
  }
}
