package org.phaenthi.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validator's counts: rows of one area are summed, a missing denominator stays missing, each
 * indicator holds only the areas it was given, and the map view reads what nested maps read.
 */
class CountTableTest {
  @Test
  void sumsRowsOfOneAreaAndKeepsAMissingDenominatorMissing() {
    CountTable t = new CountTable();
    t.add("a", "830101", 3, 10);
    t.add("a", "830101", 2, 5);
    t.add("a", "830102", 7, -1);
    t.add("a", "830102", 1, 4); // none on one side leaves none
    t.add("b", "830102", 0, 0);
    Map<String, Map<String, long[]>> m = t.asMap();
    assertEquals(List.of("a", "b"), List.copyOf(m.keySet()), "in the order first added");
    assertArrayEquals(new long[] {5, 15}, m.get("a").get("830101"));
    assertArrayEquals(new long[] {8, -1}, m.get("a").get("830102"));
    assertArrayEquals(new long[] {0, 0}, m.get("b").get("830102"));
    assertEquals(2, m.get("a").size());
    assertEquals(1, m.get("b").size());
    assertFalse(m.get("b").containsKey("830101"), "b was not given 830101");
    assertNull(m.get("b").get("830101"));
    assertNull(m.get("a").get("999999"));
    assertTrue(m.get("a").containsKey("830102"));
  }

  @Test
  void theViewIteratesInFirstSeenOrderAndHandsOutCopies() {
    CountTable t = new CountTable();
    // more areas than a column's first arrays hold, given out of order and to two indicators
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      codes.add(String.format("83%04d", (i * 37) % 100));
    }
    for (String c : codes) {
      t.add("households", c, Long.parseLong(c.substring(2)), -1);
    }
    for (String c : codes.subList(0, 50)) {
      t.add("poor", c, 1, 2);
    }
    Map<String, long[]> h = t.asMap().get("households");
    assertEquals(codes, List.copyOf(h.keySet()));
    for (Map.Entry<String, long[]> e : h.entrySet()) {
      assertEquals(Long.parseLong(e.getKey().substring(2)), e.getValue()[0]);
    }
    assertEquals(codes.subList(0, 50), List.copyOf(t.asMap().get("poor").keySet()));
    h.get("830000")[0] = 999; // a copy: the table does not change
    assertEquals(0, t.asMap().get("households").get("830000")[0]);
    assertThrows(UnsupportedOperationException.class, () -> h.put("x", new long[2]));
    assertThrows(UnsupportedOperationException.class, () -> t.asMap().remove("poor"));
    assertTrue(new CountTable().isEmpty());
    assertFalse(t.isEmpty());
  }
}
