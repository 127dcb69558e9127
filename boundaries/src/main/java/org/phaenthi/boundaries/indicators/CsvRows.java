package org.phaenthi.boundaries.indicators;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The small CSV files of the data directory and the jar (the indicator catalogue, the boundary
 * vintages' remaps, the village names), parsed by Apache Commons CSV ({@link CSVFormat#DEFAULT}:
 * RFC 4180, quoted fields may hold commas, quotes and line breaks; blank lines are skipped), with
 * what these files need around it: a leading byte-order mark is skipped, a {@code .gz} file is
 * inflated, and every problem is an {@link IllegalArgumentException} that names the file and the
 * record (the header is record 1) — a malformed quote, a stream that breaks off, and a last record
 * cut short (fewer fields than the header and no line end after it: a copy that stopped in the
 * middle of its last row is refused, not read as a shorter file).
 */
public final class CsvRows {
  /** Receives each record: its cells and its 1-based number (the header is record 1). */
  @FunctionalInterface
  public interface Handler {
    void row(List<String> cells, long record);
  }

  private CsvRows() {}

  /** Reads a file (UTF-8; inflated when its name ends in {@code .gz}), named by its file name. */
  public static void read(Path file, Handler handler) {
    String name = String.valueOf(file.getFileName());
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(name + ": file not found or unreadable: " + file);
    }
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      read(new InputStreamReader(in, StandardCharsets.UTF_8), name, handler);
    } catch (IOException e) {
      throw new IllegalArgumentException(name + ": cannot read " + file + ": " + e, e);
    }
  }

  /** Every record of {@code reader} as lists of cells, the header first. */
  public static List<List<String>> readAll(Reader reader, String source) throws IOException {
    List<List<String>> out = new ArrayList<>();
    read(reader, source, (cells, record) -> out.add(cells));
    return out;
  }

  /**
   * Hands every record of {@code reader} to {@code handler} in order, the header first; {@code
   * source} names the input in error messages. An I/O failure of the reader itself is thrown as it
   * is (the caller names the file); a malformed record is an IllegalArgumentException.
   */
  public static void read(Reader reader, String source, Handler handler) throws IOException {
    LastChar tail = new LastChar(reader);
    PushbackReader in = new PushbackReader(tail, 1);
    int first = in.read();
    if (first != -1 && first != '\uFEFF') {
      in.unread(first);
    }
    try (CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
      Iterator<CSVRecord> it = parser.iterator();
      // one record is held back so that a cut last record is refused before it is handed on
      List<String> held = null;
      long heldNumber = 0;
      int headerWidth = -1;
      while (true) {
        CSVRecord r;
        try {
          if (!it.hasNext()) {
            break;
          }
          r = it.next();
        } catch (UncheckedIOException e) {
          if (e.getCause() instanceof org.apache.commons.csv.CSVException bad) {
            throw new IllegalArgumentException(
                source + ": record " + (parser.getRecordNumber() + 1) + ": " + wording(bad), bad);
          }
          throw e.getCause();
        }
        if (held != null) {
          handler.row(held, heldNumber);
        }
        held = r.toList();
        heldNumber = r.getRecordNumber();
        if (headerWidth < 0) {
          headerWidth = held.size();
        }
      }
      if (held != null) {
        if (heldNumber > 1 && held.size() < headerWidth && !tail.endedWithLineBreak()) {
          throw new IllegalArgumentException(
              source
                  + ": the last record ("
                  + heldNumber
                  + ") has "
                  + held.size()
                  + " of the header's "
                  + headerWidth
                  + " fields and no line end: the file is cut short");
        }
        handler.row(held, heldNumber);
      }
    }
  }

  /** The library's message in the words of the files' users. */
  private static String wording(org.apache.commons.csv.CSVException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("EOF reached before encapsulated token finished")) {
      return "unterminated quoted field";
    }
    if (m.contains("between encapsulated token and delimiter")) {
      return "text after a closing quote";
    }
    return m;
  }

  /** Remembers the last character read, to tell a last record with a line end from one without. */
  private static final class LastChar extends FilterReader {
    private int last = -1;

    LastChar(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c != -1) {
        last = c;
      }
      return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        last = buf[off + n - 1];
      }
      return n;
    }

    boolean endedWithLineBreak() {
      return last == '\n' || last == '\r';
    }
  }
}
