package org.phaenthi.imports;

import java.util.List;

/**
 * Which column (0-based index) plays which role; null = not mapped. {@link #indicators} lists, for
 * wide, CDD and กชช.2ค files, one entry per indicator found; a long file names its columns in the
 * top-level fields.
 */
public record Mapping(
    Integer code,
    Integer name,
    Integer parentName,
    Integer indicator,
    Integer year,
    Integer numerator,
    Integer denominator,
    Integer percent,
    List<IndicatorColumns> indicators) {
  public Mapping {
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
  }

  /** The roles a column can be given in the admin page. */
  public static final List<String> ROLES =
      List.of("code", "name", "parent_name", "indicator", "year", "numerator", "denominator");

  public Mapping withIndicators(List<IndicatorColumns> list) {
    return new Mapping(
        code, name, parentName, indicator, year, numerator, denominator, percent, list);
  }

  /**
   * The columns of one indicator.
   *
   * @param numerator failing (or passing, as the file's {@code numerator} option says) count, or
   *     the count itself for a count indicator
   * @param percent the file's own percentage of the numerator: checked, never imported
   * @param passing for CDD files, the other count (checked: passing + failing = eligible)
   * @param passingPercent its percentage (checked)
   * @param levels for กชช.2ค files, the column of problem levels 1/2/3
   * @param numeratorKind {@code failing}, {@code passing} or {@code count} (taken as it is); null =
   *     the file's {@code numerator} option
   */
  public record IndicatorColumns(
      String indicator,
      Integer denominator,
      Integer numerator,
      Integer percent,
      Integer passing,
      Integer passingPercent,
      Integer levels,
      String numeratorKind) {}
}
