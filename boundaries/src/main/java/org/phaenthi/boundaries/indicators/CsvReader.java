package org.phaenthi.boundaries.indicators;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated, fields optionally in double quotes, a doubled quote
 * inside quotes is one quote, quoted fields may hold commas and line breaks. Accepts LF or CRLF
 * line ends and skips a leading byte-order mark. It exists so the indicator files load without a
 * dependency and fast enough for the 84,090-row village file.
 */
public final class CsvReader implements Closeable {
  private final Reader in;
  private final String sourceName;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long record;
  private boolean started;
  private int lastWidth = 16;
  private int headerWidth = -1;

  /**
   * @param sourceName the file name, used in error messages
   */
  public CsvReader(Reader in, String sourceName) {
    this.in = in;
    this.sourceName = sourceName;
  }

  /** The 1-based number of the record last returned (the header is record 1). */
  public long recordNumber() {
    return record;
  }

  /** The next record's fields, or null at the end of input. A blank line is skipped. */
  public List<String> next() throws IOException {
    if (!started) {
      started = true;
      if (fill() && buf[pos] == '\uFEFF') {
        pos++;
      }
    }
    while (true) {
      if (!fill()) {
        return null;
      }
      if (buf[pos] == '\n') {
        pos++;
        continue;
      }
      if (buf[pos] == '\r') {
        pos++;
        continue;
      }
      record++;
      return readRecord();
    }
  }

  private List<String> readRecord() throws IOException {
    List<String> fields = new ArrayList<>(lastWidth);
    while (true) {
      if (fill() && buf[pos] == '"') {
        pos++;
        fields.add(readQuoted());
        if (fill() && buf[pos] != ',' && buf[pos] != '\n' && buf[pos] != '\r') {
          throw new IllegalArgumentException(
              sourceName + ": record " + record + ": text after a closing quote");
        }
      } else {
        fields.add(readPlain());
      }
      if (!fill()) {
        checkWhole(fields);
        break;
      }
      char c = buf[pos++];
      if (c == ',') {
        continue;
      }
      if (c == '\r' && fill() && buf[pos] == '\n') {
        pos++;
      }
      break;
    }
    lastWidth = fields.size();
    if (headerWidth < 0) {
      headerWidth = fields.size();
    }
    return fields;
  }

  /**
   * The input ended inside this record (no line end after it): when it has fewer fields than the
   * header, the file was cut in the middle of its last row, and is refused rather than read as a
   * shorter file.
   */
  private void checkWhole(List<String> fields) {
    if (headerWidth > 0 && fields.size() < headerWidth) {
      throw new IllegalArgumentException(
          sourceName
              + ": the last record ("
              + record
              + ") has "
              + fields.size()
              + " of the header's "
              + headerWidth
              + " fields and no line end: the file is cut short");
    }
  }

  /** An unquoted field: up to the next comma or line end, copied in chunks (the hot path). */
  private String readPlain() throws IOException {
    StringBuilder spill = null;
    while (true) {
      int start = pos;
      while (pos < len) {
        char c = buf[pos];
        if (c == ',' || c == '\n' || c == '\r') {
          break;
        }
        pos++;
      }
      if (pos < len) {
        return spill == null
            ? new String(buf, start, pos - start)
            : spill.append(buf, start, pos - start).toString();
      }
      if (spill == null) {
        spill = new StringBuilder();
      }
      spill.append(buf, start, pos - start);
      if (!fill()) {
        return spill.toString();
      }
    }
  }

  /** A quoted field after its opening quote, up to and including the closing quote. */
  private String readQuoted() throws IOException {
    StringBuilder field = new StringBuilder();
    while (true) {
      if (!fill()) {
        throw new IllegalArgumentException(
            sourceName + ": record " + record + ": unterminated quoted field");
      }
      int start = pos;
      while (pos < len && buf[pos] != '"') {
        pos++;
      }
      field.append(buf, start, pos - start);
      if (pos == len) {
        continue;
      }
      pos++;
      if (fill() && buf[pos] == '"') {
        field.append('"');
        pos++;
      } else {
        return field.toString();
      }
    }
  }

  /** True if at least one character is buffered. */
  private boolean fill() throws IOException {
    if (pos < len) {
      return true;
    }
    len = in.read(buf, 0, buf.length);
    pos = 0;
    if (len <= 0) {
      len = 0;
      return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
