package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorSummaryTest {
  @Test
  void aFailedBatchIsTheDatabasesReasonWithoutTheStatement() {
    BatchUpdateException batch =
        new BatchUpdateException(
            "Batch entry 3 INSERT INTO phaenthi_area (code) VALUES ('830101'), "
                + "('830102'), ".repeat(50_000)
                + " was aborted: ERROR: duplicate key value violates unique constraint"
                + " \"phaenthi_area_pkey\"\n  Detail: Key (code)=(830101) already exists."
                + "  Call getNextException to see other errors in the batch.",
            new int[0]);
    batch.setNextException(
        new SQLException(
            "ERROR: duplicate key value violates unique constraint \"phaenthi_area_pkey\"\n"
                + "  Detail: Key (code)=(830101) already exists."));
    String s =
        ErrorSummary.of(new IllegalStateException("import failed: " + batch.getMessage(), batch));
    assertTrue(s.length() <= ErrorSummary.MAX_CHARS + 1, s.length() + ": " + s);
    assertFalse(s.contains("INSERT"), s);
    assertFalse(s.contains("830102"), s);
    assertTrue(s.startsWith("import failed: "), s);
    assertTrue(s.contains("duplicate key value violates unique constraint"), s);
  }

  @Test
  void aPlainMessageStaysAsItIs() {
    assertEquals(
        "row 34 of y66.csv is cut short",
        ErrorSummary.of(new IllegalArgumentException("row 34 of y66.csv is cut short")));
    assertEquals("NullPointerException", ErrorSummary.of(new NullPointerException()));
    assertEquals(
        "x".repeat(ErrorSummary.MAX_CHARS) + "…",
        ErrorSummary.of(new IllegalStateException("x".repeat(5_000))));
  }
}
