package org.phaenthi.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.indicators.Derivation;
import org.phaenthi.boundaries.indicators.Indicator;

/**
 * The weighted means an upload's rows give ({@link Derivation.Kind#WEIGHTED_MEAN}): for every
 * defined weighted-mean indicator whose score and weight columns are among the file's headers
 * (matched like the column dictionary: case and surrounding spaces do not count), each row adds
 * score × weight and weight to its area, kept under the code the row's counts are kept under (so
 * remaps, scope and duplicate rows apply as to counts). A row with a weight but no score (empty,
 * {@code -}, {@code NA}, {@code NaN}) adds nothing but makes its area known: it has no value, not
 * 0; a row without a weight is left out. A score or weight that is not a number, or a negative
 * weight, is an error naming the row and the column (a weight column that is also mapped as a count
 * has already been checked as one).
 */
final class WeightedMeans {
  static final WeightedMeans NONE = new WeightedMeans(List.of(), Set.of(), null);

  private record Columns(String indicator, int score, int weight) {}

  private final List<Columns> columns;
  private final Set<Integer> checkedElsewhere;
  private final Validator validator;
  // file order, so the sums up the hierarchy add the rows in the order the file gives them
  private final Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();

  private WeightedMeans(List<Columns> columns, Set<Integer> checkedElsewhere, Validator v) {
    this.columns = columns;
    this.checkedElsewhere = checkedElsewhere;
    this.validator = v;
  }

  /**
   * The weighted means of {@code defs} this file's {@code headers} can give; {@code mapped} are the
   * columns the mapping already reads as counts.
   */
  static WeightedMeans of(
      String[] headers,
      Collection<Indicator> defs,
      List<Mapping.IndicatorColumns> mapped,
      Validator v) {
    Map<String, Integer> at = new LinkedHashMap<>();
    for (int i = 0; i < headers.length; i++) {
      at.putIfAbsent(headers[i].trim().toLowerCase(Locale.ROOT), i);
    }
    List<Columns> found = new ArrayList<>();
    for (Indicator i : defs) {
      Derivation d = i.derivation();
      if (d == null || d.kind() != Derivation.Kind.WEIGHTED_MEAN) {
        continue;
      }
      Integer score = at.get(d.numerator().trim().toLowerCase(Locale.ROOT));
      Integer weight = at.get(d.denominator().trim().toLowerCase(Locale.ROOT));
      if (score != null && weight != null) {
        found.add(new Columns(i.code(), score, weight));
      }
    }
    if (found.isEmpty()) {
      return NONE;
    }
    Set<Integer> counted = new HashSet<>();
    for (Mapping.IndicatorColumns c : mapped) {
      counted.add(c.numerator());
      counted.add(c.denominator());
    }
    return new WeightedMeans(List.copyOf(found), counted, v);
  }

  boolean isEmpty() {
    return columns.isEmpty();
  }

  /** Indicator code → area code → {Σ score × weight, Σ weight}. */
  Map<String, Map<String, double[]>> sums() {
    return sums;
  }

  void add(String[] row, int rowNo, String storedCode) {
    for (Columns c : columns) {
      Double weight = number(row, rowNo, c.weight(), true);
      if (weight == null || weight.isNaN()) {
        continue;
      }
      Double score = number(row, rowNo, c.score(), false);
      double[] sum =
          sums.computeIfAbsent(c.indicator(), k -> new LinkedHashMap<>())
              .computeIfAbsent(storedCode, k -> new double[2]);
      if (score != null && !score.isNaN()) {
        sum[0] += score * weight;
        sum[1] += weight;
      }
    }
  }

  /** The cell as a number; null when it says "no data"; NaN after reporting a bad cell. */
  private Double number(String[] row, int rowNo, int col, boolean isWeight) {
    String s = Validator.cell(row, col).trim();
    if (s.isEmpty()
        || s.equals("-")
        || s.equals("–")
        || s.equalsIgnoreCase("NA")
        || s.equalsIgnoreCase("n/a")
        || s.equalsIgnoreCase("NaN")) {
      return null;
    }
    double x;
    try {
      x = Double.parseDouble(s.replace(",", ""));
    } catch (NumberFormatException e) {
      x = Double.NaN;
    }
    boolean bad = !Double.isFinite(x) || (isWeight && x < 0);
    if (bad && !(isWeight && checkedElsewhere.contains(col))) {
      String h = validator.header(col);
      boolean negative = Double.isFinite(x);
      validator.issue(
          Issue.Severity.ERROR,
          negative ? "negative" : "not_a_number",
          rowNo,
          h,
          negative
              ? "row " + rowNo + ": the weight " + h + " is negative (" + s + ")"
              : "row " + rowNo + ": '" + s + "' in " + h + " is not a number",
          negative
              ? "แถว " + rowNo + ": น้ำหนักในช่อง " + h + " ติดลบ (" + s + ")"
              : "แถว " + rowNo + ": '" + s + "' ในช่อง " + h + " ไม่ใช่ตัวเลข",
          null);
    }
    return bad ? Double.NaN : x;
  }
}
