package org.phaenthi.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads an uploaded file into a {@link Table}: CSV (Apache Commons CSV) in UTF-8 with or without
 * BOM, UTF-16 (BOM, or the zero bytes of ASCII text) or, when the bytes are not valid UTF-8,
 * Windows-874 (the superset of TIS-620 that Thai Excel writes); comma, semicolon or tab, whichever
 * splits the first lines most consistently; XLSX and XLS through Apache POI, with POI's zip-bomb
 * guard (an entry expanding more than 100× or past 200 MB is refused) and merged cells filled with
 * their top-left value; gzip around any of these. Anything else is one {@link ImportException}.
 */
public final class TableReader {
  /** More rows than any national file (84,090 villages) needs, so a bomb cannot fill the heap. */
  public static final int MAX_ROWS = 2_000_000;

  static final long MAX_UNZIPPED_BYTES = 1L << 30;
  static final Charset THAI_WINDOWS = Charset.forName("x-windows-874");

  static {
    // an XLSX entry expanding 100× is a bomb; real sheets compress 5–20×
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(200L << 20);
  }

  private TableReader() {}

  public static Table read(byte[] bytes, String fileName, ReadOptions options) {
    if (bytes.length == 0) {
      throw new ImportException("the file is empty", "ไฟล์ว่างเปล่า");
    }
    if (isGzip(bytes)) {
      return read(gunzip(bytes), stripGz(fileName), options);
    }
    if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04) || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
      return spreadsheet(bytes, fileName, options);
    }
    return csv(bytes, fileName, options);
  }

  // ---------------------------------------------------------------- CSV

  static Table csv(byte[] bytes, String fileName, ReadOptions options) {
    if (options.encoding() == null && binary(bytes)) {
      throw notATable();
    }
    String[] encodingUsed = new String[1];
    String text = decode(bytes, options.encoding(), encodingUsed);
    if (looksBinary(text)) {
      throw notATable();
    }
    char delimiter =
        options.delimiter() != null ? delimiter(options.delimiter()) : detectDelimiter(text);
    List<String[]> rows = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord r : parser) {
        if (rows.size() >= MAX_ROWS) {
          throw tooManyRows();
        }
        rows.add(r.values());
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new ImportException(
          "the CSV file is malformed near line " + (rows.size() + 1) + " (an unclosed quote?)",
          "ไฟล์ CSV ผิดรูปแบบใกล้บรรทัดที่ " + (rows.size() + 1) + " (เครื่องหมายคำพูดไม่ปิด?)",
          e);
    }
    return new Table(
        fileName,
        "csv",
        rows,
        encodingUsed[0],
        delimiter == '\t' ? "\t" : String.valueOf(delimiter),
        null,
        List.of());
  }

  /** Text of the bytes; {@code used[0]} gets the charset's name as reported to the user. */
  static String decode(byte[] b, String forced, String[] used) {
    if (forced != null) {
      Charset cs;
      try {
        cs = Charset.forName(forced.equalsIgnoreCase("TIS-620") ? "TIS-620" : forced);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw new ImportException(
            "unknown encoding '" + forced + "'; use UTF-8, UTF-16 or windows-874 (TIS-620)",
            "ไม่รู้จักการเข้ารหัส '" + forced + "' ใช้ UTF-8, UTF-16 หรือ windows-874 (TIS-620)");
      }
      used[0] = cs.name();
      int skip = cs == StandardCharsets.UTF_8 && startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
      return stripBom(new String(b, skip, b.length - skip, cs));
    }
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      used[0] = "UTF-8";
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(b, 0xFF, 0xFE)) {
      used[0] = "UTF-16LE";
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }
    if (startsWith(b, 0xFE, 0xFF)) {
      used[0] = "UTF-16BE";
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
    }
    Charset utf16 = utf16WithoutBom(b);
    if (utf16 != null) {
      used[0] = utf16.name();
      return new String(b, utf16);
    }
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b))
              .toString();
      used[0] = "UTF-8";
      return s;
    } catch (CharacterCodingException notUtf8) {
      used[0] = "windows-874";
      try {
        CharBuffer c =
            THAI_WINDOWS
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b));
        return c.toString();
      } catch (CharacterCodingException e) {
        throw new ImportException(
            "the file's text is neither UTF-8, UTF-16 nor windows-874 (TIS-620); save it as CSV"
                + " UTF-8",
            "อ่านตัวอักษรของไฟล์ไม่ได้ (ไม่ใช่ UTF-8, UTF-16 หรือ TIS-620) กรุณาบันทึกเป็น CSV UTF-8");
      }
    }
  }

  /** ASCII-range text saved as UTF-16 without a BOM: every other byte of the start is zero. */
  private static Charset utf16WithoutBom(byte[] b) {
    int n = Math.min(b.length, 400) & ~1;
    if (n < 8) {
      return null;
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < n; i += 2) {
      evenZero += b[i] == 0 ? 1 : 0;
      oddZero += b[i + 1] == 0 ? 1 : 0;
    }
    int half = n / 2;
    if (oddZero > half * 0.6 && evenZero < half * 0.1) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZero > half * 0.6 && oddZero < half * 0.1) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static boolean looksBinary(String text) {
    int n = Math.min(text.length(), 4096);
    int control = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
        control++;
      }
    }
    return n > 0 && control * 20 > n;
  }

  static char delimiter(String given) {
    return switch (given) {
      case ",", "comma" -> ',';
      case ";", "semicolon" -> ';';
      case "\t", "\\t", "tab" -> '\t';
      default ->
          throw new ImportException(
              "delimiter must be ',', ';' or tab, not '" + given + "'",
              "ตัวคั่นต้องเป็น ',' ';' หรือ tab ไม่ใช่ '" + given + "'");
    };
  }

  /**
   * The candidate that splits the first ten lines into the same number of fields most often (ties:
   * more fields); quotes are respected so a comma inside "1,234" does not count.
   */
  static char detectDelimiter(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (lines.size() < 10 && start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      if (!line.isBlank()) {
        lines.add(line);
      }
      start = end + 1;
    }
    char best = ',';
    long bestScore = -1;
    for (char d : new char[] {',', ';', '\t'}) {
      int[] counts = lines.stream().mapToInt(l -> countOutsideQuotes(l, d)).toArray();
      if (counts.length == 0 || java.util.Arrays.stream(counts).max().getAsInt() == 0) {
        continue;
      }
      int mode = mode(counts);
      long agree = java.util.Arrays.stream(counts).filter(c -> c == mode).count();
      long score = agree * 10_000 + mode;
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
    }
    return best;
  }

  private static int mode(int[] counts) {
    int best = 0;
    int bestN = 0;
    for (int c : counts) {
      int n = 0;
      for (int d : counts) {
        n += d == c ? 1 : 0;
      }
      if (c > 0 && (n > bestN || (n == bestN && c > best))) {
        best = c;
        bestN = n;
      }
    }
    return best;
  }

  private static int countOutsideQuotes(String line, char d) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == d && !quoted) {
        n++;
      }
    }
    return n;
  }

  // ---------------------------------------------------------------- spreadsheets

  static Table spreadsheet(byte[] bytes, String fileName, ReadOptions options) {
    boolean xlsx = bytes[0] == 0x50;
    String kind = xlsx ? "xlsx" : "xls";
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      List<String> sheets = new ArrayList<>();
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        sheets.add(wb.getSheetName(i));
      }
      Sheet sheet;
      if (options.sheet() != null) {
        sheet = wb.getSheet(options.sheet());
        if (sheet == null) {
          throw new ImportException(
              "the workbook has no sheet '" + options.sheet() + "'; its sheets are " + sheets,
              "ไม่มีแผ่นงาน '" + options.sheet() + "' ในไฟล์ แผ่นงานที่มีคือ " + sheets);
        }
      } else {
        sheet = null;
        for (int i = 0; i < wb.getNumberOfSheets() && sheet == null; i++) {
          if (wb.getSheetAt(i).getPhysicalNumberOfRows() > 0) {
            sheet = wb.getSheetAt(i);
          }
        }
        if (sheet == null) {
          throw new ImportException(
              "the workbook has no sheet with data", "ไม่มีแผ่นงานที่มีข้อมูลในไฟล์");
        }
      }
      return new Table(fileName, kind, rows(sheet, wb), null, null, sheet.getSheetName(), sheets);
    } catch (ImportException e) {
      throw e;
    } catch (EncryptedDocumentException e) {
      throw new ImportException(
          "the workbook is password-protected; save it without a password",
          "ไฟล์มีรหัสผ่าน กรุณาบันทึกแบบไม่มีรหัสผ่าน",
          e);
    } catch (IOException | RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("Zip bomb") || m.contains("exceeds the max")) {
        throw new ImportException(
            "the "
                + kind.toUpperCase()
                + " file expands far beyond its size (a zip bomb?); refused",
            "ไฟล์ " + kind.toUpperCase() + " ขยายตัวผิดปกติ (zip bomb?) จึงไม่รับ",
            e);
      }
      throw new ImportException(
          "the file is not a readable "
              + kind.toUpperCase()
              + " workbook (damaged or another format)",
          "อ่านไฟล์ " + kind.toUpperCase() + " ไม่ได้ (ไฟล์เสียหรือเป็นรูปแบบอื่น)",
          e);
    }
  }

  private static List<String[]> rows(Sheet sheet, Workbook wb) {
    DataFormatter fmt = new DataFormatter(java.util.Locale.ROOT);
    var eval = wb.getCreationHelper().createFormulaEvaluator();
    int last = sheet.getLastRowNum();
    if (last + 1 > MAX_ROWS) {
      throw tooManyRows();
    }
    List<String[]> out = new ArrayList<>(last + 1);
    for (int r = 0; r <= last; r++) {
      Row row = sheet.getRow(r);
      if (row == null || row.getLastCellNum() <= 0) {
        out.add(new String[0]);
        continue;
      }
      String[] cells = new String[row.getLastCellNum()];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = text(row.getCell(c), fmt, eval);
      }
      out.add(cells);
    }
    for (CellRangeAddress m : sheet.getMergedRegions()) {
      if (m.getFirstRow() > last) {
        continue;
      }
      String v = cellAt(out, m.getFirstRow(), m.getFirstColumn());
      for (int r = m.getFirstRow(); r <= Math.min(m.getLastRow(), last); r++) {
        for (int c = m.getFirstColumn(); c <= m.getLastColumn(); c++) {
          String[] row = out.get(r);
          if (c >= row.length) {
            row = java.util.Arrays.copyOf(row, c + 1);
            for (int i = 0; i < row.length; i++) {
              row[i] = row[i] == null ? "" : row[i];
            }
            out.set(r, row);
          }
          row[c] = v;
        }
      }
    }
    return out;
  }

  private static String cellAt(List<String[]> rows, int r, int c) {
    String[] row = rows.get(r);
    return c < row.length ? row[c] : "";
  }

  private static String text(
      Cell cell, DataFormatter fmt, org.apache.poi.ss.usermodel.FormulaEvaluator eval) {
    if (cell == null) {
      return "";
    }
    CellType t = cell.getCellType();
    if (t == CellType.FORMULA) {
      t = cell.getCachedFormulaResultType();
    }
    if (t == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
      double d = cell.getNumericCellValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (t == CellType.STRING) {
      return cell.getStringCellValue().trim();
    }
    if (t == CellType.BLANK || t == CellType.ERROR) {
      return "";
    }
    return fmt.formatCellValue(cell, eval).trim();
  }

  // ---------------------------------------------------------------- helpers

  private static ImportException notATable() {
    return new ImportException(
        "the file is not a table: expected CSV, XLSX or XLS",
        "ไฟล์นี้ไม่ใช่ตาราง: ต้องเป็น CSV, XLSX หรือ XLS");
  }

  /** Control bytes (not tab, CR, LF) in text that has no UTF-16 BOM or UTF-16 zero pattern. */
  static boolean binary(byte[] b) {
    if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF) || utf16WithoutBom(b) != null) {
      return false;
    }
    int n = Math.min(b.length, 4096);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        control++;
      }
    }
    return control > 0 && control * 50 >= n;
  }

  private static ImportException tooManyRows() {
    return new ImportException(
        "the file has more than " + MAX_ROWS + " rows", "ไฟล์มีมากกว่า " + MAX_ROWS + " แถว");
  }

  private static boolean isGzip(byte[] b) {
    return startsWith(b, 0x1F, 0x8B);
  }

  private static String stripGz(String name) {
    return name != null && name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  private static byte[] gunzip(byte[] b) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b), 1 << 16)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(b.length * 4);
      byte[] buf = new byte[1 << 16];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > MAX_UNZIPPED_BYTES || total > 200L * b.length + (1 << 20)) {
          throw new ImportException(
              "the gzip file expands far beyond its size (a zip bomb?); refused",
              "ไฟล์ gzip ขยายตัวผิดปกติ (zip bomb?) จึงไม่รับ");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ImportException("the gzip file is damaged", "ไฟล์ gzip เสียหาย", e);
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
