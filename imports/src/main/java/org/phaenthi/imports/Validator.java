package org.phaenthi.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.AreaCodes;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.ValueKind;

/**
 * Checks a detected table row by row and collects its counts: areas by code (after the boundary
 * vintage's remaps) or by name within the parent, each indicator's numbers, and the report (see
 * {@link Issue} for the kinds). A row is 1-based as the user's spreadsheet numbers it.
 */
public final class Validator {
  /**
   * What a file is checked against.
   *
   * @param current the served publication (areas, indicator definitions, the previous year's
   *     values); its boundaries are required
   * @param scope {@code all} or the two-digit province code the uploader may write
   */
  public record Context(Dataset current, CodeRemaps remaps, String scope) {}

  private static final double PERCENT_TOLERANCE = 0.051;

  private final Table table;
  private final Detector.Detection d;
  private final Context ctx;
  private final AreaMatcher areas;
  private final Map<String, Indicator> indicators = new HashMap<>();
  private final List<Issue> issues = new ArrayList<>();
  private final Map<String, Integer> byKind = new TreeMap<>();
  // every code the counts hold, kept row by row (the union of the counts' key sets)
  private final Set<String> countedCodes = new HashSet<>();
  private int errors;
  private int warnings;
  private WeightedMeans means = WeightedMeans.NONE;

  private Validator(Table table, Detector.Detection d, Context ctx) {
    this.table = table;
    this.d = d;
    this.ctx = ctx;
    Set<String> extra = new HashSet<>();
    if (ctx.current() != null) {
      for (var set : ctx.current().indicatorSets()) {
        set.indicators().forEach(i -> indicators.putIfAbsent(i.code(), i));
      }
      for (var vs : ctx.current().valueSets()) {
        Map<String, Map<String, IndicatorValue>> sub = vs.values().get(AdminLevel.SUBDISTRICT);
        if (sub != null) {
          sub.values().stream().findFirst().ifPresent(col -> extra.addAll(col.keySet()));
        }
      }
    }
    this.areas = new AreaMatcher(ctx.current().boundaries(), extra);
  }

  /**
   * Validates and collects; {@code progress} gets rows done, {@code cancelled} is polled every
   * thousand rows (then a {@link CancellationException}).
   */
  public static Upload validate(
      Table table,
      Detector.Detection d,
      Context ctx,
      IntConsumer progress,
      BooleanSupplier cancelled) {
    return new Validator(table, d, ctx).run(progress, cancelled);
  }

  /** Data rows of the table (after the headers). */
  public static int dataRows(Table t, Detector.Detection d) {
    return Math.max(0, t.rows().size() - d.options().firstHeaderRow() - d.options().headerRows());
  }

  private Upload run(IntConsumer progress, BooleanSupplier cancelled) {
    if (d.format() == Format.INDICATORS) {
      if (!ctx.scope().equals("all")) {
        fileIssue(
            Issue.Severity.ERROR,
            "outside_scope",
            "indicator definitions need a token of scope 'all'",
            "การนิยามตัวชี้วัดต้องใช้สิทธิ์ระดับ all");
      }
      List<Indicator> defs =
          Definitions.read(table, d, ctx.current().indicatorSets(), this::issue, progress);
      Report report = new Report(errors, warnings, issues, byKind, List.of());
      return Upload.definitionsOnly(
          d, report, dataRows(table, d), defs, d.options().indicatorSet());
    }
    ImportOptions o = d.options();
    Mapping m = d.mapping();
    Integer year = o.year();
    if (year == null && m.year() == null) {
      fileIssue(
          Issue.Severity.ERROR,
          "no_year",
          "the survey year is not in the file or its name; give it (year=2566, Buddhist Era)",
          "ไม่พบปีที่สำรวจในไฟล์หรือชื่อไฟล์ กรุณาระบุปี (year=2566 เป็นปี พ.ศ.)");
    }
    if (year != null && (year < 2400 || year > 2700)) {
      fileIssue(
          Issue.Severity.ERROR,
          "no_year",
          "the year " + year + " is not a Buddhist Era year (e.g. 2566)",
          "ปี " + year + " ไม่ใช่ปี พ.ศ. (เช่น 2566)");
      year = null;
    }
    String level = o.level();
    if (m.code() == null && m.name() == null) {
      fileIssue(
          Issue.Severity.ERROR,
          "no_area_column",
          "no column holds area codes or names; map the code or name column",
          "ไม่พบคอลัมน์รหัสหรือชื่อพื้นที่ กรุณาเลือกคอลัมน์รหัสหรือชื่อ");
      return finish(year, level, 0, new CountTable(), Set.of(), List.of());
    }
    List<Mapping.IndicatorColumns> cols = new ArrayList<>(m.indicators());
    List<Indicator> defined = new ArrayList<>();
    if (d.format() == Format.KCC2C) {
      cols = Kcc2c.expand(cols, d.headers(), indicators, defined);
    }
    WeightedMeans means =
        d.format() == Format.LONG
            ? WeightedMeans.NONE
            : WeightedMeans.of(d.headers(), indicators.values(), cols, this);
    this.means = means;
    if (d.format() != Format.LONG) {
      if (cols.isEmpty() && means.isEmpty()) {
        fileIssue(
            Issue.Severity.ERROR,
            "no_indicator_columns",
            "no indicator columns were found; map each indicator's columns",
            "ไม่พบคอลัมน์ตัวชี้วัด กรุณาเลือกคอลัมน์ของแต่ละตัวชี้วัด");
      }
      for (Mapping.IndicatorColumns c : cols) {
        if (c.indicator() == null) {
          issue(
              Issue.Severity.ERROR,
              "unknown_indicator",
              null,
              header(c.numerator()),
              "which indicator the columns under '"
                  + header(c.numerator())
                  + "' are is not said; set it in the mapping",
              "ไม่ทราบว่าคอลัมน์ '"
                  + header(c.numerator())
                  + "' เป็นตัวชี้วัดใด กรุณาระบุในการจับคู่คอลัมน์",
              null);
        } else if (!indicators.containsKey(c.indicator())) {
          issue(
              Issue.Severity.ERROR,
              "unknown_indicator",
              null,
              header(c.numerator()),
              "indicator "
                  + c.indicator()
                  + " is not defined; upload its definition first (format=indicators) or choose another indicator set",
              "ยังไม่มีนิยามตัวชี้วัด "
                  + c.indicator()
                  + " กรุณานำเข้าไฟล์นิยามตัวชี้วัดก่อน หรือเลือกชุดตัวชี้วัดอื่น",
              null);
        }
      }
    }
    AdminLevel stored = storedLevel(level);
    int start = o.firstHeaderRow() + o.headerRows();
    int total = table.rows().size() - start;
    CountTable counts = new CountTable();
    Map<String, Integer> firstRowOf = new HashMap<>();
    Set<String> provinces = new HashSet<>();
    boolean totalsSeen = false;
    int dataRows = 0;
    for (int r = start; r < table.rows().size(); r++) {
      int done = r - start;
      if (done % 1000 == 0) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException("cancelled");
        }
        progress.accept(done);
      }
      String[] row = table.rows().get(r);
      int rowNo = r + 1;
      if (blank(row)) {
        continue;
      }
      String codeCell = m.code() == null ? "" : cell(row, m.code());
      String nameCell = m.name() == null ? "" : cell(row, m.name());
      if (Headers.isTotalsName(nameCell)
          || Headers.isTotalsName(codeCell)
          || (codeCell.isEmpty() && Headers.isTotalsName(firstText(row)))) {
        if (!totalsSeen) {
          issue(
              Issue.Severity.INFO,
              "totals_row",
              rowNo,
              null,
              "row "
                  + rowNo
                  + " is a totals row and is skipped (totals are recomputed from the areas)",
              "แถว " + rowNo + " เป็นแถวรวม จึงข้ามไป (ยอดรวมคำนวณใหม่จากพื้นที่)",
              null);
        }
        totalsSeen = true;
        continue;
      }
      dataRows++;
      String code = resolve(row, rowNo, codeCell, nameCell, level);
      if (code == null) {
        continue;
      }
      if (!AreaCodes.isValid(code.substring(0, 2)) || !inScope(code)) {
        cellIssue(
            Issue.Severity.ERROR,
            "outside_scope",
            rowNo,
            m.code(),
            "row " + rowNo + ": area " + code + " is outside your province " + ctx.scope(),
            "แถว " + rowNo + ": พื้นที่ " + code + " อยู่นอกจังหวัดของคุณ (" + ctx.scope() + ")");
        continue;
      }
      String storedCode = storedCode(code, stored);
      provinces.add(code.substring(0, 2));
      if (d.format() == Format.LONG) {
        longRow(row, rowNo, code, storedCode, counts, firstRowOf, year);
        continue;
      }
      // as written in the file: two codes remapped to one area are summed, not duplicates
      String dupKey = codeCell.isEmpty() ? code : codeCell.replace(" ", "");
      Integer before = firstRowOf.putIfAbsent(dupKey, rowNo);
      if (before != null) {
        cellIssue(
            Issue.Severity.ERROR,
            "duplicate_row",
            rowNo,
            m.code(),
            "row " + rowNo + " repeats area " + code + " of row " + before,
            "แถว " + rowNo + " ซ้ำกับพื้นที่ " + code + " ในแถว " + before);
        continue;
      }
      boolean counted = false;
      for (Mapping.IndicatorColumns c : cols) {
        if (c.indicator() == null || !indicators.containsKey(c.indicator())) {
          continue;
        }
        long[] v =
            c.levels() != null
                ? Kcc2c.level(row, rowNo, c, this)
                : numbers(row, rowNo, c, kindOf(c));
        if (v != null) {
          counts.add(c.indicator(), storedCode, v[0], v[1]);
          counted = true;
        }
      }
      means.add(row, rowNo, storedCode);
      if (counted) {
        countedCodes.add(storedCode);
      }
    }
    progress.accept(Math.max(total, 0));
    if (dataRows == 0) {
      fileIssue(
          Issue.Severity.ERROR,
          "no_rows",
          "the file has no data rows under its headers",
          "ไม่มีแถวข้อมูลใต้หัวตาราง");
    }
    return finish(year, level, dataRows, counts, provinces, defined);
  }

  // ---------------------------------------------------------------- areas

  private String resolve(String[] row, int rowNo, String codeCell, String nameCell, String level) {
    Mapping m = d.mapping();
    if (!codeCell.isEmpty()) {
      String code = codeCell.replace(" ", "");
      if (code.matches("\\d+\\.0+")) {
        code = code.substring(0, code.indexOf('.'));
      }
      String rowLevel = levelOfCode(code);
      if (rowLevel == null) {
        issue(
            Issue.Severity.ERROR,
            "unknown_code",
            rowNo,
            header(m.code()),
            "row " + rowNo + ": '" + codeCell + "' is not an area code (2, 4, 6 or 8 digits)",
            "แถว " + rowNo + ": '" + codeCell + "' ไม่ใช่รหัสพื้นที่ (ตัวเลข 2, 4, 6 หรือ 8 หลัก)",
            nameCell.isEmpty() ? null : areas.nearestNames(AdminLevel.SUBDISTRICT, nameCell, ""));
        return null;
      }
      if (level != null && !level.equals(rowLevel)) {
        cellIssue(
            Issue.Severity.ERROR,
            "unexpected_level",
            rowNo,
            m.code(),
            "row "
                + rowNo
                + ": "
                + code
                + " is a "
                + rowLevel
                + " code but the file is at "
                + level
                + " level",
            "แถว "
                + rowNo
                + ": "
                + code
                + " เป็นรหัสระดับ"
                + thai(rowLevel)
                + " แต่ไฟล์เป็นระดับ"
                + thai(level));
        return null;
      }
      String remapped = ctx.remaps().remap(code);
      if (!remapped.equals(code)) {
        cellIssue(
            Issue.Severity.WARNING,
            "remapped",
            rowNo,
            m.code(),
            "row "
                + rowNo
                + ": "
                + code
                + " is a code of another boundary vintage; its values go to "
                + remapped
                + " (remap of "
                + ctx.remaps().vintage().orElse("the boundaries")
                + ")",
            "แถว " + rowNo + ": " + code + " เป็นรหัสของชุดขอบเขตอื่น ค่าจะไปอยู่ที่ " + remapped);
        code = remapped;
      }
      String check = rowLevel.equals("village") ? code.substring(0, 6) : code;
      if (!AreaCodes.isValid(check) || !areas.known(check)) {
        List<String> near =
            nameCell.isEmpty() || check.length() > 6
                ? areas.nearestCodes(check)
                : areas.nearestNames(
                    areas
                        .boundaries()
                        .levels()
                        .ofCodeLength(check.length())
                        .orElse(AdminLevel.SUBDISTRICT),
                    nameCell,
                    check.length() > 2 ? check.substring(0, 2) : "");
        issue(
            Issue.Severity.ERROR,
            "unknown_code",
            rowNo,
            header(m.code()),
            "row "
                + rowNo
                + ": no area has the code "
                + check
                + (near.isEmpty() ? "" : "; nearest: " + String.join(", ", near)),
            "แถว "
                + rowNo
                + ": ไม่มีพื้นที่รหัส "
                + check
                + (near.isEmpty() ? "" : " ใกล้เคียง: " + String.join(", ", near)),
            near);
        return null;
      }
      return code;
    }
    if (nameCell.isEmpty()) {
      cellIssue(
          Issue.Severity.ERROR,
          "empty_cell",
          rowNo,
          m.code() != null ? m.code() : m.name(),
          "row " + rowNo + " has neither an area code nor a name",
          "แถว " + rowNo + " ไม่มีทั้งรหัสและชื่อพื้นที่");
      return null;
    }
    AdminLevel lvl = level == null ? null : areas.boundaries().levels().byName(level).orElse(null);
    if (lvl == null) {
      cellIssue(
          Issue.Severity.ERROR,
          "unexpected_level",
          rowNo,
          m.name(),
          "row "
              + rowNo
              + ": areas given by name need the level (province, district or subdistrict); villages need codes",
          "แถว "
              + rowNo
              + ": การระบุพื้นที่ด้วยชื่อต้องระบุระดับ (จังหวัด อำเภอ ตำบล) ส่วนหมู่บ้านต้องใช้รหัส");
      return null;
    }
    String parentPrefix = ctx.scope().equals("all") ? "" : ctx.scope();
    if (m.parentName() != null && lvl.parent().isPresent()) {
      String parentName = cell(row, m.parentName());
      List<Area> parents = areas.byName(lvl.parent().get(), parentName, parentPrefix);
      if (parents.size() == 1) {
        parentPrefix = parents.get(0).code();
      } else if (parents.size() > 1) {
        ambiguous(rowNo, parentName, parents, m.parentName());
        return null;
      }
    }
    List<Area> found = areas.byName(lvl, nameCell, parentPrefix);
    if (found.size() == 1) {
      return found.get(0).code();
    }
    if (found.isEmpty()) {
      List<String> near = areas.nearestNames(lvl, nameCell, parentPrefix);
      issue(
          Issue.Severity.ERROR,
          "unknown_name",
          rowNo,
          header(m.name()),
          "row "
              + rowNo
              + ": no "
              + lvl.urlName()
              + " is named '"
              + nameCell
              + "'"
              + (near.isEmpty() ? "" : "; nearest: " + String.join(", ", near)),
          "แถว "
              + rowNo
              + ": ไม่พบ"
              + lvl.nameTh()
              + "ชื่อ '"
              + nameCell
              + "'"
              + (near.isEmpty() ? "" : " ใกล้เคียง: " + String.join(", ", near)),
          near);
      return null;
    }
    ambiguous(rowNo, nameCell, found, m.name());
    return null;
  }

  private void ambiguous(int rowNo, String name, List<Area> found, Integer column) {
    List<String> labels = found.stream().limit(5).map(AreaMatcher::label).toList();
    issue(
        Issue.Severity.ERROR,
        "ambiguous_name",
        rowNo,
        header(column),
        "row "
            + rowNo
            + ": '"
            + name
            + "' names "
            + found.size()
            + " areas ("
            + String.join(", ", labels)
            + "); add the code or the parent's name",
        "แถว "
            + rowNo
            + ": ชื่อ '"
            + name
            + "' ตรงกับ "
            + found.size()
            + " พื้นที่ ("
            + String.join(", ", labels)
            + ") กรุณาใส่รหัสหรือชื่อพื้นที่ระดับบน",
        labels);
  }

  private boolean inScope(String code) {
    return ctx.scope().equals("all") || code.startsWith(ctx.scope());
  }

  static String levelOfCode(String code) {
    if (code.matches("\\d{6}[0-9A-Za-z]{4}") || code.matches("\\d{8}")) {
      return "village";
    }
    if (!code.matches("\\d+")) {
      return null;
    }
    return switch (code.length()) {
      case 2 -> "province";
      case 4 -> "district";
      case 6 -> "subdistrict";
      default -> null;
    };
  }

  /**
   * The level an upload's counts are kept at: the file's own, except that village rows are summed
   * into their subdistricts when the served boundary set declares no village level (values only).
   */
  AdminLevel storedLevel(String level) {
    if ("village".equals(level)) {
      return areas
          .boundaries()
          .levels()
          .byName(AdminLevel.VILLAGE.urlName())
          .orElse(AdminLevel.SUBDISTRICT);
    }
    return defaultStoredLevel(level);
  }

  /**
   * The code a row's counts are kept under: its prefix at the stored level; at the village level a
   * TPMAP ID as it is and an 8-digit DOPA village code as the ID of its first part ({@code 01}),
   * which is how TPMAP numbers a village that is not split.
   */
  static String storedCode(String code, AdminLevel stored) {
    if (stored == null) {
      return code;
    }
    if (code.length() < stored.codeLength()) {
      return code.length() == 8 && stored.codeLength() == 10 ? code + "01" : code;
    }
    return code.substring(0, stored.codeLength());
  }

  static AdminLevel defaultStoredLevel(String level) {
    if (level == null) {
      return null;
    }
    return switch (level) {
      case "village", "subdistrict" -> AdminLevel.SUBDISTRICT;
      case "district" -> AdminLevel.DISTRICT;
      case "province" -> AdminLevel.PROVINCE;
      default -> null;
    };
  }

  private static String thai(String level) {
    return switch (level) {
      case "province" -> "จังหวัด";
      case "district" -> "อำเภอ";
      case "subdistrict" -> "ตำบล";
      default -> "หมู่บ้าน";
    };
  }

  // ---------------------------------------------------------------- numbers

  private String kindOf(Mapping.IndicatorColumns c) {
    Indicator i = indicators.get(c.indicator());
    if (i != null && i.kind() == ValueKind.COUNT) {
      return "count";
    }
    return c.numeratorKind() != null ? c.numeratorKind() : d.options().numerator();
  }

  /** {numerator as the indicator defines it, denominator or −1}; null when the row has none. */
  private long[] numbers(String[] row, int rowNo, Mapping.IndicatorColumns c, String kind) {
    Long num = count(row, rowNo, c.numerator());
    Long den = c.denominator() == null ? null : count(row, rowNo, c.denominator());
    boolean numBad = num != null && num == Long.MIN_VALUE;
    boolean denBad = den != null && den == Long.MIN_VALUE;
    if (numBad || denBad) {
      return null;
    }
    if (num == null || (c.denominator() != null && den == null)) {
      if (num != null || den != null) {
        Integer col = num == null ? c.numerator() : c.denominator();
        cellIssue(
            Issue.Severity.WARNING,
            "empty_cell",
            rowNo,
            col,
            "row "
                + rowNo
                + ": "
                + header(col)
                + " is empty, so "
                + c.indicator()
                + " has no data there (not 0)",
            "แถว "
                + rowNo
                + ": ช่อง "
                + header(col)
                + " ว่าง "
                + c.indicator()
                + " จึงไม่มีข้อมูล (ไม่ใช่ 0)");
      }
      return null;
    }
    if (den != null && num > den) {
      cellIssue(
          Issue.Severity.ERROR,
          "numerator_exceeds_denominator",
          rowNo,
          c.numerator(),
          "row "
              + rowNo
              + ": "
              + c.indicator()
              + " has "
              + num
              + " "
              + kind
              + " of "
              + den
              + " surveyed",
          "แถว "
              + rowNo
              + ": "
              + c.indicator()
              + " มีจำนวน "
              + num
              + " มากกว่าจำนวนที่สำรวจ "
              + den);
      return null;
    }
    if (c.passing() != null && den != null) {
      Long other = count(row, rowNo, c.passing());
      if (other != null && other != Long.MIN_VALUE && other + num != den) {
        cellIssue(
            Issue.Severity.ERROR,
            "counts_do_not_add_up",
            rowNo,
            c.passing(),
            "row "
                + rowNo
                + ": "
                + c.indicator()
                + ": passing "
                + other
                + " + failing "
                + num
                + " ≠ surveyed "
                + den,
            "แถว "
                + rowNo
                + ": "
                + c.indicator()
                + ": ผ่าน "
                + other
                + " + ไม่ผ่าน "
                + num
                + " ≠ จำนวนที่สำรวจ "
                + den);
        return null;
      }
      if (other != null && other != Long.MIN_VALUE) {
        checkPercent(row, rowNo, c, c.passingPercent(), other, den);
      }
    }
    if (den != null) {
      checkPercent(row, rowNo, c, c.percent(), num, den);
    }
    // a pass rate (higher is better) keeps passing units as its numerator, a fail rate failing ones
    Indicator def = indicators.get(c.indicator());
    boolean wantsPassing = def == null || !Boolean.FALSE.equals(def.higherIsBetter());
    boolean flip =
        den != null
            && ((kind.equals("failing") && wantsPassing)
                || (kind.equals("passing") && !wantsPassing));
    long stored = flip ? den - num : num;
    return new long[] {stored, den == null ? -1 : den};
  }

  private void checkPercent(
      String[] row, int rowNo, Mapping.IndicatorColumns c, Integer col, long num, long den) {
    if (col == null) {
      return;
    }
    String s = cell(row, col).replace("%", "").replace(",", "").trim();
    if (s.isEmpty() || s.equals("-")) {
      return;
    }
    double p;
    try {
      p = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      cellIssue(
          Issue.Severity.WARNING,
          "not_a_number",
          rowNo,
          col,
          "row " + rowNo + ": the percentage '" + cell(row, col) + "' is not a number",
          "แถว " + rowNo + ": ร้อยละ '" + cell(row, col) + "' ไม่ใช่ตัวเลข");
      return;
    }
    double expected = den == 0 ? 0 : num * 100.0 / den;
    if (Math.abs(p - expected) > PERCENT_TOLERANCE) {
      cellIssue(
          Issue.Severity.WARNING,
          "percent_mismatch",
          rowNo,
          col,
          String.format(
              java.util.Locale.ROOT,
              "row %d: %s: the file says %s %% but the counts give %.2f %% (%d of %d); the counts are used",
              rowNo,
              c.indicator(),
              s,
              expected,
              num,
              den),
          String.format(
              java.util.Locale.ROOT,
              "แถว %d: %s: ไฟล์ระบุร้อยละ %s แต่คำนวณจากจำนวนได้ %.2f (%d จาก %d) ใช้ค่าจากจำนวน",
              rowNo,
              c.indicator(),
              s,
              expected,
              num,
              den));
    }
  }

  /** A count cell: null when empty, Long.MIN_VALUE after reporting a bad cell. */
  Long count(String[] row, int rowNo, Integer col) {
    if (col == null) {
      return null;
    }
    String s = cell(row, col);
    if (s.isEmpty() || s.equals("-") || s.equals("–") || s.equalsIgnoreCase("n/a")) {
      return null;
    }
    long v = 0;
    boolean digits = true;
    boolean any = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        v = v * 10 + (ch - '0');
        any = true;
        if (v > 1L << 50) {
          digits = false;
          break;
        }
      } else if (ch != ',' && ch != ' ') {
        digits = false;
        break;
      }
    }
    if (digits && any) {
      return v;
    }
    String t = s.replace(",", "").replace(" ", "");
    double dv;
    try {
      dv = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      cellIssue(
          Issue.Severity.ERROR,
          "not_a_number",
          rowNo,
          col,
          "row " + rowNo + ": '" + s + "' in " + header(col) + " is not a number",
          "แถว " + rowNo + ": '" + s + "' ในช่อง " + header(col) + " ไม่ใช่ตัวเลข");
      return Long.MIN_VALUE;
    }
    if (dv < 0) {
      cellIssue(
          Issue.Severity.ERROR,
          "negative",
          rowNo,
          col,
          "row " + rowNo + ": " + header(col) + " is negative (" + s + ")",
          "แถว " + rowNo + ": ช่อง " + header(col) + " ติดลบ (" + s + ")");
      return Long.MIN_VALUE;
    }
    if (dv != Math.rint(dv)) {
      cellIssue(
          Issue.Severity.ERROR,
          "not_integer",
          rowNo,
          col,
          "row " + rowNo + ": " + header(col) + " is a count but holds " + s,
          "แถว " + rowNo + ": ช่อง " + header(col) + " ต้องเป็นจำนวนนับ แต่มีค่า " + s);
      return Long.MIN_VALUE;
    }
    return (long) dv;
  }

  private void longRow(
      String[] row,
      int rowNo,
      String code,
      String storedCode,
      CountTable counts,
      Map<String, Integer> firstRowOf,
      Integer year) {
    Mapping m = d.mapping();
    String ind = m.indicator() == null ? "" : cell(row, m.indicator());
    if (ind.isEmpty()) {
      cellIssue(
          Issue.Severity.ERROR,
          "empty_cell",
          rowNo,
          m.indicator(),
          "row " + rowNo + " has no indicator",
          "แถว " + rowNo + " ไม่มีรหัสตัวชี้วัด");
      return;
    }
    String indicator = ind.contains(":") ? ind : d.options().indicatorSet() + ":" + ind;
    if (!indicators.containsKey(indicator)) {
      cellIssue(
          Issue.Severity.ERROR,
          "unknown_indicator",
          rowNo,
          m.indicator(),
          "row " + rowNo + ": indicator " + indicator + " is not defined",
          "แถว " + rowNo + ": ยังไม่มีนิยามตัวชี้วัด " + indicator);
      return;
    }
    if (m.year() != null) {
      String y = cell(row, m.year());
      if (year == null || !y.equals(String.valueOf(year))) {
        cellIssue(
            Issue.Severity.ERROR,
            "unexpected_year",
            rowNo,
            m.year(),
            "row "
                + rowNo
                + ": year "
                + y
                + " differs from the upload's year "
                + year
                + "; upload one year per file",
            "แถว "
                + rowNo
                + ": ปี "
                + y
                + " ไม่ตรงกับปีของไฟล์ "
                + year
                + " กรุณานำเข้าไฟล์ละหนึ่งปี");
        return;
      }
    }
    Integer before = firstRowOf.putIfAbsent(code + "|" + indicator, rowNo);
    if (before != null) {
      cellIssue(
          Issue.Severity.ERROR,
          "duplicate_row",
          rowNo,
          m.indicator(),
          "row " + rowNo + " repeats " + code + " " + indicator + " of row " + before,
          "แถว " + rowNo + " ซ้ำกับ " + code + " " + indicator + " ในแถว " + before);
      return;
    }
    String kind =
        "numerator".equals(Headers.norm(header(m.numerator())))
            ? d.options().numerator()
            : Headers.isPassing(header(m.numerator()))
                ? "passing"
                : Headers.isFailing(header(m.numerator())) ? "failing" : d.options().numerator();
    Mapping.IndicatorColumns c =
        new Mapping.IndicatorColumns(
            indicator, m.denominator(), m.numerator(), m.percent(), null, null, null, kind);
    long[] v = numbers(row, rowNo, c, kindOf(c));
    if (v != null) {
      counts.add(indicator, storedCode, v[0], v[1]);
      countedCodes.add(storedCode);
    }
  }

  // ---------------------------------------------------------------- report

  private Upload finish(
      Integer year,
      String level,
      int rows,
      CountTable table,
      Set<String> provinces,
      List<Indicator> defined) {
    Map<String, Map<String, long[]>> counts = table.asMap();
    List<Report.Coverage> coverage = coverage(year, level, counts, provinces);
    Report report = new Report(errors, warnings, issues, byKind, coverage);
    return new Upload(
        d,
        report,
        rows,
        level,
        storedLevel(level),
        year,
        counts,
        provinces,
        defined,
        defined.isEmpty() ? null : "nrd2c",
        means.sums());
  }

  private List<Report.Coverage> coverage(
      Integer year, String level, Map<String, Map<String, long[]>> counts, Set<String> provinces) {
    AdminLevel stored = storedLevel(level);
    if (stored == null || counts.isEmpty()) {
      return List.of();
    }
    Set<String> codes = countedCodes;
    String firstIndicator = counts.keySet().iterator().next();
    SurveyYear previous = previousYear(year, firstIndicator);
    List<Report.Coverage> out = new ArrayList<>();
    for (AdminLevel l : areas.boundaries().levels()) {
      if (l.depth() > stored.depth()) {
        continue;
      }
      List<Area> in =
          areas.boundaries().areas(l).stream()
              .filter(a -> provinces.contains(a.code().substring(0, 2)))
              .toList();
      Set<String> with = new HashSet<>();
      for (String c : codes) {
        with.add(c.substring(0, l.codeLength()));
      }
      int withData = (int) in.stream().filter(a -> with.contains(a.code())).count();
      Double prev = null;
      if (previous != null && !in.isEmpty()) {
        Map<String, IndicatorValue> old =
            ctx.current().indicators().values(previous, l, firstIndicator).orElse(Map.of());
        prev = (double) in.stream().filter(a -> old.containsKey(a.code())).count() / in.size();
      }
      out.add(new Report.Coverage(l.urlName(), in.size(), withData, households(counts, l), prev));
    }
    return out;
  }

  private static Long households(Map<String, Map<String, long[]>> counts, AdminLevel l) {
    Map<String, long[]> h = counts.get("tpmap:households_surveyed");
    return h == null ? null : h.values().stream().mapToLong(v -> v[0]).sum();
  }

  private SurveyYear previousYear(Integer year, String indicator) {
    if (year == null || ctx.current() == null) {
      return null;
    }
    return ctx.current().indicators().years().keySet().stream()
        .filter(y -> y.be() < year)
        .filter(
            y ->
                ctx.current().boundaries().levels().all().stream()
                    .anyMatch(l -> ctx.current().indicators().values(y, l, indicator).isPresent()))
        .max(SurveyYear::compareTo)
        .orElse(null);
  }

  void issue(
      Issue.Severity s,
      String kind,
      Integer row,
      String column,
      String en,
      String th,
      List<String> suggestions) {
    byKind.merge(kind, 1, Integer::sum);
    if (s == Issue.Severity.ERROR) {
      errors++;
    } else if (s == Issue.Severity.WARNING) {
      warnings++;
    }
    if (issues.size() < Report.MAX_ISSUES) {
      issues.add(new Issue(s, kind, row, column, en, th, suggestions));
    }
  }

  /** An issue of the whole file: no row, no column, no suggestions. */
  void fileIssue(Issue.Severity s, String kind, String en, String th) {
    issue(s, kind, null, null, en, th, null);
  }

  /** An issue of one cell: the row and the header of column {@code col}, no suggestions. */
  void cellIssue(Issue.Severity s, String kind, Integer row, Integer col, String en, String th) {
    issue(s, kind, row, header(col), en, th, null);
  }

  String header(Integer col) {
    String[] h = d.headers();
    return col == null || col >= h.length ? null : h[col];
  }

  static String cell(String[] row, int col) {
    return col < row.length ? row[col] : "";
  }

  private static boolean blank(String[] row) {
    for (String c : row) {
      if (!c.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static String firstText(String[] row) {
    for (String c : row) {
      if (!c.isEmpty()) {
        return c;
      }
    }
    return "";
  }
}
