package org.phaenthi.boundaries.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static CsvReader csv(String text) {
    return new CsvReader(new StringReader(text), "test.csv");
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
    CsvReader r = csv("\uFEFFa,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,ไทย\n");
    assertEquals(List.of("a", "b,c", "say \"hi\""), r.next());
    assertEquals(List.of("two\nlines", "", "ไทย"), r.next());
    assertEquals(2, r.recordNumber());
    assertNull(r.next());
  }

  @Test
  void lastRecordWithoutLineEndAndTrailingEmptyField() throws IOException {
    CsvReader r = csv("x,y\n\n1,");
    assertEquals(List.of("x", "y"), r.next());
    assertEquals(List.of("1", ""), r.next());
    assertNull(r.next());
  }

  @Test
  void aLastRecordCutShortIsAnError() throws IOException {
    CsvReader r = csv("a,b,c\n1,2,3\n4,5");
    r.next();
    r.next();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::next);
    assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    assertTrue(e.getMessage().contains("2 of the header's 3"), e.getMessage());
  }

  @Test
  void unterminatedQuoteIsAnError() throws IOException {
    CsvReader r = csv("a,\"open\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::next);
    assertEquals("test.csv: record 1: unterminated quoted field", e.getMessage());
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> csv("\"a\"b,c\n").next());
  }
}
