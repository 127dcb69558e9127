package org.phaenthi.boundaries.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.TestData;

class IndicatorCatalogReaderTest {
  @Test
  void readsTheRealCatalogueWithThaiTextAndQuotedCommas() {
    List<CatalogEntry> all =
        IndicatorCatalogReader.read(TestData.fixtureDir().resolve("indicators/catalog.csv"));
    assertEquals(104, all.size());
    Map<String, CatalogEntry> byCode =
        all.stream().collect(Collectors.toMap(CatalogEntry::code, Function.identity()));
    CatalogEntry first = byCode.get("bmn-2560:1");
    assertEquals("เด็กแรกเกิดมีน้ำหนัก 2,500 กรัมขึ้นไป", first.nameTh());
    assertEquals("Newborns weigh at least 2,500 g", first.nameEn());
    assertEquals(1, first.seq());
    assertEquals(Boolean.TRUE, first.higherIsBetter());
    assertEquals("สุขภาพ", first.categoryTh());
    assertEquals("household", byCode.get("bmn-2560:4").unit());
    assertNull(byCode.get("tpmap:people_surveyed").higherIsBetter());
    assertEquals(Boolean.FALSE, byCode.get("tpmap:target_poor").higherIsBetter());
    assertEquals(31, all.stream().filter(e -> e.set().equals("bmn-2560")).count());
  }

  @Test
  void missingFileIsNamed() {
    Path nowhere = Path.of("/nonexistent/catalog.csv");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IndicatorCatalogReader.read(nowhere));
    assertTrue(e.getMessage().contains("/nonexistent/catalog.csv"), e.getMessage());
  }

  @Test
  void badCellsAreRejected() {
    String header = String.join(",", IndicatorCatalogReader.COLUMNS);
    String row = "s,s:1,1,,,,,,,maybe,,,,,,,,";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IndicatorCatalogReader.read(new StringReader(header + "\n" + row), "cat.csv"));
    assertEquals("cat.csv: record 2: higher_is_better is maybe", e.getMessage());
    String twice = "s,s:1,1,,,,,,,,,,,,,,,\ns,s:1,2,,,,,,,,,,,,,,,";
    assertThrows(
        IllegalArgumentException.class,
        () -> IndicatorCatalogReader.read(new StringReader(header + "\n" + twice), "cat.csv"));
  }

  @Test
  void malformedRowsAreRefusedNamingFileAndRecord() {
    String header = String.join(",", IndicatorCatalogReader.COLUMNS);
    String good = "s,s:1,1,,,,ชื่อ,\"Name, with comma\",,,,,,,,,,";
    assertEquals(
        "cat.csv: record 3 has 3 fields, header has 18",
        catalogueError(header + "\n" + good + "\ns,s:2,2\n"));
    assertEquals(
        "cat.csv: record 3: unterminated quoted field",
        catalogueError(header + "\n" + good + "\ns,s:2,2,,,,\"ชื่อ,,,,,,,,,,,,\n"));
    assertEquals(
        "cat.csv: the last record (3) has 4 of the header's 18 fields and no line end: the file is"
            + " cut short",
        catalogueError(header + "\n" + good + "\ns,s:2,2,"));
    assertEquals("cat.csv: catalogue column missing: set", catalogueError("code,name\n"));
    assertEquals("cat.csv: empty catalogue", catalogueError(""));
  }

  private static String catalogueError(String text) {
    return assertThrows(
            IllegalArgumentException.class,
            () -> IndicatorCatalogReader.read(new StringReader(text), "cat.csv"))
        .getMessage();
  }
}
