package org.phaenthi.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.ValueKind;

/**
 * Indicator-definition files: one row per indicator with {@code code}, {@code name_th}, {@code
 * name_en}, {@code unit}, {@code kind} ({@code percent}, {@code count}, {@code weighted_mean}),
 * {@code higher_is_better}, {@code definition_en} / {@code definition_th} and optionally {@code
 * set}, {@code category_code}, {@code category_th}, {@code category_en}. They create or extend the
 * indicator set named by {@code set} (or the {@code indicator_set} option).
 */
final class Definitions {
  private Definitions() {}

  interface Sink {
    void issue(
        Issue.Severity s,
        String kind,
        Integer row,
        String column,
        String en,
        String th,
        List<String> suggestions);
  }

  static List<Indicator> read(Table t, Detector.Detection d, Sink sink, IntConsumer progress) {
    String[] h = d.headers();
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < h.length; i++) {
      col.putIfAbsent(Headers.norm(h[i]), i);
    }
    String set = d.options().indicatorSet();
    List<Indicator> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int errors = 0;
    int start = d.options().firstHeaderRow() + d.options().headerRows();
    for (int r = start; r < t.rows().size(); r++) {
      String[] row = t.rows().get(r);
      int rowNo = r + 1;
      String code = get(row, col, "code");
      if (code.isEmpty()) {
        continue;
      }
      String rowSet = get(row, col, "set");
      String s = rowSet.isEmpty() ? set : rowSet;
      if (!code.contains(":")) {
        code = s + ":" + code;
      }
      String nameTh = get(row, col, "name_th");
      String nameEn = get(row, col, "name_en");
      String kindText = get(row, col, "kind").toLowerCase(java.util.Locale.ROOT);
      ValueKind kind =
          switch (kindText) {
            case "", "percent", "rate", "ร้อยละ" -> ValueKind.PERCENT;
            case "count", "จำนวน" -> ValueKind.COUNT;
            case "weighted_mean", "mean" -> ValueKind.WEIGHTED_MEAN;
            default -> null;
          };
      if (kind == null) {
        sink.issue(
            Issue.Severity.ERROR,
            "bad_definition",
            rowNo,
            "kind",
            "row " + rowNo + ": kind '" + kindText + "' must be percent, count or weighted_mean",
            "แถว " + rowNo + ": ชนิด '" + kindText + "' ต้องเป็น percent, count หรือ weighted_mean",
            null);
        errors++;
        continue;
      }
      if (nameTh.isEmpty() && nameEn.isEmpty()) {
        sink.issue(
            Issue.Severity.ERROR,
            "bad_definition",
            rowNo,
            "name_th",
            "row " + rowNo + ": indicator " + code + " has no name",
            "แถว " + rowNo + ": ตัวชี้วัด " + code + " ไม่มีชื่อ",
            null);
        errors++;
        continue;
      }
      if (!seen.add(code)) {
        sink.issue(
            Issue.Severity.ERROR,
            "duplicate_row",
            rowNo,
            "code",
            "row " + rowNo + " defines " + code + " a second time",
            "แถว " + rowNo + " นิยาม " + code + " ซ้ำ",
            null);
        errors++;
        continue;
      }
      String hib = get(row, col, "higher_is_better").toLowerCase(java.util.Locale.ROOT);
      Boolean higher =
          hib.isEmpty()
              ? null
              : hib.equals("true") || hib.equals("yes") || hib.equals("1") || hib.equals("ใช่");
      String defEn = get(row, col, "definition_en");
      String defTh = get(row, col, "definition_th");
      String unit = get(row, col, "unit");
      out.add(
          new Indicator(
              code,
              s,
              blankToNull(get(row, col, "category_code")),
              blankToNull(get(row, col, "category_th")),
              blankToNull(get(row, col, "category_en")),
              nameTh.isEmpty() ? nameEn : nameTh,
              nameEn.isEmpty() ? nameTh : nameEn,
              unit.isEmpty() ? null : unit,
              higher,
              kind,
              kind == ValueKind.PERCENT ? "%" : unit.isEmpty() ? null : unit,
              blankToNull(defEn),
              kind == ValueKind.PERCENT ? "units passing" : null,
              kind == ValueKind.PERCENT ? "eligible units" : null,
              null,
              "indicator definitions upload",
              blankToNull(defTh)));
    }
    progress.accept(t.rows().size() - start);
    if (out.isEmpty() && errors == 0) {
      sink.issue(
          Issue.Severity.ERROR,
          "no_rows",
          null,
          null,
          "the file defines no indicator",
          "ไฟล์ไม่มีนิยามตัวชี้วัด",
          null);
    }
    return out;
  }

  private static String get(String[] row, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= row.length ? "" : row[i].trim();
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
