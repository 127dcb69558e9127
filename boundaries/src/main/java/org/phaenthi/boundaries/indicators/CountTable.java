package org.phaenthi.boundaries.indicators;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.AreaCodes;
import org.phaenthi.boundaries.Levels;

/**
 * Column sums of one TPMAP village file, per area at the standard levels and per village ({@link
 * Levels#WITH_VILLAGES}). Counts are summed exactly as {@code long}s; a mean column (happiness) is
 * kept as Σ(mean × weight) and Σ weight so it can be re-averaged at any level. Areas absent from
 * the file have no entry (absence is not zero).
 */
public final class CountTable {
  /** The sums for one area. Arrays are indexed like the table's column lists. */
  public static final class Sums {
    private final long[] counts;
    private final double[] weightedMeans;
    private final long[] meanWeights;
    private int rows;

    Sums(int countColumns, int meanColumns) {
      counts = new long[countColumns];
      weightedMeans = new double[meanColumns];
      meanWeights = new long[meanColumns];
    }

    void add(long[] rowCounts, double[] rowMeans, long weight) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = Math.addExact(counts[i], rowCounts[i]);
      }
      for (int i = 0; i < weightedMeans.length; i++) {
        if (!Double.isNaN(rowMeans[i])) {
          weightedMeans[i] += rowMeans[i] * weight;
          meanWeights[i] += weight;
        }
      }
      rows++;
    }

    public long count(int column) {
      return counts[column];
    }

    /** Σ(mean × weight) over the rows that had a value for this mean column. */
    public double weightedMeanSum(int meanColumn) {
      return weightedMeans[meanColumn];
    }

    /** Σ weight over the rows that had a value for this mean column. */
    public long meanWeight(int meanColumn) {
      return meanWeights[meanColumn];
    }

    /** How many village rows were summed into this area. */
    public int rows() {
      return rows;
    }
  }

  private final String sourceName;
  private final List<String> countColumns;
  private final List<String> meanColumns;
  private final Map<AdminLevel, Map<String, Sums>> byLevel = new TreeMap<>();
  private final Map<String, Long> stats = new HashMap<>();

  CountTable(String sourceName, List<String> countColumns, List<String> meanColumns) {
    this.sourceName = sourceName;
    this.countColumns = List.copyOf(countColumns);
    this.meanColumns = List.copyOf(meanColumns);
    for (AdminLevel level : Levels.WITH_VILLAGES) {
      byLevel.put(level, new HashMap<>());
    }
  }

  /**
   * Adds one village row: {@code village} is its (remapped) ID, whose first six characters are a
   * valid subdistrict code; an ID that is not a 10-character unit code counts only above the
   * village level (as {@code villageIdsNotUnits}).
   */
  void add(String village, long[] rowCounts, double[] rowMeans, long weight) {
    boolean unit =
        village.length() == AdminLevel.VILLAGE.codeLength() && AreaCodes.isValidUnit(village);
    if (!unit) {
      count("villageIdsNotUnits");
    }
    for (AdminLevel level : Levels.WITH_VILLAGES) {
      if (level.codeLength() > village.length() || (!unit && level == AdminLevel.VILLAGE)) {
        continue;
      }
      String code = village.substring(0, level.codeLength());
      byLevel
          .get(level)
          .computeIfAbsent(code, c -> new Sums(countColumns.size(), meanColumns.size()))
          .add(rowCounts, rowMeans, weight);
    }
  }

  void count(String stat) {
    stats.merge(stat, 1L, Long::sum);
  }

  public String sourceName() {
    return sourceName;
  }

  public List<String> countColumns() {
    return countColumns;
  }

  public List<String> meanColumns() {
    return meanColumns;
  }

  /** Index of a count column; IllegalArgumentException naming the file when it is absent. */
  public int countIndex(String column) {
    int i = countColumns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(sourceName + " has no count column " + column);
    }
    return i;
  }

  /** Index of a mean column; IllegalArgumentException naming the file when it is absent. */
  public int meanIndex(String column) {
    int i = meanColumns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(sourceName + " has no mean column " + column);
    }
    return i;
  }

  /** The areas present at one level, by code (unmodifiable). */
  public Map<String, Sums> level(AdminLevel level) {
    return Collections.unmodifiableMap(byLevel.getOrDefault(level, Map.of()));
  }

  public Optional<Sums> sums(AdminLevel level, String code) {
    return Optional.ofNullable(level(level).get(code));
  }

  /**
   * What happened while reading: {@code rows}, {@code rowsUnplaceable}, {@code codesRemapped},
   * {@code idsNonNumeric}, {@code provinceIdMismatch}, {@code duplicateIds}, {@code meanMissing}.
   */
  public long stat(String name) {
    return stats.getOrDefault(name, 0L);
  }
}
