package org.phaenthi.boundaries.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorValueTest {
  /**
   * Part ids hash this text: the written-out toString must give exactly what the generated record
   * toString gave (Java 17's ObjectMethods: "%s[name=%s, …]" through String.format).
   */
  @Test
  void toStringIsTheRecordsOwnText() {
    List<IndicatorValue> values =
        List.of(
            new IndicatorValue("10010101", 12.0, 30.0, 40.0, null),
            new IndicatorValue("8301", 1.0e7, 0.0, null, "no eligible units"),
            new IndicatorValue("83", null, null, null, "ไม่มีข้อมูล"),
            new IndicatorValue("5304", -0.0, Double.NaN, 1.0 / 3.0, ""),
            new IndicatorValue("10", 123456789012.0, 1e-5, Double.MAX_VALUE, "x, y=z]"),
            IndicatorValue.missing(null, null));
    for (IndicatorValue v : values) {
      assertEquals(
          String.format(
              "IndicatorValue[areaCode=%s, numerator=%s, denominator=%s, value=%s,"
                  + " missingReason=%s]",
              v.areaCode(), v.numerator(), v.denominator(), v.value(), v.missingReason()),
          v.toString());
    }
  }
}
