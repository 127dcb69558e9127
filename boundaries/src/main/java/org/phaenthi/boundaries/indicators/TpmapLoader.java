package org.phaenthi.boundaries.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.phaenthi.boundaries.AreaCodes;

/**
 * Reads a TPMAP village file ({@code 61_village_common.csv.gz}, {@code 61_village_11111.csv.gz})
 * and sums it up to subdistrict, district and province. The village is the lowest level TPMAP
 * publishes, so every higher figure is a sum of village rows; TPMAP's own higher-level files are
 * only used to prove the sums.
 *
 * <p>Columns: the first is the village ID (10 characters = 8-digit village code + 2-digit suffix);
 * {@code province_ID} is only checked against the code; {@link #MEAN_COLUMNS} are means weighted by
 * {@link #WEIGHT_COLUMN}; {@link #DERIVED_COLUMNS} are rates that are recomputed, never summed;
 * every other column is an integer count. Placement uses the first six characters after the
 * boundary vintage's {@link org.phaenthi.boundaries.CodeRemaps} joins, so municipal
 * pseudo-subdistricts (tambon part ≥ 51) stay under their own code and count in their district and
 * province. A row whose subdistrict part is not a valid code, or with a count that is not an
 * integer, is not placed and is counted as {@code rowsUnplaceable}. Sixteen 2561 community IDs
 * carry a letter after the subdistrict part (e.g. {@code 340151A001}); they are placed by that
 * valid prefix, as TPMAP's own tambon file does, and counted as {@code idsNonNumeric}.
 */
public final class TpmapLoader {
  public static final Set<String> MEAN_COLUMNS = Set.of("happiness");
  public static final Set<String> DERIVED_COLUMNS = Set.of("JPT.MOFval.pov.rate");
  public static final String WEIGHT_COLUMN = "household.CNT";
  static final String PROVINCE_COLUMN = "province_ID";

  private final UnaryOperator<String> remap;

  /**
   * @param remap applied to each village ID before placing it (the boundary vintage's {@code
   *     remaps::remap}, or identity to reproduce TPMAP's own files)
   */
  public TpmapLoader(UnaryOperator<String> remap) {
    this.remap = remap;
  }

  /** Reads a plain or gzip ({@code .gz}) file; IllegalArgumentException naming it on failure. */
  public CountTable load(Path file) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("TPMAP village file not found or unreadable: " + file);
    }
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            String.valueOf(file.getFileName()).endsWith(".gz")
                ? new GZIPInputStream(raw, 1 << 16)
                : raw;
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(r, String.valueOf(file.getFileName()));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read TPMAP village file " + file + ": " + e, e);
    }
  }

  /** Reads CSV text; {@code sourceName} names it in errors and in the table. */
  public CountTable read(Reader reader, String sourceName) throws IOException {
    CsvReader csv = new CsvReader(reader, sourceName);
    List<String> header = csv.next();
    if (header == null || header.size() < 2) {
      throw new IllegalArgumentException(sourceName + ": no header");
    }
    List<String> counts = new ArrayList<>();
    List<String> means = new ArrayList<>();
    // kind per column: 0 id, 1 count, 2 mean, 3 derived/ignored, 4 province
    int[] kind = new int[header.size()];
    int weightAt = -1;
    for (int i = 1; i < header.size(); i++) {
      String name = header.get(i);
      if (name.equals(PROVINCE_COLUMN)) {
        kind[i] = 4;
      } else if (MEAN_COLUMNS.contains(name)) {
        kind[i] = 2;
        means.add(name);
      } else if (DERIVED_COLUMNS.contains(name)) {
        kind[i] = 3;
      } else {
        kind[i] = 1;
        if (name.equals(WEIGHT_COLUMN)) {
          weightAt = counts.size();
        }
        counts.add(name);
      }
    }
    if (!means.isEmpty() && weightAt < 0) {
      throw new IllegalArgumentException(sourceName + ": mean columns need " + WEIGHT_COLUMN);
    }
    CountTable table = new CountTable(sourceName, counts, means);
    Set<String> seen = new HashSet<>();
    long[] rowCounts = new long[counts.size()];
    double[] rowMeans = new double[means.size()];
    for (List<String> row = csv.next(); row != null; row = csv.next()) {
      table.count("rows");
      if (row.size() != header.size()) {
        table.count("rowsUnplaceable");
        continue;
      }
      String id = row.get(0).trim();
      String code = remap.apply(id);
      String subdistrict = code.length() >= 8 ? code.substring(0, 6) : "";
      if (!validSubdistrict(subdistrict) || !parse(row, kind, rowCounts, rowMeans)) {
        table.count("rowsUnplaceable");
        continue;
      }
      if (!code.equals(id)) {
        table.count("codesRemapped");
      }
      if (!seen.add(id)) {
        table.count("duplicateIds");
      }
      if (!id.chars().allMatch(c -> c >= '0' && c <= '9')) {
        table.count("idsNonNumeric");
      }
      for (int i = 1; i < kind.length; i++) {
        if (kind[i] == 4 && !row.get(i).trim().equals(id.substring(0, 2))) {
          table.count("provinceIdMismatch");
        }
      }
      for (double m : rowMeans) {
        if (Double.isNaN(m)) {
          table.count("meanMissing");
        }
      }
      table.add(code, rowCounts, rowMeans, means.isEmpty() ? 0 : rowCounts[weightAt]);
    }
    return table;
  }

  /** A 6-digit code whose district and tambon parts are not 00 (municipal parts ≥ 51 allowed). */
  static boolean validSubdistrict(String code) {
    return AreaCodes.isValid(code)
        && code.length() == 6
        && !code.startsWith("00", 2)
        && !code.startsWith("00", 4);
  }

  /** Fills the row arrays; false if a count is not a non-negative integer. */
  private static boolean parse(List<String> row, int[] kind, long[] counts, double[] means) {
    int c = 0;
    int m = 0;
    for (int i = 1; i < kind.length; i++) {
      String cell = row.get(i).trim();
      if (kind[i] == 1) {
        try {
          long v = Long.parseLong(cell);
          if (v < 0) {
            return false;
          }
          counts[c++] = v;
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (kind[i] == 2) {
        means[m++] = parseMean(cell);
      }
    }
    return true;
  }

  /** NaN for a blank or NA mean: that village is left out of the mean, not counted as 0. */
  private static double parseMean(String cell) {
    if (cell.isEmpty() || cell.equalsIgnoreCase("NA") || cell.equalsIgnoreCase("NaN")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
