package org.phaenthi.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Known wide-file columns described as data ({@code tpmap-columns.csv}): which indicator a column
 * (or a numerator/denominator pair) is. {@code {k}} stands for an indicator number and {@code
 * {set}} for the file's indicator set, so TPMAP's {@code indicator7.CNT} / {@code indicator7.ALL}
 * become {@code bmn-2560:7} with failing counts over eligible units.
 */
final class ColumnDictionary {
  record Entry(String indicator, String numerator, String denominator, String numeratorKind) {}

  static final List<Entry> TPMAP = load("tpmap-columns.csv");

  private ColumnDictionary() {}

  private static List<Entry> load(String resource) {
    try (InputStream in = ColumnDictionary.class.getResourceAsStream(resource);
        CSVParser p =
            CSVParser.parse(
                new InputStreamReader(in, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      List<Entry> out = new ArrayList<>();
      for (CSVRecord r : p) {
        out.add(
            new Entry(
                r.get("indicator"),
                r.get("numerator"),
                r.get("denominator").isEmpty() ? null : r.get("denominator"),
                r.get("numerator_kind")));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The mapping entries the dictionary finds among these header cells, in column order. */
  static List<Mapping.IndicatorColumns> match(String[] header, String indicatorSet) {
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      at.putIfAbsent(header[i].trim().toLowerCase(java.util.Locale.ROOT), i);
    }
    List<Mapping.IndicatorColumns> out = new ArrayList<>();
    for (Entry e : TPMAP) {
      if (e.numerator().contains("{k}")) {
        Pattern p =
            Pattern.compile(
                Pattern.quote(e.numerator().toLowerCase(java.util.Locale.ROOT))
                    .replace("{k}", "\\E(\\d{1,3})\\Q"));
        for (int i = 0; i < header.length; i++) {
          Matcher m = p.matcher(header[i].trim().toLowerCase(java.util.Locale.ROOT));
          if (!m.matches()) {
            continue;
          }
          String k = m.group(1);
          Integer den =
              e.denominator() == null
                  ? null
                  : at.get(e.denominator().replace("{k}", k).toLowerCase(java.util.Locale.ROOT));
          if (e.denominator() != null && den == null) {
            continue;
          }
          String code = e.indicator().replace("{k}", k).replace("{set}", indicatorSet);
          out.add(
              new Mapping.IndicatorColumns(
                  code, den, i, null, null, null, null, e.numeratorKind()));
        }
      } else {
        Integer num = at.get(e.numerator().toLowerCase(java.util.Locale.ROOT));
        Integer den =
            e.denominator() == null
                ? null
                : at.get(e.denominator().toLowerCase(java.util.Locale.ROOT));
        if (num != null && (e.denominator() == null || den != null)) {
          out.add(
              new Mapping.IndicatorColumns(
                  e.indicator(), den, num, null, null, null, null, e.numeratorKind()));
        }
      }
    }
    out.sort(java.util.Comparator.comparing(c -> c.numerator()));
    return out;
  }
}
