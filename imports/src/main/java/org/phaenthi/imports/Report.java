package org.phaenthi.imports;

import java.util.List;
import java.util.Map;

/**
 * A validation report: the findings (the first {@link #MAX_ISSUES} kept in full; {@link #byKind}
 * counts them all), and the coverage per level.
 */
public record Report(
    int errors,
    int warnings,
    List<Issue> issues,
    Map<String, Integer> byKind,
    List<Coverage> coverage) {
  public static final int MAX_ISSUES = 5_000;

  public Report {
    issues = List.copyOf(issues);
    byKind = Map.copyOf(byKind);
    coverage = List.copyOf(coverage);
  }

  public boolean publishable() {
    return errors == 0;
  }

  /**
   * Share of a level's areas (in the provinces the upload covers) that got data, and the same share
   * in the previous year of the current publication (null when there is none).
   */
  public record Coverage(
      String level, int areas, int withData, Long households, Double previousShare) {
    public double share() {
      return areas == 0 ? 0 : (double) withData / areas;
    }
  }

  /** One line for a publication note: how many warnings, of which kinds. */
  public String summary() {
    return errors
        + " errors, "
        + warnings
        + " warnings"
        + (byKind.isEmpty() ? "" : " " + new java.util.TreeMap<>(byKind));
  }
}
