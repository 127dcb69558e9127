package org.phaenthi.boundaries.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.indicators.CsvRows;

/**
 * Reads the remap table of a boundary vintage. The known vintages are listed in the resource {@code
 * org/phaenthi/boundaries/vintages/vintages.csv} ({@code name,description}); each has a table
 * {@code vintages/{name}.csv} with the header {@code from,to,kind,reason}. Adding a vintage is
 * adding those two lines of data, not code.
 */
public final class CodeRemapReader {
  /** The vintage of the bundled RTSD/OCHA boundary files. */
  public static final String BUNDLED_VINTAGE = "rtsd-2019";

  /** Names the absence of a vintage where one is asked for ({@code vintage=none}). */
  public static final String NO_VINTAGE = "none";

  private static final String DIR = "/org/phaenthi/boundaries/vintages/";
  private static final List<String> HEADER = List.of("from", "to", "kind", "reason");

  private CodeRemapReader() {}

  /** The known vintages: name → description, in file order. */
  public static Map<String, String> vintages() {
    Map<String, String> out = new LinkedHashMap<>();
    for (List<String> row : rows(DIR + "vintages.csv", List.of("name", "description"))) {
      out.put(row.get(0), row.get(1));
    }
    return out;
  }

  /**
   * The remaps of a named vintage; {@link #NO_VINTAGE} or null gives {@link CodeRemaps#NONE}. An
   * unknown name → IllegalArgumentException listing the known ones.
   */
  public static CodeRemaps forVintage(String name) {
    if (name == null || name.equals(NO_VINTAGE)) {
      return CodeRemaps.NONE;
    }
    Map<String, String> known = vintages();
    if (!known.containsKey(name)) {
      throw new IllegalArgumentException(
          "boundary vintage '"
              + name
              + "' is unknown; known vintages: "
              + String.join(", ", known.keySet())
              + " (or "
              + NO_VINTAGE
              + ")");
    }
    return toRemaps(name, rows(DIR + name + ".csv", HEADER), name + ".csv");
  }

  /** Reads a table from text; {@code source} names it in errors. */
  public static CodeRemaps read(Reader reader, String vintage, String source) throws IOException {
    return toRemaps(vintage, rows(reader, source, HEADER), source);
  }

  private static CodeRemaps toRemaps(String vintage, List<List<String>> rows, String source) {
    List<CodeRemaps.Rule> rules = new ArrayList<>();
    int n = 0;
    for (List<String> row : rows) {
      n++;
      try {
        rules.add(
            new CodeRemaps.Rule(
                row.get(0).trim(),
                row.get(1).trim(),
                CodeRemaps.Kind.ofCsvName(row.get(2).trim()),
                row.get(3).trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " rule " + n + ": " + e.getMessage(), e);
      }
    }
    try {
      return new CodeRemaps(vintage, rules);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static List<List<String>> rows(String resource, List<String> header) {
    InputStream in = CodeRemapReader.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("resource " + resource + " is missing from the jar");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return rows(r, resource, header);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static List<List<String>> rows(Reader reader, String source, List<String> header)
      throws IOException {
    List<List<String>> out = new ArrayList<>();
    boolean[] headerSeen = {false};
    CsvRows.read(
        reader,
        source,
        (row, record) -> {
          if (!headerSeen[0]) {
            headerSeen[0] = true;
            if (!row.stream().map(String::trim).toList().equals(header)) {
              throw new IllegalArgumentException(
                  source + ": header must be " + String.join(",", header) + ", found " + row);
            }
            return;
          }
          if (row.size() != header.size()) {
            throw new IllegalArgumentException(
                source
                    + " record "
                    + record
                    + ": "
                    + row.size()
                    + " fields, expected "
                    + header.size());
          }
          out.add(row);
        });
    if (!headerSeen[0]) {
      throw new IllegalArgumentException(
          source + ": header must be " + String.join(",", header) + ", found null");
    }
    return out;
  }
}
