package org.phaenthi.boundaries.indicators;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the indicator catalogue ({@code indicators/catalog.csv}, UTF-8, RFC 4180, through {@link
 * CsvRows}).
 */
public final class IndicatorCatalogReader {
  static final List<String> COLUMNS =
      List.of(
          "set",
          "code",
          "seq",
          "category_code",
          "category_th",
          "category_en",
          "name_th",
          "name_en",
          "unit",
          "higher_is_better",
          "value_definition",
          "numerator",
          "denominator",
          "threshold",
          "tpmap_dimension",
          "tpmap_column",
          "verification",
          "source");

  private IndicatorCatalogReader() {}

  /** Every row in file order; throws IllegalArgumentException naming the file on any problem. */
  public static List<CatalogEntry> read(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("indicator catalogue not found or unreadable: " + file);
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read indicator catalogue " + file + ": " + e, e);
    }
  }

  /** Reads from any reader; {@code sourceName} is used in error messages. */
  public static List<CatalogEntry> read(Reader reader, String sourceName) throws IOException {
    List<CatalogEntry> out = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    Map<String, Integer> at = new HashMap<>();
    int[] width = {-1};
    CsvRows.read(
        reader,
        sourceName,
        (row, record) -> {
          if (width[0] < 0) {
            header(row, at, sourceName);
            width[0] = row.size();
            return;
          }
          if (row.size() != width[0]) {
            throw new IllegalArgumentException(
                sourceName
                    + ": record "
                    + record
                    + " has "
                    + row.size()
                    + " fields, header has "
                    + width[0]);
          }
          String code = row.get(at.get("code")).trim();
          if (code.isEmpty() || !codes.add(code)) {
            throw new IllegalArgumentException(
                sourceName + ": record " + record + ": empty or repeated code " + code);
          }
          out.add(entry(row, at, sourceName, record));
        });
    if (width[0] < 0) {
      throw new IllegalArgumentException(sourceName + ": empty catalogue");
    }
    return List.copyOf(out);
  }

  private static void header(List<String> header, Map<String, Integer> at, String sourceName) {
    for (int i = 0; i < header.size(); i++) {
      at.put(header.get(i).trim(), i);
    }
    for (String c : COLUMNS) {
      if (!at.containsKey(c)) {
        throw new IllegalArgumentException(sourceName + ": catalogue column missing: " + c);
      }
    }
  }

  private static CatalogEntry entry(
      List<String> row, Map<String, Integer> at, String sourceName, long record) {
    String seq = cell(row, at, "seq");
    String better = cell(row, at, "higher_is_better");
    Boolean higherIsBetter =
        switch (better) {
          case "" -> null;
          case "true" -> Boolean.TRUE;
          case "false" -> Boolean.FALSE;
          default ->
              throw new IllegalArgumentException(
                  sourceName + ": record " + record + ": higher_is_better is " + better);
        };
    Integer seqNumber;
    try {
      seqNumber = seq.isEmpty() ? null : Integer.valueOf(seq);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(sourceName + ": record " + record + ": seq is " + seq);
    }
    return new CatalogEntry(
        cell(row, at, "set"),
        cell(row, at, "code"),
        seqNumber,
        cell(row, at, "category_code"),
        cell(row, at, "category_th"),
        cell(row, at, "category_en"),
        cell(row, at, "name_th"),
        cell(row, at, "name_en"),
        cell(row, at, "unit"),
        higherIsBetter,
        cell(row, at, "value_definition"),
        cell(row, at, "numerator"),
        cell(row, at, "denominator"),
        cell(row, at, "threshold"),
        cell(row, at, "tpmap_dimension"),
        cell(row, at, "tpmap_column"),
        cell(row, at, "verification"),
        cell(row, at, "source"));
  }

  private static String cell(List<String> row, Map<String, Integer> at, String column) {
    return row.get(at.get(column)).trim();
  }
}
