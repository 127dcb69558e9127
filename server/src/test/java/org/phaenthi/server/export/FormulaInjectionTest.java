package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.phaenthi.imports.SpreadsheetCells;

/** Text cells of CSV and XLSX exports that a spreadsheet would run as a formula are escaped. */
class FormulaInjectionTest {
  @Test
  void textStartingWithAFormulaCharacterIsEscapedNumbersAreNot() {
    assertEquals("'=HYPERLINK(\"http://x\")", CsvExporter.text("=HYPERLINK(\"http://x\")"));
    assertEquals("'+1", CsvExporter.text("+1"));
    assertEquals("'-2+3", CsvExporter.text("-2+3"));
    assertEquals("'@SUM(A1)", CsvExporter.text("@SUM(A1)"));
    assertEquals("ตลาดใหญ่", CsvExporter.text("ตลาดใหญ่"));
    assertEquals("-5", CsvExporter.text(-5.0));
    assertEquals("-0.5", CsvExporter.text(-0.5));
    assertEquals("'\t=1", SpreadsheetCells.safe("\t=1"));
  }
}
