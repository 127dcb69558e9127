package org.phaenthi.server.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.Area;
import org.phaenthi.imports.SpreadsheetCells;

/**
 * RFC 4180 CSV, UTF-8 with a byte-order mark (so Excel shows Thai), CRLF line ends: one header row
 * and one row per area, nothing else, so {@code pandas.read_csv} and R's {@code read_csv} get
 * exactly the areas. The metadata is in a W3C CSVW sidecar ({@link CsvMetadataExporter}), named by
 * the download's {@code Link: <...csv-metadata.json>; rel="describedby"} header.
 */
public final class CsvExporter implements Exporter {
  /** The columns, always all of them (empty when there is no indicator). */
  public static final List<String> COLUMNS =
      java.util.stream.Stream.concat(
              Selection.AREA_PROPERTIES.stream(), Selection.VALUE_PROPERTIES.stream())
          .toList();

  /**
   * The columns of one selection: {@link #COLUMNS}, then with a change ({@code compare=YEAR}) the
   * {@link Selection#CHANGE_PROPERTIES}.
   */
  public static List<String> columns(Selection s) {
    if (!s.hasChange()) {
      return COLUMNS;
    }
    List<String> all = new ArrayList<>(COLUMNS);
    all.addAll(Selection.CHANGE_PROPERTIES);
    return List.copyOf(all);
  }

  @Override
  public void write(Selection s, ExportMetadata m, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    w.write('\uFEFF');
    List<String> columns = columns(s);
    row(w, columns);
    for (Area a : s.areas()) {
      Map<String, Object> p = s.properties(a);
      List<String> cells = new ArrayList<>(columns.size());
      for (String c : columns) {
        cells.add(text(p.get(c)));
      }
      row(w, cells);
    }
    w.flush();
  }

  static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    // text a spreadsheet would run as a formula (= + - @) is escaped; numbers never are
    return v instanceof CharSequence ? SpreadsheetCells.safe(v.toString()) : v.toString();
  }

  private static void row(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(quote(cells.get(i)));
    }
    w.write("\r\n");
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
