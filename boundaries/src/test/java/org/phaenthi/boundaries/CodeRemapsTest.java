package org.phaenthi.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.CodeRemaps.Kind;
import org.phaenthi.boundaries.load.CodeRemapReader;

class CodeRemapsTest {
  private static final CodeRemaps RTSD_2019 =
      CodeRemapReader.forVintage(CodeRemapReader.BUNDLED_VINTAGE);

  @Test
  void newBangkokSubdistrictsJoinTheirParentPolygon() {
    assertEquals("104701", RTSD_2019.remap("104702"));
    assertEquals("104701", RTSD_2019.remap("104703"));
    assertEquals("105001", RTSD_2019.remap("105005"));
    assertEquals("104701", RTSD_2019.remap("104701"));
    assertFalse(RTSD_2019.isRemapped("104701"));
  }

  @Test
  void thaFaekIsAMoveOfThePolygonAndLeavesIndicatorCodesAlone() {
    assertEquals("530407", RTSD_2019.remap("530407"));
    assertEquals("5304070501", RTSD_2019.remap("5304070501"));
    assertFalse(RTSD_2019.isRemapped("530407"));
    CodeRemaps.Rule move = RTSD_2019.moves().get(0);
    assertEquals(List.of(move), RTSD_2019.moves());
    assertEquals("530306", move.from());
    assertEquals("530407", move.to());
    assertEquals(Kind.MOVE, move.kind());
  }

  @Test
  void villagesFollowTheirSubdistrictAndKeepTheirSuffix() {
    assertEquals("10470112", RTSD_2019.remap("10470312"));
    assertEquals("1050010207", RTSD_2019.remap("1050040207"));
  }

  @Test
  void shortAndUnrelatedCodesAreUnchanged() {
    assertEquals("1047", RTSD_2019.remap("1047"));
    assertEquals("5304", RTSD_2019.remap("5304"));
    assertEquals("53", RTSD_2019.remap("53"));
    assertEquals("104601", RTSD_2019.remap("104601"));
    assertEquals("83010101", RTSD_2019.remap("83010101"));
    assertNull(RTSD_2019.remap(null));
  }

  @Test
  void boundariesOfNoVintageGetNoRemaps() {
    assertEquals("104702", CodeRemaps.NONE.remap("104702"));
    assertEquals(Optional.empty(), CodeRemaps.NONE.vintage());
    assertTrue(CodeRemaps.NONE.moves().isEmpty());
    assertSame(CodeRemaps.NONE, CodeRemapReader.forVintage(CodeRemapReader.NO_VINTAGE));
    assertSame(CodeRemaps.NONE, CodeRemapReader.forVintage(null));
  }

  @Test
  void theBundledVintageIsListedWithItsRulesAsData() {
    assertTrue(CodeRemapReader.vintages().containsKey("rtsd-2019"));
    assertEquals(Optional.of("rtsd-2019"), RTSD_2019.vintage());
    assertEquals(
        List.of("1047xx>104701:join", "1050xx>105001:join", "530306>530407:move"),
        RTSD_2019.rules().stream()
            .map(r -> r.from() + ">" + r.to() + ":" + r.kind().csvName())
            .toList());
    RTSD_2019.rules().forEach(r -> assertFalse(r.reason().isBlank(), r.from()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CodeRemapReader.forVintage("osm-2024"));
    assertTrue(e.getMessage().contains("osm-2024") && e.getMessage().contains("rtsd-2019"));
  }

  @Test
  void aJoinAcrossDistrictsIsRefusedBecauseTheTotalsWouldNotMatchTheMap() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> read("530407,530306,join,the old fold of ท่าแฝก into อ.ท่าปลา"));
    assertTrue(e.getMessage().contains("crosses from district 5304 to 5303"), e.getMessage());
    assertTrue(e.getMessage().contains("'move'"), e.getMessage());
  }

  @Test
  void malformedTablesAreRefusedNamingTheRule() {
    assertMessage("kind 'split' is unknown", "530306,530407,split,x");
    assertMessage("rule 2: from '5303x' is neither", "530301,530302,join,x\n5303x,530407,move,x");
    assertMessage("a move recodes one polygon", "5303xx,530407,move,x");
    assertMessage("has no reason", "530306,530407,move,\" \"");
    assertMessage("two rules remap 530306", "530306,530407,move,x\n530306,530408,move,x");
    assertMessage("conflicts with move 530306", "530306,530407,move,x\n5304xx,530401,join,x");
    assertMessage("changes nothing", "530306,530306,move,x");
    assertMessage("3 fields, expected 4", "530306,530407,move");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CodeRemapReader.read(new StringReader("a,b\n"), "v", "t.csv"));
    assertTrue(e.getMessage().contains("header must be from,to,kind,reason"), e.getMessage());
  }

  @Test
  void malformedCsvIsRefusedNamingFileAndRecord() {
    assertMessage("test.csv record 3: 3 fields, expected 4", "530306,530407,move,x\n1047xx,x,y");
    assertMessage(
        "test.csv: record 3: unterminated quoted field",
        "530306,530407,move,x\n1047xx,104701,join,\"ท่าแฝก");
    assertMessage("test.csv: record 2: text after a closing quote", "530306,530407,move,\"x\"y");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CodeRemapReader.read(
                    new StringReader("from,to,kind,reason\n530306,530407"), "v", "t.csv"));
    assertEquals(
        "t.csv: the last record (2) has 2 of the header's 4 fields and no line end: the file is"
            + " cut short",
        e.getMessage());
  }

  @Test
  void theDescriptionChangesWithEveryRuleSoTheFingerprintDoes() throws IOException {
    String a = read("530306,530407,move,ท่าแฝก").describe();
    String b = read("530306,530408,move,ท่าแฝก").describe();
    assertNotEquals(a, b);
    assertNotEquals(a, CodeRemaps.NONE.describe());
    assertTrue(RTSD_2019.describe().startsWith("vintage=rtsd-2019;"));
  }

  private static CodeRemaps read(String rows) throws IOException {
    return CodeRemapReader.read(
        new StringReader("from,to,kind,reason\n" + rows + "\n"), "test", "test.csv");
  }

  private static void assertMessage(String expected, String rows) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(rows));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
