package org.phaenthi.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.indicators.Derivation;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.ValueKind;

/**
 * Indicator-definition files: one row per indicator with {@code code}, {@code name_th}, {@code
 * name_en}, {@code unit}, {@code kind} ({@code percent}, {@code count}, {@code weighted_mean}),
 * {@code higher_is_better}, {@code definition_en} / {@code definition_th} and optionally {@code
 * set}, {@code category_code}, {@code category_th}, {@code category_en}. They create or extend the
 * indicator set named by {@code set} (or the {@code indicator_set} option).
 *
 * <p>Derived values ({@link Derivation}), optional columns: {@code numerator_indicator} and {@code
 * denominator_indicator} make a <b>derived rate</b> (kind percent) of two count indicators of the
 * same set, defined in the same file or already in the set (a bare code gets the set's prefix);
 * {@code score_column} and {@code weight_column} make a <b>weighted mean</b> (kind weighted_mean,
 * the default when they are given) of the value files' columns of those names. Each pair is given
 * whole or not at all.
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
    return read(t, d, List.of(), sink, progress);
  }

  /**
   * @param existing the served indicator sets: a derived rate may refer to a count indicator the
   *     set already has
   */
  static List<Indicator> read(
      Table t, Detector.Detection d, List<IndicatorSet> existing, Sink sink, IntConsumer progress) {
    String[] h = d.headers();
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < h.length; i++) {
      col.putIfAbsent(Headers.norm(h[i]), i);
    }
    String set = d.options().indicatorSet();
    List<Indicator> out = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
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
      boolean scored = !get(row, col, "score_column").isEmpty();
      ValueKind kind =
          switch (kindText) {
            case "" -> scored ? ValueKind.WEIGHTED_MEAN : ValueKind.PERCENT;
            case "percent", "rate", "ร้อยละ" -> ValueKind.PERCENT;
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
      Derivation derivation = derivation(row, col, rowNo, s, code, kind, sink);
      if (derivation == INVALID) {
        errors++;
        continue;
      }
      if (derivation != null && defEn.isEmpty()) {
        defEn = formula(derivation);
      }
      rowOf.add(rowNo);
      out.add(
          Indicator.builder(code, s)
              .category(
                  blankToNull(get(row, col, "category_code")),
                  blankToNull(get(row, col, "category_th")),
                  blankToNull(get(row, col, "category_en")))
              .names(nameTh.isEmpty() ? nameEn : nameTh, nameEn.isEmpty() ? nameTh : nameEn)
              .unit(unit.isEmpty() ? null : unit)
              .higherIsBetter(higher)
              .kind(kind, kind == ValueKind.PERCENT ? "%" : unit.isEmpty() ? null : unit)
              .definition(blankToNull(defEn), blankToNull(defTh))
              .counts(
                  derivation != null
                      ? numeratorLabel(derivation)
                      : kind == ValueKind.PERCENT ? "units passing" : null,
                  derivation != null
                      ? denominatorLabel(derivation)
                      : kind == ValueKind.PERCENT ? "eligible units" : null)
              .source("indicator definitions upload")
              .derivation(derivation)
              .build());
    }
    errors += checkRatios(out, rowOf, existing, sink);
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

  /** Marks a row whose derivation columns were refused (reported to the sink). */
  private static final Derivation INVALID = Derivation.ratio("?", "?");

  /**
   * The row's derivation: null when it has none, {@link #INVALID} after reporting a half-given
   * pair, two pairs, or a pair that does not suit the kind.
   */
  private static Derivation derivation(
      String[] row,
      Map<String, Integer> col,
      int rowNo,
      String set,
      String code,
      ValueKind kind,
      Sink sink) {
    String num = get(row, col, "numerator_indicator");
    String den = get(row, col, "denominator_indicator");
    String score = get(row, col, "score_column");
    String weight = get(row, col, "weight_column");
    boolean ratio = !num.isEmpty() || !den.isEmpty();
    boolean mean = !score.isEmpty() || !weight.isEmpty();
    String problemEn = null;
    String problemTh = null;
    String column = null;
    if (ratio && mean) {
      column = "score_column";
      problemEn = "a derived rate (numerator_indicator) and a weighted mean (score_column) at once";
      problemTh =
          "กำหนดทั้งอัตราที่คำนวณจากตัวชี้วัดอื่น (numerator_indicator) และค่าเฉลี่ยถ่วงน้ำหนัก";
    } else if (ratio && (num.isEmpty() || den.isEmpty())) {
      column = num.isEmpty() ? "numerator_indicator" : "denominator_indicator";
      problemEn = "a derived rate needs both numerator_indicator and denominator_indicator";
      problemTh =
          "อัตราที่คำนวณจากตัวชี้วัดอื่นต้องระบุทั้ง numerator_indicator และ denominator_indicator";
    } else if (ratio && kind != ValueKind.PERCENT) {
      column = "kind";
      problemEn = "a derived rate (numerator_indicator) must be of kind percent";
      problemTh = "อัตราที่คำนวณจากตัวชี้วัดอื่นต้องมีชนิด percent";
    } else if (mean && (score.isEmpty() || weight.isEmpty())) {
      column = score.isEmpty() ? "score_column" : "weight_column";
      problemEn = "a weighted mean needs both score_column and weight_column";
      problemTh = "ค่าเฉลี่ยถ่วงน้ำหนักต้องระบุทั้ง score_column และ weight_column";
    } else if (mean && kind != ValueKind.WEIGHTED_MEAN) {
      column = "kind";
      problemEn = "a weighted mean (score_column) must be of kind weighted_mean";
      problemTh = "ค่าเฉลี่ยถ่วงน้ำหนัก (score_column) ต้องมีชนิด weighted_mean";
    } else if (mean && score.equalsIgnoreCase(weight)) {
      column = "weight_column";
      problemEn = "the score and weight columns are the same column " + score;
      problemTh = "คอลัมน์คะแนนและคอลัมน์น้ำหนักเป็นคอลัมน์เดียวกัน (" + score + ")";
    }
    if (problemEn != null) {
      sink.issue(
          Issue.Severity.ERROR,
          "bad_definition",
          rowNo,
          column,
          "row " + rowNo + ": " + code + ": " + problemEn,
          "แถว " + rowNo + ": " + code + ": " + problemTh,
          null);
      return INVALID;
    }
    if (ratio) {
      return Derivation.ratio(qualified(num, set), qualified(den, set));
    }
    return mean ? Derivation.weightedMean(score, weight) : null;
  }

  /**
   * Every derived rate's numerator and denominator must be a count indicator of its own set,
   * defined in this file or already in the set, and not the rate itself; the errors, reported.
   */
  private static int checkRatios(
      List<Indicator> defs, List<Integer> rowOf, List<IndicatorSet> existing, Sink sink) {
    Map<String, Indicator> known = new HashMap<>();
    for (IndicatorSet s : existing) {
      for (Indicator i : s.indicators()) {
        known.putIfAbsent(s.name() + "|" + i.code(), i);
      }
    }
    defs.forEach(i -> known.put(i.set() + "|" + i.code(), i));
    int errors = 0;
    for (int k = 0; k < defs.size(); k++) {
      Indicator i = defs.get(k);
      if (i.derivation() == null || i.derivation().kind() != Derivation.Kind.RATIO) {
        continue;
      }
      int rowNo = rowOf.get(k);
      for (String part : List.of("numerator_indicator", "denominator_indicator")) {
        String ref =
            part.startsWith("numerator")
                ? i.derivation().numerator()
                : i.derivation().denominator();
        Indicator r = known.get(i.set() + "|" + ref);
        String en = null;
        String th = null;
        if (ref.equals(i.code())) {
          en = part + " is the rate itself";
          th = part + " อ้างถึงตัวชี้วัดนี้เอง";
        } else if (r == null) {
          en = part + " " + ref + " is not an indicator of the set " + i.set();
          th = part + " " + ref + " ไม่ใช่ตัวชี้วัดในชุด " + i.set();
        } else if (r.kind() != ValueKind.COUNT) {
          en = part + " " + ref + " is not a count (kind count)";
          th = part + " " + ref + " ไม่ใช่ตัวชี้วัดชนิดจำนวน (count)";
        }
        if (en != null) {
          sink.issue(
              Issue.Severity.ERROR,
              "bad_definition",
              rowNo,
              part,
              "row " + rowNo + ": " + i.code() + ": " + en,
              "แถว " + rowNo + ": " + i.code() + ": " + th,
              null);
          errors++;
        }
      }
    }
    return errors;
  }

  private static String qualified(String code, String set) {
    return code.contains(":") ? code : set + ":" + code;
  }

  private static String formula(Derivation d) {
    return d.kind() == Derivation.Kind.RATIO
        ? d.numerator() + " / " + d.denominator() + " × 100 (summed counts)"
        : "Σ(" + d.numerator() + " × " + d.denominator() + ") / Σ " + d.denominator();
  }

  private static String numeratorLabel(Derivation d) {
    return d.kind() == Derivation.Kind.RATIO
        ? d.numerator()
        : "Σ(" + d.numerator() + " × " + d.denominator() + ")";
  }

  private static String denominatorLabel(Derivation d) {
    return d.kind() == Derivation.Kind.RATIO
        ? d.denominator()
        : "Σ " + d.denominator() + " (rows with a score)";
  }

  private static String get(String[] row, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= row.length ? "" : row[i].trim();
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
