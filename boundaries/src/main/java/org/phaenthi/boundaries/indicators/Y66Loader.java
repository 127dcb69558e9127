package org.phaenthi.boundaries.indicators;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.AreaCodes;

/**
 * Reads TPMAP's "y66" province file ({@code y66_province_poverty_with_province_name.csv}): 75
 * provinces, target-poor counts only. It has no people-surveyed column, so {@code
 * tpmap:target_poor_rate} takes the file's own {@code JPT.MOFval.pov.rate} with the target-poor
 * count as numerator and a null denominator. Provinces not in the file (Bangkok, Bueng Kan) get no
 * entry. A row whose {@code province_ID} is not a 2-digit code or whose counts are not integers is
 * not placed and is counted as {@code rowsUnplaceable}.
 */
final class Y66Loader {
  /** catalogue code → column, for the COUNT measures this file has. */
  static final Map<String, String> COUNTS = new LinkedHashMap<>();

  static {
    COUNTS.put("tpmap:poor_households", "poor.household.CNT");
    COUNTS.put("tpmap:poor_people", "poor.JPT.CNT");
    COUNTS.put("tpmap:poor_registered", "poor.JPT.MOFreg.CNT");
    COUNTS.put("tpmap:target_poor", TpmapMeasures.TARGET_POOR);
    COUNTS.put("tpmap:dim_health", "poor.JPT.MOFval.health");
    COUNTS.put("tpmap:dim_living", "poor.JPT.MOFval.living");
    COUNTS.put("tpmap:dim_education", "poor.JPT.MOFval.education");
    COUNTS.put("tpmap:dim_income", "poor.JPT.MOFval.income");
    COUNTS.put("tpmap:dim_access", "poor.JPT.MOFval.accessibility");
  }

  /** Counts read when the file has their column (target poor failing BMN indicator k). */
  static final Map<String, String> OPTIONAL_COUNTS = new LinkedHashMap<>();

  static {
    for (int k = 1; k <= 31; k++) {
      OPTIONAL_COUNTS.put(
          TpmapMeasures.targetPoorFailingCode(k), TpmapMeasures.targetPoorFailingColumn(k));
    }
  }

  static final String RATE = "JPT.MOFval.pov.rate";
  static final String RATE_CODE = "tpmap:target_poor_rate";

  private Y66Loader() {}

  /** Indicator code → province code → value; counters get rows and rowsUnplaceable. */
  static Map<String, Map<String, IndicatorValue>> load(Path file, Map<String, Long> stats) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("TPMAP y66 file not found or unreadable: " + file);
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, String.valueOf(file.getFileName()), stats);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read TPMAP y66 file " + file + ": " + e, e);
    }
  }

  static Map<String, Map<String, IndicatorValue>> read(
      Reader reader, String sourceName, Map<String, Long> stats) throws IOException {
    CsvReader csv = new CsvReader(reader, sourceName);
    List<String> header = csv.next();
    if (header == null) {
      throw new IllegalArgumentException(sourceName + ": no header");
    }
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      at.put(header.get(i).trim(), i);
    }
    for (String c : List.of("province_ID", RATE)) {
      require(at, c, sourceName);
    }
    COUNTS.values().forEach(c -> require(at, c, sourceName));
    Map<String, String> columns = new LinkedHashMap<>(COUNTS);
    OPTIONAL_COUNTS.forEach(
        (code, column) -> {
          if (at.containsKey(column)) {
            columns.put(code, column);
          }
        });
    Map<String, ValueColumn.Builder> out = new LinkedHashMap<>();
    columns.keySet().forEach(code -> out.put(code, ValueColumn.builder(80)));
    out.put(RATE_CODE, ValueColumn.builder(80));
    Set<String> placed = new HashSet<>();
    for (List<String> row = csv.next(); row != null; row = csv.next()) {
      stats.merge("rows", 1L, Long::sum);
      String province = row.size() == header.size() ? row.get(at.get("province_ID")).trim() : "";
      Map<String, Long> counts = new HashMap<>();
      boolean ok = AreaCodes.isValid(province) && province.length() == 2;
      for (String column : columns.values()) {
        Long v = ok ? parseCount(row.get(at.get(column))) : null;
        ok = v != null;
        counts.put(column, v);
      }
      if (!ok || !placed.add(province)) {
        stats.merge("rowsUnplaceable", 1L, Long::sum);
        continue;
      }
      for (Map.Entry<String, String> e : columns.entrySet()) {
        double v = counts.get(e.getValue());
        out.get(e.getKey()).add(province, v, Double.NaN, v, null);
      }
      double target = counts.get(TpmapMeasures.TARGET_POOR);
      Double rate = parseRate(row.get(at.get(RATE)));
      out.get(RATE_CODE)
          .add(
              new IndicatorValue(
                  province, target, null, rate, rate == null ? "rate not in file" : null));
    }
    // the file's province rows share one code index
    AreaIndex.Pool pool = new AreaIndex.Pool();
    Map<String, Map<String, IndicatorValue>> values = new LinkedHashMap<>();
    out.forEach((code, builder) -> values.put(code, builder.build(pool)));
    return Collections.unmodifiableMap(values);
  }

  private static void require(Map<String, Integer> at, String column, String sourceName) {
    if (!at.containsKey(column)) {
      throw new IllegalArgumentException(sourceName + " has no column " + column);
    }
  }

  private static Long parseCount(String cell) {
    try {
      long v = Long.parseLong(cell.trim());
      return v < 0 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseRate(String cell) {
    try {
      double v = Double.parseDouble(cell.trim());
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
