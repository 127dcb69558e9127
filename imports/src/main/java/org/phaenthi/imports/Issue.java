package org.phaenthi.imports;

import java.util.List;

/**
 * One finding of a validation report.
 *
 * @param row the 1-based row number as the user's spreadsheet shows it; null for the whole file
 * @param column the header of the column concerned, or null
 * @param kind a stable name: {@code unknown_code}, {@code unknown_name}, {@code ambiguous_name},
 *     {@code duplicate_row}, {@code numerator_exceeds_denominator}, {@code counts_do_not_add_up},
 *     {@code negative}, {@code not_a_number}, {@code not_integer}, {@code empty_cell}, {@code
 *     percent_mismatch}, {@code unexpected_level}, {@code remapped}, {@code outside_scope}, {@code
 *     unknown_indicator}, {@code no_year}, {@code totals_row}, {@code no_rows}, {@code
 *     bad_definition}
 */
public record Issue(
    Severity severity,
    String kind,
    Integer row,
    String column,
    String messageEn,
    String messageTh,
    List<String> suggestions) {
  public Issue {
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }

  /** Errors block publishing; warnings are kept with the publication; info is only shown. */
  public enum Severity {
    ERROR,
    WARNING,
    INFO;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
