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
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      boolean quoted = fill() && buf[pos] == '"';
      field.setLength(0);
      if (quoted) {
        pos++;
        readQuoted(field);
      }
      // unquoted part (or what follows a closing quote, which RFC 4180 forbids but we keep)
      while (fill()) {
        char c = buf[pos];
        if (c == ',' || c == '\n' || c == '\r') {
          break;
        }
        if (quoted) {
          throw new IllegalArgumentException(
              sourceName + ": record " + record + ": text after a closing quote");
        }
        field.append(c);
        pos++;
      }
      fields.add(field.toString());
      if (!fill()) {
        return fields;
      }
      char c = buf[pos++];
      if (c == '\r') {
        if (fill() && buf[pos] == '\n') {
          pos++;
        }
        return fields;
      }
      if (c == '\n') {
        return fields;
      }
    }
  }

  private void readQuoted(StringBuilder field) throws IOException {
    while (true) {
      if (!fill()) {
        throw new IllegalArgumentException(
            sourceName + ": record " + record + ": unterminated quoted field");
      }
      char c = buf[pos++];
      if (c == '"') {
        if (fill() && buf[pos] == '"') {
          field.append('"');
          pos++;
        } else {
          return;
        }
      } else {
        field.append(c);
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
