package org.phaenthi.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a table's layout: where the headers are (title rows skipped, up to three header rows with
 * group headers filled across their merged or blank cells), the format, the survey year, the level
 * and which columns are the code, the names and each indicator's counts. Every decision can be
 * overridden ({@link Overrides}).
 */
public final class Detector {
  /** What was detected (or given). */
  public record Detection(Format format, ImportOptions options, Mapping mapping, String[] headers) {
    public Detection {
      headers = headers.clone();
    }

    /** A copy: a few dozen names, read once per upload. */
    @Override
    public String[] headers() {
      return headers.clone();
    }
  }

  private static final Pattern TPMAP_FILE =
      Pattern.compile("^(\\d{2})_(village|tambol|amphur|province|country)_");
  private static final Pattern Y_FILE = Pattern.compile("^y(\\d{2})_");
  private static final Pattern NUMBER = Pattern.compile("^-?[\\d,]*\\.?\\d+%?$");

  private Detector() {}

  public static Detection detect(Table t, Overrides o) {
    if (t.rows().isEmpty() || t.width() < 2) {
      throw new ImportException(
          "the file is not a table: it needs a header row and at least two columns",
          "ไฟล์นี้ไม่ใช่ตาราง: ต้องมีแถวหัวตารางและอย่างน้อยสองคอลัมน์");
    }
    int first = firstHeaderRow(t);
    Integer titleYear = null;
    for (int r = 0; r < first; r++) {
      for (String c : t.rows().get(r)) {
        titleYear = titleYear != null ? titleYear : Headers.year(c);
      }
    }
    int headerRows = o.headerRows() != null ? o.headerRows() : headerRows(t, first);
    String[] headers = combinedHeaders(t, first, headerRows);
    Format format = o.format() != null ? o.format() : format(t, first, headerRows, headers);
    Integer year = o.year() != null ? o.year() : titleYear != null ? titleYear : fileYear(t.name());
    if (year == null) {
      for (String h : headers) {
        year = year != null ? year : Headers.year(h);
      }
    }
    String numerator = o.numerator() != null ? o.numerator() : "failing";
    Mapping mapping =
        o.mapping() != null
            ? o.mapping()
            : mapping(format, t, first + headerRows, headers, "{set}");
    if (year == null && mapping.year() != null && first + headerRows < t.rows().size()) {
      // a long file's year column: the first row's year is the file's (others must match)
      String y = t.cell(first + headerRows, mapping.year());
      year = y.matches("25\\d\\d") ? Integer.valueOf(y) : null;
    }
    String set = o.indicatorSet() != null ? o.indicatorSet() : defaultSet(year);
    mapping = withSet(mapping, set);
    String level = o.level() != null ? o.level() : level(t, first + headerRows, mapping, headers);
    ImportOptions options =
        new ImportOptions(
            t.encoding(),
            t.delimiter(),
            t.sheet(),
            t.sheets(),
            first,
            headerRows,
            year,
            set,
            numerator,
            level);
    return new Detection(format, options, mapping, headers);
  }

  /** The mapping with the placeholder indicator set filled in. */
  private static Mapping withSet(Mapping m, String set) {
    List<Mapping.IndicatorColumns> list = new ArrayList<>();
    for (Mapping.IndicatorColumns c : m.indicators()) {
      String code = c.indicator() == null ? null : c.indicator().replace("{set}", set);
      list.add(
          new Mapping.IndicatorColumns(
              code,
              c.denominator(),
              c.numerator(),
              c.percent(),
              c.passing(),
              c.passingPercent(),
              c.levels(),
              c.numeratorKind()));
    }
    return m.withIndicators(list);
  }

  static String defaultSet(Integer year) {
    return year != null && year >= 2566 ? "bmn-2566" : "bmn-2560";
  }

  static Integer fileYear(String name) {
    if (name == null) {
      return null;
    }
    String base = name.replaceAll(".*[/\\\\]", "");
    Matcher m = TPMAP_FILE.matcher(base);
    if (m.find()) {
      return 2500 + Integer.parseInt(m.group(1));
    }
    m = Y_FILE.matcher(base);
    if (m.find()) {
      return 2500 + Integer.parseInt(m.group(1));
    }
    return Headers.year(base.replace('_', ' '));
  }

  /** The first row with two or more cells of which one is a header we know (else the first row). */
  static int firstHeaderRow(Table t) {
    int fallback = -1;
    for (int r = 0; r < Math.min(t.rows().size(), 20); r++) {
      String[] row = t.rows().get(r);
      int filled = 0;
      boolean known = false;
      for (String c : row) {
        if (!c.isEmpty()) {
          filled++;
          known |=
              Headers.isCode(c)
                  || Headers.isName(c)
                  || Headers.isEligible(c)
                  || Headers.isFailing(c)
                  || Headers.isPassing(c)
                  || Headers.indicatorNumber(c) != null
                  || ColumnDictionary.match(new String[] {c}, "x").size() > 0
                  || Headers.norm(c).equals("indicator")
                  || Headers.norm(c).equals("ตัวชี้วัด");
        }
      }
      if (filled >= 2 && known) {
        return r;
      }
      if (filled >= 2 && fallback < 0) {
        fallback = r;
      }
    }
    return Math.max(fallback, 0);
  }

  /**
   * Rows after the first header row that hold no number are further header rows (at most 3); an
   * indicator-definitions header ({@code code} with {@code name_th}/{@code name_en} and {@code
   * kind}) is one row, as its rows may hold no number at all ({@code poor,คนจน,Poor,person,count}).
   */
  static int headerRows(Table t, int first) {
    if (first < t.rows().size() && isDefinitionsHeader(t.rows().get(first))) {
      return 1;
    }
    int n = 1;
    while (n < 3 && first + n < t.rows().size()) {
      String[] row = t.rows().get(first + n);
      boolean anyNumber = false;
      boolean anyText = false;
      for (String c : row) {
        if (!c.isEmpty()) {
          if (NUMBER.matcher(c).matches()) {
            anyNumber = true;
          } else {
            anyText = true;
          }
        }
      }
      if (anyNumber || !anyText) {
        break;
      }
      n++;
    }
    return n;
  }

  private static boolean isDefinitionsHeader(String[] row) {
    Set<String> h = new HashSet<>();
    for (String c : row) {
      h.add(Headers.norm(c));
    }
    return (h.contains("code") || h.contains("indicator_code"))
        && (h.contains("name_th") || h.contains("name_en"))
        && h.contains("kind");
  }

  /**
   * One header text per column: the header rows' cells joined with " | ". A blank cell of an upper
   * header row takes its left neighbour's text when the neighbour heads the same group (a merged
   * group header written once in CSV), so "ผ่านเกณฑ์ | ร้อยละ" is told from "ไม่ผ่านเกณฑ์ |
   * ร้อยละ".
   */
  static String[] combinedHeaders(Table t, int first, int rows) {
    int width = t.width();
    String[][] filled = new String[rows][width];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) {
        String v = first + r < t.rows().size() ? t.cell(first + r, c) : "";
        boolean upperSame = r == 0 || same(filled, r, c, c - 1);
        boolean lowerPresent = r < rows - 1 && c > 0 && !t.cell(first + r + 1, c).isEmpty();
        if (v.isEmpty() && c > 0 && r < rows - 1 && upperSame && lowerPresent) {
          v = filled[r][c - 1];
        }
        filled[r][c] = v;
      }
    }
    String[] out = new String[width];
    for (int c = 0; c < width; c++) {
      List<String> parts = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        String v = filled[r][c];
        if (!v.isEmpty() && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(v))) {
          parts.add(v);
        }
      }
      out[c] = String.join(" | ", parts);
    }
    return out;
  }

  private static boolean same(String[][] filled, int r, int c, int d) {
    if (d < 0) {
      return false;
    }
    for (int u = 0; u < r; u++) {
      if (!filled[u][c].equals(filled[u][d])) {
        return false;
      }
    }
    return true;
  }

  static Format format(Table t, int first, int headerRows, String[] headers) {
    boolean code = false;
    boolean names = false;
    boolean kind = false;
    boolean indicatorColumn = false;
    boolean counts = false;
    boolean thaiCounts = false;
    boolean kcc = false;
    for (String h : headers) {
      String n = Headers.norm(h);
      code |= n.equals("code") || n.equals("indicator_code");
      names |= n.equals("name_th") || n.equals("name_en");
      kind |= n.equals("kind") || n.equals("unit") || n.equals("higher_is_better");
      indicatorColumn |=
          n.equals("indicator") || n.equals("ตัวชี้วัด") || n.equals("indicator_code");
      boolean c = Headers.isEligible(h) || Headers.isFailing(h) || Headers.isPassing(h);
      counts |= c || n.equals("numerator");
      thaiCounts |= c && h.chars().anyMatch(ch -> ch >= 0x0E00 && ch <= 0x0E7F);
      kcc |= n.contains("กชช") || n.contains("ระดับปัญหา") || n.contains("เร่งรัดพัฒนา");
    }
    for (int r = 0; r < first; r++) {
      for (String c : t.rows().get(r)) {
        kcc |= Headers.norm(c).contains("กชช");
      }
    }
    if (code && names && kind && !counts) {
      return Format.INDICATORS;
    }
    if (indicatorColumn && counts) {
      return Format.LONG;
    }
    if (kcc) {
      return Format.KCC2C;
    }
    if (!ColumnDictionary.match(headers, "x").isEmpty()) {
      return Format.WIDE;
    }
    if (thaiCounts) {
      return Format.CDD;
    }
    if (counts) {
      return Format.WIDE;
    }
    throw new ImportException(
        "the format could not be recognised: no columns of counts (จำนวนที่สำรวจ, ผ่านเกณฑ์,"
            + " ไม่ผ่านเกณฑ์, indicatorN.ALL/.CNT, numerator/denominator) were found; choose the"
            + " format and the columns by hand",
        "ไม่รู้จักรูปแบบไฟล์: ไม่พบคอลัมน์จำนวน (จำนวนที่สำรวจ ผ่านเกณฑ์ ไม่ผ่านเกณฑ์) กรุณาเลือกรูปแบบและคอลัมน์เอง");
  }

  static Mapping mapping(Format f, Table t, int dataStart, String[] headers, String set) {
    Integer code = codeColumn(t, dataStart, headers);
    List<Integer> nameCols = new ArrayList<>();
    for (int i = 0; i < headers.length; i++) {
      if (Headers.isName(headers[i]) && (code == null || i != code)) {
        nameCols.add(i);
      }
    }
    Integer name = nameCols.isEmpty() ? null : nameCols.get(nameCols.size() - 1);
    Integer parentName = nameCols.size() >= 2 ? nameCols.get(nameCols.size() - 2) : null;
    return switch (f) {
      case INDICATORS -> new Mapping(code, null, null, null, null, null, null, null, List.of());
      case LONG -> longMapping(headers, code, name, parentName);
      case WIDE ->
          new Mapping(code, name, parentName, null, null, null, null, null, wide(headers, set));
      case CDD ->
          new Mapping(
              code,
              name,
              parentName,
              null,
              null,
              null,
              null,
              null,
              cdd(headers, set, code, nameCols));
      case KCC2C ->
          new Mapping(
              code,
              name,
              parentName,
              null,
              null,
              null,
              null,
              null,
              kcc(t, dataStart, headers, code, nameCols));
    };
  }

  /** Of the code-like columns, the one whose first values are the longest digit strings. */
  static Integer codeColumn(Table t, int dataStart, String[] headers) {
    Integer best = null;
    int bestLength = -1;
    long codeLike = java.util.Arrays.stream(headers).filter(Headers::isCode).count();
    for (int i = 0; i < headers.length; i++) {
      if (!Headers.isCode(headers[i])) {
        continue;
      }
      if (codeLike > 1 && Headers.norm(headers[i]).equals("province_id")) {
        continue; // TPMAP's parent column, not the row's area
      }
      int len = 0;
      for (int r = dataStart; r < Math.min(t.rows().size(), dataStart + 20); r++) {
        String v = t.cell(r, i);
        if (v.matches("\\d+")) {
          len = Math.max(len, v.length());
        }
      }
      if (len > bestLength) {
        best = i;
        bestLength = len;
      }
    }
    return best;
  }

  private static Mapping longMapping(String[] h, Integer code, Integer name, Integer parentName) {
    Integer indicator = null;
    Integer year = null;
    Integer num = null;
    Integer den = null;
    Integer pct = null;
    for (int i = 0; i < h.length; i++) {
      String n = Headers.norm(h[i]);
      if (n.equals("indicator") || n.equals("ตัวชี้วัด") || n.equals("indicator_code")) {
        if (indicator == null) {
          indicator = i;
        }
      } else if (n.equals("year") || n.equals("ปี") || n.equals("ปี พ.ศ.")) {
        year = i;
      } else if (Headers.isPercent(h[i])) {
        if (pct == null) {
          pct = i;
        }
      } else if (Headers.isEligible(h[i])) {
        if (den == null) {
          den = i;
        }
      } else if (n.equals("numerator") || Headers.isFailing(h[i]) || Headers.isPassing(h[i])) {
        if (num == null) {
          num = i;
        }
      }
    }
    return new Mapping(code, name, parentName, indicator, year, num, den, pct, List.of());
  }

  private static final Pattern GENERIC_PAIR =
      Pattern.compile("^(.+?)[._ ](eligible|failing|passing|denominator|numerator|percent)$");

  static List<Mapping.IndicatorColumns> wide(String[] headers, String set) {
    List<Mapping.IndicatorColumns> out = new ArrayList<>(ColumnDictionary.match(headers, set));
    if (!out.isEmpty()) {
      return out;
    }
    Map<String, Integer[]> groups = new LinkedHashMap<>(); // den, num, pct, kind(1 passing)
    for (int i = 0; i < headers.length; i++) {
      Matcher m = GENERIC_PAIR.matcher(headers[i].trim().toLowerCase(java.util.Locale.ROOT));
      if (!m.matches()) {
        continue;
      }
      Integer[] g = groups.computeIfAbsent(m.group(1), k -> new Integer[4]);
      switch (m.group(2)) {
        case "eligible", "denominator" -> g[0] = i;
        case "failing", "numerator" -> g[1] = i;
        case "passing" -> {
          g[1] = i;
          g[3] = 1;
        }
        default -> g[2] = i;
      }
    }
    for (var e : groups.entrySet()) {
      Integer[] g = e.getValue();
      if (g[1] != null) {
        String code = e.getKey().contains(":") ? e.getKey() : set + ":" + e.getKey();
        out.add(
            new Mapping.IndicatorColumns(
                code, g[0], g[1], g[2], null, null, null, g[3] != null ? "passing" : null));
      }
    }
    return out;
  }

  /** CDD report columns, grouped by the indicator number their group header names. */
  static List<Mapping.IndicatorColumns> cdd(
      String[] headers, String set, Integer code, List<Integer> nameCols) {
    Map<String, Integer[]> groups = new LinkedHashMap<>(); // den, fail, failPct, pass, passPct
    for (int i = 0; i < headers.length; i++) {
      if ((code != null && i == code) || nameCols.contains(i)) {
        continue;
      }
      String h = headers[i];
      Integer k = Headers.indicatorNumber(h);
      String key = k == null ? "?" : String.valueOf(k);
      int slot;
      if (Headers.isFailing(h)) {
        slot = Headers.isPercent(h) ? 2 : 1;
      } else if (Headers.isPassing(h)) {
        slot = Headers.isPercent(h) ? 4 : 3;
      } else if (Headers.isEligible(h)) {
        slot = 0;
      } else {
        continue;
      }
      Integer[] g = groups.computeIfAbsent(key, x -> new Integer[5]);
      if (g[slot] == null) {
        g[slot] = i;
      }
    }
    List<Mapping.IndicatorColumns> out = new ArrayList<>();
    for (var e : groups.entrySet()) {
      Integer[] g = e.getValue();
      boolean hasFail = g[1] != null;
      out.add(
          new Mapping.IndicatorColumns(
              e.getKey().equals("?") ? null : set + ":" + e.getKey(),
              g[0],
              hasFail ? g[1] : g[3],
              hasFail ? g[2] : g[4],
              hasFail ? g[3] : null,
              hasFail ? g[4] : null,
              null,
              hasFail ? "failing" : "passing"));
    }
    return out;
  }

  /** กชช.2ค: each column of levels 1/2/3 is one indicator. */
  static List<Mapping.IndicatorColumns> kcc(
      Table t, int dataStart, String[] headers, Integer code, List<Integer> nameCols) {
    List<Mapping.IndicatorColumns> out = new ArrayList<>();
    for (int i = 0; i < headers.length; i++) {
      if ((code != null && i == code) || nameCols.contains(i)) {
        continue;
      }
      int levels = 0;
      int seen = 0;
      for (int r = dataStart; r < Math.min(t.rows().size(), dataStart + 200); r++) {
        String v = t.cell(r, i);
        if (v.isEmpty()) {
          continue;
        }
        seen++;
        levels += v.equals("1") || v.equals("2") || v.equals("3") ? 1 : 0;
      }
      // mostly levels: the odd bad cell is reported row by row, not a reason to drop the column
      if (seen > 0 && levels * 3 >= seen * 2) {
        Integer k = Headers.indicatorNumber(headers[i]);
        String id =
            Headers.norm(headers[i]).contains("เร่งรัด")
                    || Headers.norm(headers[i]).contains("อันดับ")
                ? "nrd2c:class"
                : "nrd2c:" + (k != null ? k : i);
        out.add(new Mapping.IndicatorColumns(id, null, null, null, null, null, i, "count"));
      }
    }
    return out;
  }

  static String level(Table t, int dataStart, Mapping m, String[] headers) {
    if (m.code() != null) {
      int len = 0;
      for (int r = dataStart; r < Math.min(t.rows().size(), dataStart + 50); r++) {
        String v = t.cell(r, m.code());
        if (v.matches("\\d+") || v.matches("\\d{6}[0-9A-Za-z]+")) {
          len = Math.max(len, v.length());
        }
      }
      switch (len) {
        case 2:
          return "province";
        case 4:
          return "district";
        case 6:
          return "subdistrict";
        case 8:
        case 10:
          return "village";
        default:
          break;
      }
    }
    if (m.name() != null) {
      String l = Headers.levelOfName(headers[m.name()]);
      if (l != null) {
        return l;
      }
    }
    return null;
  }
}
