package org.phaenthi.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.SharedData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;

/**
 * The other layouts (long, กชช.2ค) and the checks that need the whole country's boundaries
 * (ambiguous names, codes of another vintage), plus files that are not tables at all.
 */
class FormatsTest {

  @Test
  void longFileWithPassingCounts() {
    Dataset d = CddLayoutTest.defined == null ? definedPhuket() : CddLayoutTest.defined;
    String file =
        "code,indicator,year,passing,eligible\n830101,1,2566,90,100\n830101,2,2566,8,10\n830102,1,2566,3,4\n";
    Upload u =
        Importer.check(
            file.getBytes(StandardCharsets.UTF_8), "long.csv", Overrides.NONE, Fixture.all(d));
    assertEquals(Format.LONG, u.detection().format());
    assertEquals(0, u.report().errors(), u.report().issues().toString());
    Dataset after = Dataset.unsaved(Importer.draft(d, u, "t", "long"));
    IndicatorValue v =
        after
            .indicators()
            .values(new SurveyYear(2566), AdminLevel.DISTRICT, "bmn-2566:1")
            .get()
            .get("8301");
    assertEquals(new IndicatorValue("8301", 93.0, 104.0, 93 * 100.0 / 104, null), v);
    String wrongYear = "code,indicator,year,passing,eligible\n830101,1,2565,90,100\n";
    Upload w =
        Importer.check(
            wrongYear.getBytes(StandardCharsets.UTF_8),
            "long.csv",
            new Overrides(null, null, null, null, 2566, null, null, null, null, null),
            Fixture.all(d));
    assertEquals(1, w.report().byKind().get("unexpected_year"));
  }

  @Test
  void kcc2cVillageLevelsBecomeSharesOfVillages() {
    String file =
        "ข้อมูล กชช.2ค ปี 2566 จังหวัดภูเก็ต\n"
            + "รหัสหมู่บ้าน,ชื่อหมู่บ้าน,ตัวชี้วัดที่ 1 ถนน,ตัวชี้วัดที่ 2 น้ำดื่ม\n"
            + "83010101,บ้านหนึ่ง,1,3\n83010102,บ้านสอง,2,3\n83010201,บ้านสาม,1,\n83020101,บ้านสี่,3,x\n";
    Dataset phuket = Fixture.phuket();
    Upload u =
        Importer.check(
            file.getBytes(StandardCharsets.UTF_8), "kcc.csv", Overrides.NONE, Fixture.all(phuket));
    assertEquals(Format.KCC2C, u.detection().format());
    assertEquals("village", u.level());
    assertEquals(AdminLevel.SUBDISTRICT, u.storedLevel());
    assertEquals(1, u.report().byKind().get("not_a_level"), u.report().issues().toString());
    // indicator 2 has an x in row 6: fix it by mapping only indicator 1
    String fixed = file.replace(",x\n", ",2\n");
    Upload ok =
        Importer.check(
            fixed.getBytes(StandardCharsets.UTF_8), "kcc.csv", Overrides.NONE, Fixture.all(phuket));
    assertEquals(0, ok.report().errors(), ok.report().issues().toString());
    assertEquals(6, ok.definitions().size());
    Dataset after = Dataset.unsaved(Importer.draft(phuket, ok, "t", "kcc"));
    SurveyYear y = new SurveyYear(2566);
    IndicatorValue level1 =
        after.indicators().values(y, AdminLevel.PROVINCE, "nrd2c:1.level1").get().get("83");
    assertEquals(new IndicatorValue("83", 2.0, 4.0, 50.0, null), level1);
    IndicatorValue water3 =
        after.indicators().values(y, AdminLevel.SUBDISTRICT, "nrd2c:2.level3").get().get("830101");
    assertEquals(new IndicatorValue("830101", 2.0, 2.0, 100.0, null), water3);
    // village 83010201 has no water score: not counted in the denominator
    assertEquals(
        3.0,
        after
            .indicators()
            .values(y, AdminLevel.PROVINCE, "nrd2c:2.level3")
            .get()
            .get("83")
            .denominator());
  }

  @SharedData
  @Test
  void ambiguousNamesAndCodesOfAnotherVintage() {
    Dataset real = RealData.dataset();
    Validator.Context ctx = new Validator.Context(real, RealData.REMAPS, "all");
    String byName = "ตำบล,household.CNT\nในเมือง,10\n";
    Upload u =
        Importer.check(
            byName.getBytes(StandardCharsets.UTF_8),
            "x.csv",
            new Overrides(null, null, null, null, 2561, null, null, null, "subdistrict", null),
            ctx);
    Issue amb =
        u.report().issues().stream()
            .filter(i -> i.kind().equals("ambiguous_name"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, amb.row());
    assertTrue(amb.suggestions().size() > 1, amb.suggestions().toString());
    // a scoped uploader's names are looked up in its province only
    Upload scoped =
        Importer.check(
            byName.getBytes(StandardCharsets.UTF_8),
            "x.csv",
            new Overrides(null, null, null, null, 2561, null, null, null, "subdistrict", null),
            new Validator.Context(real, RealData.REMAPS, "65"));
    assertEquals(0, scoped.report().errors(), scoped.report().issues().toString());
    assertEquals(
        List.of("650101"), List.copyOf(scoped.counts().get("tpmap:households_surveyed").keySet()));

    String split = "tambol_ID,household.CNT\n104702,10\n104703,5\n";
    Upload r =
        Importer.check(
            split.getBytes(StandardCharsets.UTF_8), "61_tambol_x.csv", Overrides.NONE, ctx);
    assertEquals(2, r.report().byKind().get("remapped"));
    assertEquals(0, r.report().errors(), r.report().issues().toString());
    Map<String, long[]> c = r.counts().get("tpmap:households_surveyed");
    assertEquals(15, c.get("104701")[0]);
  }

  @Test
  void filesThatAreNotTablesGetOneSentence() throws IOException {
    ImportException bomb =
        assertThrows(
            ImportException.class, () -> TableReader.read(zipBomb(), "b.xlsx", ReadOptions.DETECT));
    assertTrue(bomb.getMessage().contains("zip bomb"), bomb.getMessage());
    ImportException empty =
        assertThrows(
            ImportException.class,
            () -> TableReader.read(new byte[0], "e.csv", ReadOptions.DETECT));
    assertEquals("ไฟล์ว่างเปล่า", empty.messageTh());
    ImportException oneColumn =
        assertThrows(
            ImportException.class,
            () ->
                Importer.detect(
                    TableReader.read(
                        "just text\nmore\n".getBytes(StandardCharsets.UTF_8),
                        "t.csv",
                        ReadOptions.DETECT),
                    Overrides.NONE));
    assertTrue(oneColumn.getMessage().contains("not a table"));
    ImportException xls =
        assertThrows(
            ImportException.class,
            () ->
                TableReader.read(
                    new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2},
                    "a.xls",
                    ReadOptions.DETECT));
    assertTrue(xls.getMessage().contains("XLS"));
  }

  /** An XLSX-looking zip whose one entry inflates 1000-fold. */
  static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("[Content_Types].xml"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 20; i++) {
        z.write(spaces);
      }
      z.closeEntry();
    }
    return out.toByteArray();
  }

  private static Dataset definedPhuket() {
    CddLayoutTest.defineIndicators();
    return CddLayoutTest.defined;
  }
}
