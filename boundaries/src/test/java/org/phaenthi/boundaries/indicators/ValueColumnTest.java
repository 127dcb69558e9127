package org.phaenthi.boundaries.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The column-wise value store read back as the map of values it replaces. */
class ValueColumnTest {
  private static IndicatorValue v(String code, Double num, Double den, Double val, String reason) {
    return new IndicatorValue(code, num, den, val, reason);
  }

  private static Map<String, IndicatorValue> boxed(List<IndicatorValue> values) {
    Map<String, IndicatorValue> m = new LinkedHashMap<>();
    values.forEach(x -> m.put(x.areaCode(), x));
    return m;
  }

  @Test
  void givesBackEveryKindOfValueExactly() {
    List<IndicatorValue> values =
        List.of(
            v("10", 7.0, 9.0, 7 * 100.0 / 9, null),
            v("11", 0.0, 0.0, null, "no eligible units"),
            v("12", 1995.0, null, 0.3978613208995854, null), // y66: rate from the file
            v("13", 41.5, 12.0, 41.5 / 12, null), // happiness: a fractional numerator
            v("14", 5_000_000_000.0, -3.0, -0.0, null), // beyond int, negative, −0.0
            v("15", null, null, null, "rate not in file"),
            v("16", 1e-300, Double.MAX_VALUE, Double.MIN_VALUE, "odd but kept"));
    ValueColumn c = ValueColumn.of(values, new AreaIndex.Pool());
    assertEquals(boxed(values), c);
    assertEquals(c, boxed(values));
    assertEquals(boxed(values).hashCode(), c.hashCode());
    for (IndicatorValue x : values) {
      assertEquals(x, c.get(x.areaCode()));
    }
    assertEquals(ValueColumn.Derivation.STORED, c.derivation());
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(c.get("14").value()));
    assertEquals(5_000_000_000.0, c.numerator(4));
    assertTrue(Double.isNaN(c.value(1)));
    assertEquals("no eligible units", c.missingReason(1));
    assertNull(c.missingReason(0));
  }

  @Test
  void derivesPercentagesCountsAndRatiosAndStoresSmallCountsInBytes() {
    ValueColumn.Builder percent = ValueColumn.builder();
    ValueColumn.Builder count = ValueColumn.builder();
    ValueColumn.Builder ratio = ValueColumn.builder();
    for (int i = 0; i < 100; i++) {
      String code = String.format("%06d", 100_000 + i);
      long eligible = i % 10 == 0 ? 0 : 20 + i;
      long passing = eligible - i % 7;
      percent.add(
          eligible == 0
              ? v(code, (double) Math.max(0, passing), 0.0, null, "no eligible units")
              : v(code, (double) passing, (double) eligible, passing * 100.0 / eligible, null));
      count.add(v(code, (double) i, null, (double) i, null));
      ratio.add(v(code, i * 7.25, 4.0, i * 7.25 / 4, null));
    }
    AreaIndex.Pool pool = new AreaIndex.Pool();
    ValueColumn p = percent.build(pool);
    ValueColumn n = count.build(pool);
    ValueColumn r = ratio.build(pool);
    assertEquals(ValueColumn.Derivation.PERCENT, p.derivation());
    assertEquals(ValueColumn.Derivation.NUMERATOR, n.derivation());
    assertEquals(ValueColumn.Derivation.RATIO, r.derivation());
    // numerator and denominator one byte each, reasons one byte; no value column
    assertEquals(300, p.arrayBytes());
    // numerator one byte, denominator all null, no reasons: nothing else stored
    assertEquals(100, n.arrayBytes());
    assertEquals(7.25 * 99 / 4, r.get("100099").value());
    assertEquals(118.0 * 100 / 119, p.get("100099").value(), "(119 − 99 % 7) / 119");
    assertEquals("no eligible units", p.get("100010").missingReason());
    assertSame(p.areas(), n.areas(), "one code index for the columns of the same areas");
    assertSame(p.areas(), r.areas());
    assertEquals(1, pool.indexes());
  }

  @Test
  void iteratesInCodeOrderWhateverTheInputOrder() {
    List<IndicatorValue> values =
        List.of(
            v("5303", 1.0, null, 1.0, null),
            v("1101", 2.0, null, 2.0, null),
            v("4001", 3.0, null, 3.0, null));
    ValueColumn c = ValueColumn.of(values, new AreaIndex.Pool());
    assertEquals(List.of("1101", "4001", "5303"), new ArrayList<>(c.keySet()));
    List<String> seen = new ArrayList<>();
    c.forEach((code, value) -> seen.add(code + "=" + value.value()));
    assertEquals(List.of("1101=2.0", "4001=3.0", "5303=1.0"), seen);
    assertEquals(List.of(2.0, 3.0, 1.0), c.values().stream().map(IndicatorValue::value).toList());
    assertEquals("1101", c.entrySet().iterator().next().getKey());
    assertEquals(List.of("1101", "4001", "5303"), c.areas().codes());
  }

  @Test
  void unknownCodesAreAbsentNotZero() {
    ValueColumn c = ValueColumn.of(List.of(v("11", 0.0, null, 0.0, null)), new AreaIndex.Pool());
    assertNull(c.get("12"));
    assertNull(c.get(11));
    assertNull(c.get(null));
    assertFalse(c.containsKey("1"));
    assertTrue(c.containsKey("11"));
    assertTrue(c.entrySet().contains(Map.entry("11", v("11", 0.0, null, 0.0, null))));
    assertFalse(c.entrySet().contains(Map.entry("11", v("11", 1.0, null, 1.0, null))));
    ValueColumn empty = ValueColumn.builder().build(new AreaIndex.Pool());
    assertTrue(empty.isEmpty());
    assertEquals(Map.of(), empty);
  }

  @Test
  void aRepeatedCodeIsRejected() {
    ValueColumn.Builder b =
        ValueColumn.builder().add(v("11", 1.0, null, 1.0, null)).add(v("11", 2.0, null, 2.0, null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.build(new AreaIndex.Pool()));
    assertTrue(e.getMessage().contains("11"), e.getMessage());
  }

  @Test
  void isReadOnly() {
    ValueColumn c = ValueColumn.of(List.of(v("11", 1.0, null, 1.0, null)), new AreaIndex.Pool());
    IndicatorValue other = v("12", 1.0, null, 1.0, null);
    assertThrows(UnsupportedOperationException.class, () -> c.put("12", other));
    assertThrows(UnsupportedOperationException.class, () -> c.remove("11"));
    assertThrows(UnsupportedOperationException.class, () -> c.remove("99"));
    assertThrows(UnsupportedOperationException.class, c::clear);
    assertThrows(UnsupportedOperationException.class, () -> c.keySet().remove("11"));
    assertThrows(UnsupportedOperationException.class, () -> c.values().clear());
    assertThrows(
        UnsupportedOperationException.class, () -> c.entrySet().iterator().next().setValue(other));
    assertEquals(1, c.size());
  }

  @Test
  void thePoolSharesIndexesOnlyBetweenEqualCodeLists() {
    AreaIndex.Pool pool = new AreaIndex.Pool();
    ValueColumn a =
        ValueColumn.of(List.of(v("11", 1.0, null, 1.0, null), v("12", 1.0, null, 1.0, null)), pool);
    ValueColumn b =
        ValueColumn.of(
            List.of(v(new String("12"), 2.0, null, 2.0, null), v("11", 2.0, null, 2.0, null)),
            pool);
    ValueColumn c = ValueColumn.of(List.of(v(new String("11"), 3.0, null, 3.0, null)), pool);
    assertSame(a.areas(), b.areas());
    assertNotSame(a.areas(), c.areas());
    assertSame(a.areas().code(0), c.areas().code(0), "one string per code");
    assertEquals(2, pool.indexes());
  }

  @Test
  void findsEveryCodeOfAVillageSizedIndex() {
    String[] codes = new String[84_090];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = Long.toString(1_000_000_000L + i * 37L);
    }
    AreaIndex index = AreaIndex.of(codes);
    for (int i = 0; i < codes.length; i++) {
      assertEquals(i, index.ordinal(new String(codes[i])));
      assertEquals(-1, index.ordinal(Long.toString(1_000_000_001L + i * 37L)));
    }
    assertThrows(IllegalArgumentException.class, () -> AreaIndex.of("12", "11"));
  }
}
