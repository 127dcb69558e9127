package org.phaenthi.server.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.phaenthi.imports.Issue;
import org.phaenthi.imports.Report;
import org.phaenthi.imports.SpreadsheetCells;

/** The validation report as a table: one line per finding, then the coverage per level. */
final class ReportTable {
  static final List<String> HEADER =
      List.of("severity", "kind", "row", "column", "message_en", "message_th", "suggestions");

  private ReportTable() {}

  /** UTF-8 with a BOM, so Thai Excel opens it as UTF-8. */
  static byte[] csv(Report r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0xEF);
    bytes.write(0xBB);
    bytes.write(0xBF);
    try (CSVPrinter p =
        new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
      p.printRecord(HEADER);
      for (Issue i : r.issues()) {
        p.printRecord(cells(i));
      }
      p.println();
      p.printRecord(
          "coverage", "level", "areas", "with_data", "share", "households", "previous_share");
      for (Report.Coverage c : r.coverage()) {
        p.printRecord(
            "coverage",
            c.level(),
            c.areas(),
            c.withData(),
            c.share(),
            c.households(),
            c.previousShare());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] xlsx(Report r) {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Sheet s = wb.createSheet("report");
      Row h = s.createRow(0);
      for (int c = 0; c < HEADER.size(); c++) {
        h.createCell(c).setCellValue(HEADER.get(c));
      }
      int n = 1;
      for (Issue i : r.issues()) {
        Row row = s.createRow(n++);
        List<String> cells = cells(i);
        for (int c = 0; c < cells.size(); c++) {
          if (c == 2 && i.row() != null) {
            row.createCell(c).setCellValue(i.row());
          } else {
            row.createCell(c).setCellValue(cells.get(c));
          }
        }
      }
      Sheet cov = wb.createSheet("coverage");
      List<String> ch =
          List.of("level", "areas", "with_data", "share", "households", "previous_share");
      Row c0 = cov.createRow(0);
      for (int c = 0; c < ch.size(); c++) {
        c0.createCell(c).setCellValue(ch.get(c));
      }
      int k = 1;
      for (Report.Coverage c : r.coverage()) {
        Row row = cov.createRow(k++);
        row.createCell(0).setCellValue(c.level());
        row.createCell(1).setCellValue(c.areas());
        row.createCell(2).setCellValue(c.withData());
        row.createCell(3).setCellValue(c.share());
        if (c.households() != null) {
          row.createCell(4).setCellValue(c.households());
        }
        if (c.previousShare() != null) {
          row.createCell(5).setCellValue(c.previousShare());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      wb.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> cells(Issue i) {
    return List.of(
        i.severity().wireName(),
        i.kind(),
        i.row() == null ? "" : String.valueOf(i.row()),
        i.column() == null ? "" : SpreadsheetCells.safe(i.column()),
        SpreadsheetCells.safe(i.messageEn()),
        SpreadsheetCells.safe(i.messageTh()),
        SpreadsheetCells.safe(String.join("; ", i.suggestions())));
  }
}
