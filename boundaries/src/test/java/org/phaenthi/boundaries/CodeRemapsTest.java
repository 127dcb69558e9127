package org.phaenthi.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodeRemapsTest {
  @Test
  void newBangkokSubdistrictsJoinTheirParentPolygon() {
    assertEquals("104701", CodeRemaps.remap("104702"));
    assertEquals("104701", CodeRemaps.remap("104703"));
    assertEquals("105001", CodeRemaps.remap("105005"));
    assertEquals("104701", CodeRemaps.remap("104701"));
    assertFalse(CodeRemaps.isRemapped("104701"));
  }

  @Test
  void thaFaekMovesToItsOldDistrict() {
    assertEquals("530306", CodeRemaps.remap("530407"));
    assertTrue(CodeRemaps.isRemapped("530407"));
    assertEquals("530406", CodeRemaps.remap("530406"));
  }

  @Test
  void villagesFollowTheirSubdistrictAndKeepTheirSuffix() {
    assertEquals("53030605", CodeRemaps.remap("53040705"));
    assertEquals("5303060501", CodeRemaps.remap("5304070501"));
    assertEquals("10470112", CodeRemaps.remap("10470312"));
  }

  @Test
  void shortAndUnrelatedCodesAreUnchanged() {
    assertEquals("1047", CodeRemaps.remap("1047"));
    assertEquals("5304", CodeRemaps.remap("5304"));
    assertEquals("53", CodeRemaps.remap("53"));
    assertEquals("104601", CodeRemaps.remap("104601"));
    assertEquals("83010101", CodeRemaps.remap("83010101"));
    assertNull(CodeRemaps.remap(null));
  }

  @Test
  void rulesAreListedForDocs() {
    assertEquals(3, CodeRemaps.rules().size());
    assertEquals("530306", CodeRemaps.rules().get(2).target());
  }
}
