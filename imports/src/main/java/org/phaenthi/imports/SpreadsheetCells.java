package org.phaenthi.imports;

/**
 * Text written into CSV or XLSX cells that a spreadsheet would otherwise run as a formula: a cell
 * starting with {@code = + - @} (or a tab or carriage return before one) gets a leading apostrophe,
 * OWASP's advice against CSV injection. Numbers are never passed through this.
 */
public final class SpreadsheetCells {
  private SpreadsheetCells() {}

  public static String safe(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + text;
    }
    return text;
  }
}
