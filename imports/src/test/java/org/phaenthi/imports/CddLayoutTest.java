package org.phaenthi.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;

/**
 * Files in the CDD report layout for one province (Phuket), written here the way officers have
 * them: a title row naming the year, Thai headers over two or three header rows with merged group
 * cells, areas by district and subdistrict name, จำนวนที่สำรวจ / ผ่านเกณฑ์ (จำนวน, ร้อยละ) /
 * ไม่ผ่านเกณฑ์ (จำนวน, ร้อยละ) per indicator and a totals row — as XLSX and as a TIS-620 CSV. The
 * indicators are defined first by an indicator-definition file (bmn-2566). Broken variants give the
 * report rows expected.
 */
class CddLayoutTest {
  static final String TITLE = "รายงานผลการจัดเก็บข้อมูล จปฐ. ปี 2566 จังหวัดภูเก็ต";
  // district, subdistrict, then per indicator: surveyed, pass, pass %, fail, fail %
  static final String[][] ROWS = {
    {
      "เมืองภูเก็ต",
      "ตลาดใหญ่",
      "100",
      "95",
      "95.00",
      "5",
      "5.00",
      "40",
      "30",
      "75.00",
      "10",
      "25.00"
    },
    {
      "เมืองภูเก็ต",
      "ตลาดเหนือ",
      "1,200",
      "1,188",
      "99.00",
      "12",
      "1.00",
      "80",
      "80",
      "100.00",
      "0",
      "0.00"
    },
    {"กะทู้", "ป่าตอง", "50", "45", "90.00", "5", "10.00", "0", "0", "0.00", "0", "0.00"},
    {"ถลาง", "เชิงทะเล", "10", "10", "100.00", "0", "0.00", "", "", "", "", ""},
    {"รวม", "", "1,360", "1,338", "98.38", "22", "1.62", "120", "110", "91.67", "10", "8.33"}
  };

  static Dataset defined;

  @BeforeAll
  static void defineIndicators() {
    String defs =
        "code,name_th,name_en,unit,kind,higher_is_better,definition_th,definition_en\n"
            + "1,เด็กแรกเกิดมีน้ำหนักไม่น้อยกว่า 2500 กรัม,Newborns weigh at least 2500 g,person,percent,true,ผ่าน/สำรวจ,passing/surveyed\n"
            + "2,ครัวเรือนมีน้ำสะอาด,Households have clean water,household,percent,true,,\n";
    Dataset phuket = Fixture.phuket();
    Upload u =
        Importer.check(
            defs.getBytes(StandardCharsets.UTF_8),
            "bmn-2566.csv",
            new Overrides(null, null, null, null, null, "bmn-2566", null, null, null, null),
            Fixture.all(phuket));
    assertEquals(Format.INDICATORS, u.detection().format());
    assertEquals(0, u.report().errors(), u.report().issues().toString());
    assertEquals(2, u.definitions().size());
    defined = Dataset.unsaved(Importer.draft(phuket, u, "test", "bmn-2566 definitions"));
    assertEquals(
        1, defined.indicatorSets().stream().filter(s -> s.name().equals("bmn-2566")).count());
  }

  @Test
  void xlsxWithThreeMergedHeaderRowsAndATotalsRow() throws IOException {
    Upload u = check(xlsx(ROWS, true), "จปฐ66_ภูเก็ต.xlsx");
    assertEquals(Format.CDD, u.detection().format());
    assertEquals(3, u.detection().options().headerRows());
    assertEquals(2566, u.year());
    assertEquals("subdistrict", u.level());
    assertEquals(List.of("totals_row"), kinds(u));
    assertCorrect(u);
  }

  @Test
  void xlsWithTextCells() throws IOException {
    Upload u =
        check(
            workbook(new org.apache.poi.hssf.usermodel.HSSFWorkbook(), ROWS, false),
            "phuket66.xls");
    assertEquals(Format.CDD, u.detection().format());
    assertEquals("จปฐ66", u.detection().options().sheet());
    assertCorrect(u);
  }

  @Test
  void tis620CsvWithTwoHeaderRows() {
    Upload u = check(csv(ROWS).getBytes(Charset.forName("x-windows-874")), "phuket66.csv");
    assertEquals("windows-874", u.detection().options().encoding());
    assertEquals(Format.CDD, u.detection().format());
    assertEquals(2, u.detection().options().headerRows());
    assertEquals(List.of("totals_row"), kinds(u));
    assertCorrect(u);
  }

  @Test
  void semicolonUtf8BomAndUtf16CsvReadTheSame() {
    byte[] bom = ("\uFEFF" + csv(ROWS)).getBytes(StandardCharsets.UTF_8);
    assertCorrect(check(bom, "a.csv"));
    byte[] utf16 = ("\uFEFF" + csv(ROWS)).getBytes(StandardCharsets.UTF_16LE);
    Upload u = check(utf16, "a.csv");
    assertEquals("UTF-16LE", u.detection().options().encoding());
    assertCorrect(u);
    // semicolons: numbers written without thousands separators
    String semi =
        csv(ROWS)
            .replace("\"1,200\"", "1200")
            .replace("\"1,188\"", "1188")
            .replace("\"1,360\"", "1360")
            .replace("\"1,338\"", "1338")
            .replace(',', ';');
    Upload s = check(semi.getBytes(StandardCharsets.UTF_8), "a.csv");
    assertEquals(";", s.detection().options().delimiter());
    assertCorrect(s);
  }

  @Test
  void brokenVariantsGiveTheExpectedReportRows() {
    String[][] rows = copy(ROWS);
    rows[0][1] = "ตลาดใหย่"; // a typo: unknown name, nearest suggested
    rows[1][4] = "97.00"; // pass % does not match 1,188 / 1,200
    rows[2][5] = "6"; // 45 + 6 ≠ 50
    rows[3][3] = "-3"; // negative
    Upload u = check(csv(rows).getBytes(StandardCharsets.UTF_8), "broken.csv");
    Map<String, Integer> kinds = u.report().byKind();
    assertEquals(1, kinds.get("unknown_name"));
    assertEquals(1, kinds.get("percent_mismatch"));
    assertEquals(1, kinds.get("counts_do_not_add_up"));
    assertEquals(1, kinds.get("negative"));
    assertEquals(3, u.report().errors());
    Issue unknown = issue(u, "unknown_name");
    assertEquals(4, unknown.row()); // title row, two header rows, then the first data row
    assertTrue(
        unknown.suggestions().get(0).startsWith("830101 ตลาดใหญ่"),
        unknown.suggestions().toString());
    assertTrue(unknown.messageTh().contains("ตลาดใหย่"));
    assertEquals(5, issue(u, "percent_mismatch").row());
    assertEquals(6, issue(u, "counts_do_not_add_up").row());
    assertEquals(7, issue(u, "negative").row());
    assertTrue(!u.publishable());
  }

  @Test
  void duplicateRowsAndRowsOfAnotherLevel() {
    String file = "รหัส,จำนวนที่สำรวจ,ไม่ผ่านเกณฑ์\n830101,10,1\n830101,10,1\n8301,10,1\n";
    Upload u =
        Importer.check(
            file.getBytes(StandardCharsets.UTF_8),
            "x.csv",
            new Overrides(null, null, null, null, 2566, null, null, null, null, mappingFor1()),
            Fixture.all(defined));
    assertEquals(1, u.report().byKind().get("duplicate_row"));
    assertEquals(1, u.report().byKind().get("unexpected_level"));
    assertEquals(3, issue(u, "duplicate_row").row());
    assertEquals(4, issue(u, "unexpected_level").row());
  }

  private static Mapping mappingFor1() {
    return new Mapping(
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(
            new Mapping.IndicatorColumns("bmn-2566:1", 1, 2, null, null, null, null, "failing")));
  }

  private static void assertCorrect(Upload u) {
    assertEquals(0, u.report().errors(), u.report().issues().toString());
    assertEquals(4, u.rows());
    assertEquals(List.of("bmn-2566:1", "bmn-2566:2"), List.copyOf(u.counts().keySet()));
    Dataset after = Dataset.unsaved(Importer.draft(defined, u, "test", "cdd"));
    SurveyYear y = new SurveyYear(2566);
    Map<String, IndicatorValue> sub =
        after.indicators().values(y, AdminLevel.SUBDISTRICT, "bmn-2566:1").get();
    assertEquals(new IndicatorValue("830101", 95.0, 100.0, 95.0, null), sub.get("830101"));
    assertEquals(1188.0, sub.get("830102").numerator());
    IndicatorValue district =
        after.indicators().values(y, AdminLevel.DISTRICT, "bmn-2566:1").get().get("8301");
    assertEquals(1283.0, district.numerator());
    assertEquals(1300.0, district.denominator());
    IndicatorValue province =
        after.indicators().values(y, AdminLevel.PROVINCE, "bmn-2566:1").get().get("83");
    assertEquals(1338.0, province.numerator());
    assertEquals(1360.0, province.denominator());
    // empty cells are no data, never 0; a denominator of 0 is a null value with a reason
    Map<String, IndicatorValue> two =
        after.indicators().values(y, AdminLevel.SUBDISTRICT, "bmn-2566:2").get();
    assertTrue(!two.containsKey("830303"));
    assertEquals(null, two.get("830202").value());
    assertEquals(4, u.report().coverage().get(2).withData());
    assertEquals(17, u.report().coverage().get(2).areas());
  }

  private static Upload check(byte[] bytes, String name) {
    return Importer.check(bytes, name, Overrides.NONE, Fixture.all(defined));
  }

  private static List<String> kinds(Upload u) {
    return u.report().issues().stream().map(Issue::kind).collect(Collectors.toList());
  }

  private static Issue issue(Upload u, String kind) {
    return u.report().issues().stream()
        .filter(i -> i.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  private static String[][] copy(String[][] rows) {
    String[][] out = new String[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }

  /** Two header rows: the group headers written once (CSV has no merges), then the columns. */
  static String csv(String[][] rows) {
    StringBuilder b = new StringBuilder(TITLE + ",,,,,,,,,,,\n");
    b.append("อำเภอ,ตำบล,ตัวชี้วัดที่ 1,,,,,ตัวชี้วัดที่ 2,,,,\n");
    String sub =
        "จำนวนที่สำรวจ,ผ่านเกณฑ์ (จำนวน),ผ่านเกณฑ์ (ร้อยละ),ไม่ผ่านเกณฑ์ (จำนวน),ไม่ผ่านเกณฑ์ (ร้อยละ)";
    b.append(",,").append(sub).append(',').append(sub).append('\n');
    for (String[] r : rows) {
      b.append(
              java.util.Arrays.stream(r)
                  .map(c -> c.contains(",") ? "\"" + c + "\"" : c)
                  .collect(Collectors.joining(",")))
          .append('\n');
    }
    return b.toString();
  }

  /** Three header rows with merged cells, as a CDD report sheet has them. */
  static byte[] xlsx(String[][] rows, boolean numbersAsNumbers) throws IOException {
    return workbook(new XSSFWorkbook(), rows, numbersAsNumbers);
  }

  static byte[] workbook(
      org.apache.poi.ss.usermodel.Workbook book, String[][] rows, boolean numbersAsNumbers)
      throws IOException {
    try (org.apache.poi.ss.usermodel.Workbook wb = book) {
      Sheet s = wb.createSheet("จปฐ66");
      s.createRow(0).createCell(0).setCellValue(TITLE);
      s.addMergedRegion(new CellRangeAddress(0, 0, 0, 11));
      Row h1 = s.createRow(1);
      Row h2 = s.createRow(2);
      Row h3 = s.createRow(3);
      h1.createCell(0).setCellValue("อำเภอ");
      h1.createCell(1).setCellValue("ตำบล");
      s.addMergedRegion(new CellRangeAddress(1, 3, 0, 0));
      s.addMergedRegion(new CellRangeAddress(1, 3, 1, 1));
      for (int k = 0; k < 2; k++) {
        int c = 2 + k * 5;
        h1.createCell(c).setCellValue("ตัวชี้วัดที่ " + (k + 1));
        s.addMergedRegion(new CellRangeAddress(1, 1, c, c + 4));
        h2.createCell(c).setCellValue("จำนวนที่สำรวจ");
        s.addMergedRegion(new CellRangeAddress(2, 3, c, c));
        h2.createCell(c + 1).setCellValue("ผ่านเกณฑ์");
        s.addMergedRegion(new CellRangeAddress(2, 2, c + 1, c + 2));
        h2.createCell(c + 3).setCellValue("ไม่ผ่านเกณฑ์");
        s.addMergedRegion(new CellRangeAddress(2, 2, c + 3, c + 4));
        h3.createCell(c + 1).setCellValue("จำนวน");
        h3.createCell(c + 2).setCellValue("ร้อยละ");
        h3.createCell(c + 3).setCellValue("จำนวน");
        h3.createCell(c + 4).setCellValue("ร้อยละ");
      }
      for (int i = 0; i < rows.length; i++) {
        Row r = s.createRow(4 + i);
        for (int c = 0; c < rows[i].length; c++) {
          String v = rows[i][c];
          if (v.isEmpty()) {
            continue;
          }
          if (numbersAsNumbers && c >= 2) {
            r.createCell(c).setCellValue(Double.parseDouble(v.replace(",", "")));
          } else {
            r.createCell(c).setCellValue(v);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }
}
