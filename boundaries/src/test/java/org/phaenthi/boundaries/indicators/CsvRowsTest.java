package org.phaenthi.boundaries.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small files' CSV: Commons CSV, with the BOM, gzip and the errors naming file and record. */
class CsvRowsTest {
  private static List<List<String>> rows(String text) throws IOException {
    return CsvRows.readAll(new StringReader(text), "test.csv");
  }

  private static String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> rows(text)).getMessage();
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaksAndTheBomIsSkipped() throws IOException {
    List<List<String>> r = rows("\uFEFFa,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,ไทย\n");
    assertEquals(List.of(List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "ไทย")), r);
  }

  @Test
  void recordNumbersCountTheHeaderAndSkipBlankLines() throws IOException {
    List<Long> numbers = new ArrayList<>();
    CsvRows.read(new StringReader("x,y\n\n1,2\n\n3,4\n"), "t.csv", (c, n) -> numbers.add(n));
    assertEquals(List.of(1L, 2L, 3L), numbers);
  }

  @Test
  void lastRecordWithoutLineEndAndTrailingEmptyField() throws IOException {
    assertEquals(List.of(List.of("x", "y"), List.of("1", "")), rows("x,y\n\n1,"));
  }

  @Test
  void aLastRecordCutShortIsAnError() {
    assertEquals(
        "test.csv: the last record (3) has 2 of the header's 3 fields and no line end: the file"
            + " is cut short",
        error("a,b,c\n1,2,3\n4,5"));
  }

  @Test
  void unterminatedQuoteIsAnErrorNamingTheRecord() {
    assertEquals("test.csv: record 3: unterminated quoted field", error("a,b\n1,2\n3,\"open\n"));
  }

  @Test
  void textAfterAClosingQuoteIsAnErrorNamingTheRecord() {
    assertEquals("test.csv: record 2: text after a closing quote", error("a,b\n\"a\"b,c\n"));
  }

  @Test
  void aGzipFileIsInflatedAndACutOneIsRefusedByName(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("names.csv.gz");
    byte[] text = "code,name\n83010101,บ้านเกาะแก้ว\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text);
    }
    List<List<String>> got = new ArrayList<>();
    CsvRows.read(gz, (c, n) -> got.add(c));
    assertEquals(List.of("83010101", "บ้านเกาะแก้ว"), got.get(1));
    byte[] whole = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length - 12));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CsvRows.read(gz, (c, n) -> {}));
    assertTrue(e.getMessage().startsWith("names.csv.gz: cannot read "), e.getMessage());
  }
}
