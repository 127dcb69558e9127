package org.phaenthi.imports;

import java.util.List;

/**
 * A file read as a grid of text cells, before any meaning is given to them: row {@code i} of {@link
 * #rows} is line or spreadsheet row {@code i + 1} (the number users see), cells trimmed, empty
 * cells as empty strings, merged spreadsheet cells filled with their top-left value.
 *
 * @param encoding the text encoding used (CSV), or null for spreadsheets
 * @param delimiter the CSV delimiter used, or null for spreadsheets
 * @param sheet the sheet read (spreadsheets), or null
 * @param sheets every sheet of the workbook, empty for CSV
 */
public record Table(
    String name,
    String fileKind,
    List<String[]> rows,
    String encoding,
    String delimiter,
    String sheet,
    List<String> sheets) {
  public Table {
    rows = List.copyOf(rows);
    sheets = List.copyOf(sheets);
  }

  /** The cell at a 0-based row and column, or "" beyond the row's end. */
  public String cell(int row, int column) {
    String[] r = rows.get(row);
    return column < r.length ? r[column] : "";
  }

  /** The widest row's cell count. */
  public int width() {
    int w = 0;
    for (String[] r : rows) {
      w = Math.max(w, r.length);
    }
    return w;
  }
}
