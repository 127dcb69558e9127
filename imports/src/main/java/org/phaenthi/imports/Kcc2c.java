package org.phaenthi.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.ValueKind;

/**
 * กชช.2ค village files: each column of problem levels (1 มาก, 2 ปานกลาง, 3 น้อย) or of development
 * classes (เร่งรัดพัฒนาอันดับ 1/2/3) becomes three rates, "share of villages at level k" = villages
 * at level k ÷ villages scored, which sum up the hierarchy like any count.
 */
final class Kcc2c {
  private static final String[] LEVEL_TH = {"มาก", "ปานกลาง", "น้อย"};
  private static final String[] LEVEL_EN = {"severe", "moderate", "minor"};

  private Kcc2c() {}

  static List<Mapping.IndicatorColumns> expand(
      List<Mapping.IndicatorColumns> cols,
      String[] headers,
      Map<String, Indicator> known,
      List<Indicator> defined) {
    List<Mapping.IndicatorColumns> out = new ArrayList<>();
    for (Mapping.IndicatorColumns c : cols) {
      if (c.levels() == null || c.indicator() == null) {
        out.add(c);
        continue;
      }
      String header = headers[c.levels()];
      boolean klass = c.indicator().endsWith(":class");
      for (int k = 1; k <= 3; k++) {
        String code = c.indicator() + ".level" + k;
        if (!known.containsKey(code)) {
          String th =
              klass
                  ? "สัดส่วนหมู่บ้านเร่งรัดพัฒนาอันดับ " + k
                  : header
                      + " — สัดส่วนหมู่บ้านที่มีปัญหาระดับ "
                      + k
                      + " ("
                      + LEVEL_TH[k - 1]
                      + ")";
          String en =
              klass
                  ? "Share of villages in development class " + k
                  : header
                      + " — share of villages at problem level "
                      + k
                      + " ("
                      + LEVEL_EN[k - 1]
                      + ")";
          Indicator i =
              Indicator.builder(code, "nrd2c")
                  .names(th, en)
                  .unit("village")
                  .higherIsBetter(k == 1 ? Boolean.FALSE : k == 3 ? Boolean.TRUE : null)
                  .kind(ValueKind.PERCENT, "%")
                  .definition("villages at level " + k + " / villages scored × 100 (กชช.2ค)", null)
                  .counts("villages at level " + k, "villages scored")
                  .source("กชช.2ค (NRD2C) upload")
                  .build();
          known.put(code, i);
          defined.add(i);
        }
        out.add(
            new Mapping.IndicatorColumns(
                code, null, null, null, null, null, c.levels(), "level" + k));
      }
    }
    return out;
  }

  /** {1 when the village is at this column's level else 0, 1 village}; null when not scored. */
  static long[] level(String[] row, int rowNo, Mapping.IndicatorColumns c, Validator v) {
    String s = Validator.cell(row, c.levels());
    if (s.isEmpty()) {
      return null;
    }
    int want = c.numeratorKind().charAt(5) - '0';
    if (!s.equals("1") && !s.equals("2") && !s.equals("3")) {
      if (want == 1) {
        v.cellIssue(
            Issue.Severity.ERROR,
            "not_a_level",
            rowNo,
            c.levels(),
            "row " + rowNo + ": '" + s + "' is not a level (1, 2 or 3)",
            "แถว " + rowNo + ": '" + s + "' ไม่ใช่ระดับ (1, 2 หรือ 3)");
      }
      return null;
    }
    return new long[] {s.charAt(0) - '0' == want ? 1 : 0, 1};
  }
}
