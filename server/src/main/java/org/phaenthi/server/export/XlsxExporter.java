package org.phaenthi.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.phaenthi.boundaries.Area;
import org.phaenthi.imports.SpreadsheetCells;

/**
 * An Excel workbook: sheet {@value #DATA} has one row per area (the CSV columns, numbers as
 * numbers, empty cells for missing values), sheet {@value #ABOUT} the indicator, source, survey
 * year, licence and boundary attribution. Written with POI's streaming workbook, which keeps only a
 * window of rows in memory, to a temp file, then copied with the import time on every zip entry and
 * in the core properties, so a repeat gives the same bytes.
 */
public final class XlsxExporter implements Exporter {
  public static final String DATA = "data";
  public static final String ABOUT = "about";
  private static final int ROWS_IN_MEMORY = 200;

  @Override
  public void write(Selection s, ExportMetadata m, OutputStream out) throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(ROWS_IN_MEMORY);
    try {
      CellStyle bold = wb.createCellStyle();
      Font f = wb.createFont();
      f.setBold(true);
      bold.setFont(f);
      List<String> columns = CsvExporter.columns(s);
      SXSSFSheet data = wb.createSheet(DATA);
      Row header = data.createRow(0);
      for (int c = 0; c < columns.size(); c++) {
        header.createCell(c).setCellValue(columns.get(c));
        header.getCell(c).setCellStyle(bold);
      }
      data.createFreezePane(0, 1);
      int r = 1;
      for (Area a : s.areas()) {
        Map<String, Object> p = s.properties(a);
        Row row = data.createRow(r++);
        for (int c = 0; c < columns.size(); c++) {
          Object v = p.get(columns.get(c));
          if (v instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else if (v instanceof Boolean b) {
            row.createCell(c).setCellValue(b); // a boolean cell: TRUE / FALSE
          } else if (v != null) {
            row.createCell(c).setCellValue(SpreadsheetCells.safe(v.toString()));
          }
        }
      }
      about(wb.createSheet(ABOUT), m, bold);
      java.util.Date imported = java.util.Date.from(s.partsTime());
      var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
      core.setCreated(java.util.Optional.of(imported));
      core.setModified(java.util.Optional.of(imported));
      java.nio.file.Path tmp = java.nio.file.Files.createTempFile("phaenthi-export-", ".xlsx");
      try {
        try (OutputStream file = java.nio.file.Files.newOutputStream(tmp)) {
          wb.write(file);
        }
        restamp(tmp, imported.getTime(), out);
      } finally {
        java.nio.file.Files.deleteIfExists(tmp);
      }
    } finally {
      wb.close();
    }
  }

  /**
   * Copies the zip with every entry's time set to {@code millis} (the import time): POI stamps
   * entries with the time of writing, which would give the same request different bytes under one
   * strong ETag.
   */
  static void restamp(java.nio.file.Path xlsx, long millis, OutputStream out) throws IOException {
    try (var in = new java.util.zip.ZipFile(xlsx.toFile())) {
      var zip = new java.util.zip.ZipOutputStream(out);
      for (var e : java.util.Collections.list(in.entries())) {
        var copy = new java.util.zip.ZipEntry(e.getName());
        copy.setTime(millis);
        zip.putNextEntry(copy);
        try (var data = in.getInputStream(e)) {
          data.transferTo(zip);
        }
        zip.closeEntry();
      }
      zip.finish();
    }
  }

  private static void about(Sheet sheet, ExportMetadata m, CellStyle bold) {
    int r = 0;
    for (var e : m.entries().entrySet()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(e.getKey());
      row.getCell(0).setCellStyle(bold);
      row.createCell(1).setCellValue(SpreadsheetCells.safe(e.getValue()));
    }
    sheet.setColumnWidth(0, 24 * 256);
    sheet.setColumnWidth(1, 120 * 256);
  }
}
