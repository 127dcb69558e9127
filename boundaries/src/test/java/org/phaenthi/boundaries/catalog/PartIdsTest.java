package org.phaenthi.boundaries.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.IndicatorValue;

/** Content hashes are streamed, and equal the hash of the content's whole text (ids kept). */
class PartIdsTest {

  @Test
  void theStreamedHashIsTheHashOfTheWholeText() {
    Map<String, IndicatorValue> column = new LinkedHashMap<>();
    column.put("8301010101", new IndicatorValue("8301010101", 9.0, 60.0, 15.0, null));
    column.put("8301010201", IndicatorValue.missing("8301010201", "no data"));
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> values = new TreeMap<>();
    values.put(AdminLevel.VILLAGE, Map.of("test:rate", column));
    values.put(AdminLevel.PROVINCE, Map.of("test:rate", Map.of()));
    Object content = List.of(values, List.of("a", "b"), Map.of());
    assertEquals(PartIds.hash(String.valueOf(content)).substring(0, 32), PartIds.hashOf(content));
    assertEquals(PartIds.hash("[]").substring(0, 32), PartIds.hashOf(List.of()));
    column.put("8301010301", IndicatorValue.missing("8301010301", "no data"));
    assertNotEquals(
        PartIds.hashOf(List.of(Map.of())), PartIds.hashOf(content), "content changes the hash");
  }

  /** Text past the digest's buffer, non-ASCII text and pieces longer than the buffer hash alike. */
  @Test
  void longAndNonAsciiTextHashesAsTheWholeText() {
    Map<String, IndicatorValue> column = new LinkedHashMap<>();
    for (int i = 0; i < 5000; i++) {
      String code = String.format("83%08d", i);
      column.put(
          code,
          i % 7 == 0
              ? IndicatorValue.missing(code, "ไม่มีข้อมูล " + i)
              : new IndicatorValue(code, i * 1.5, 1e9 + i, i / 3.0, null));
    }
    String huge = "x".repeat(70_000) + "ก";
    Object content = List.of(column, huge, "y".repeat(70_000), Map.of("é", List.of(1, 2)));
    assertEquals(PartIds.hash(String.valueOf(content)).substring(0, 32), PartIds.hashOf(content));
  }
}
