package org.phaenthi.boundaries.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.indicators.AreaIndex;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.ValueColumn;

/** Value-set blobs decode into value columns, including blobs written before columns existed. */
class ValueSetCodecTest {
  private static final List<IndicatorValue> VALUES =
      List.of(
          new IndicatorValue("110101", 90.0, 100.0, 90.0, null),
          new IndicatorValue("110102", 0.0, 0.0, null, "no eligible units"),
          new IndicatorValue("110103", 1995.0, null, 0.3978613208995854, null),
          new IndicatorValue("110104", null, null, null, "rate not in file"));

  private static Map<String, IndicatorValue> boxed() {
    Map<String, IndicatorValue> m = new LinkedHashMap<>();
    VALUES.forEach(v -> m.put(v.areaCode(), v));
    return m;
  }

  @Test
  void roundTripsIntoAColumn() {
    Map<String, IndicatorValue> decoded = ValueSetCodec.decode(ValueSetCodec.encode(VALUES));
    assertInstanceOf(ValueColumn.class, decoded);
    assertEquals(boxed(), decoded);
    ValueColumn again =
        ValueSetCodec.decode(ValueSetCodec.encode(decoded.values()), new AreaIndex.Pool());
    assertEquals(boxed(), again);
  }

  /** Format 1 written field by field, as stores written before value columns hold it. */
  @Test
  void readsFormatOneBlobsAsStoredBefore() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeInt(2);
      out.writeUTF("12");
      out.writeDouble(5);
      out.writeDouble(Double.NaN);
      out.writeDouble(5);
      out.writeUTF("");
      out.writeUTF("11");
      out.writeDouble(Double.NaN);
      out.writeDouble(Double.NaN);
      out.writeDouble(Double.NaN);
      out.writeUTF("not in file");
    }
    ValueColumn c = ValueSetCodec.decode(bytes.toByteArray());
    assertEquals(
        Map.of(
            "11",
            IndicatorValue.missing("11", "not in file"),
            "12",
            new IndicatorValue("12", 5.0, null, 5.0, null)),
        c);
    assertEquals(List.of("11", "12"), c.areas().codes());
    byte[] unknown = bytes.toByteArray();
    unknown[0] = 9;
    assertThrows(IllegalStateException.class, () -> ValueSetCodec.decode(unknown));
  }

  @Test
  void blobsOfTheSameAreasShareOneIndex() {
    AreaIndex.Pool pool = new AreaIndex.Pool();
    ValueColumn a = ValueSetCodec.decode(ValueSetCodec.encode(VALUES), pool);
    ValueColumn b = ValueSetCodec.decode(ValueSetCodec.encode(VALUES.subList(0, 4)), pool);
    ValueColumn c = ValueSetCodec.decode(ValueSetCodec.encode(VALUES.subList(0, 2)), pool);
    assertSame(a.areas(), b.areas());
    assertEquals(2, pool.indexes());
    assertEquals(2, c.size());
  }

  /**
   * A blob whose codes are those of an index the pool has seen is read onto that index without
   * making its code strings, and gives what the full decode gives: numbers, nulls, reasons (a Thai
   * one too), the derivation; a blob of the same codes in another order, or cut short, does not.
   */
  @Test
  void aBlobOfKnownAreasIsReadOntoTheirIndexAsTheFullDecodeReadsIt() {
    AreaIndex.Pool pool = new AreaIndex.Pool();
    ValueColumn first = ValueSetCodec.decode(ValueSetCodec.encode(VALUES), pool);
    List<IndicatorValue> other =
        List.of(
            new IndicatorValue("110101", 1.0, 4.0, 25.0, null),
            new IndicatorValue("110102", null, null, null, "ไม่มีครัวเรือนที่สำรวจ"),
            new IndicatorValue("110103", 3.0, 3.0, 100.0, null),
            new IndicatorValue("110104", 0.0, 0.0, null, "no eligible units"));
    ValueColumn known = ValueSetCodec.decode(ValueSetCodec.encode(other), pool);
    assertSame(first.areas(), known.areas(), "onto the index seen before");
    assertSame(first.areas().code(0), known.areas().code(0), "no new code strings");
    ValueColumn full = ValueSetCodec.decode(ValueSetCodec.encode(other)); // a pool of its own
    assertEquals(full, known);
    for (int i = 0; i < full.size(); i++) {
      assertEquals(full.at(i), known.at(i));
    }
    assertEquals(1, pool.indexes());
    // the same codes out of order: decoded in full and sorted, still the same index
    List<IndicatorValue> reversed = new java.util.ArrayList<>(other);
    java.util.Collections.reverse(reversed);
    ValueColumn sorted = ValueSetCodec.decode(ValueSetCodec.encode(reversed), pool);
    assertEquals(full, sorted);
    assertSame(first.areas(), sorted.areas());
    byte[] cut = ValueSetCodec.encode(other);
    byte[] shorter = java.util.Arrays.copyOf(cut, cut.length - 30);
    assertThrows(java.io.UncheckedIOException.class, () -> ValueSetCodec.decode(shorter, pool));
  }

  /** The pool's candidate is checked code by code: one differing code is not the same index. */
  @Test
  void aCandidateIndexIsCheckedCodeByCode() {
    AreaIndex.Pool pool = new AreaIndex.Pool();
    ValueColumn a = ValueSetCodec.decode(ValueSetCodec.encode(VALUES), pool);
    byte[] ascii = "110104".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertEquals(true, a.areas().codeEquals(3, ascii, 0, 6));
    assertEquals(false, a.areas().codeEquals(2, ascii, 0, 6));
    assertEquals(false, a.areas().codeEquals(3, ascii, 0, 5));
    long h = AreaIndex.HASH_START;
    for (String c : a.areas().codes()) {
      h = AreaIndex.hashCode(h, c);
    }
    assertSame(a.areas(), pool.candidate(h));
    long bytes = AreaIndex.hashCode(AreaIndex.HASH_START, ascii, 0, 6);
    assertEquals(AreaIndex.hashCode(AreaIndex.HASH_START, "110104"), bytes);
  }

  /** Non-ASCII text (a Thai reason, a NUL, a supplementary character) reads as written. */
  @Test
  void readsEveryStringAsWritten() {
    List<IndicatorValue> values =
        List.of(
            new IndicatorValue("10", 1.0, 2.0, 50.0, null),
            new IndicatorValue("11", 0.0, 0.0, null, "ไม่มีครัวเรือนที่สำรวจ"),
            new IndicatorValue("12", null, null, null, "a\u0000b"),
            new IndicatorValue("13", null, null, null, "\uD83D\uDE00 é"));
    Map<String, IndicatorValue> expected = new LinkedHashMap<>();
    values.forEach(v -> expected.put(v.areaCode(), v));
    assertEquals(expected, ValueSetCodec.decode(ValueSetCodec.encode(values)));
    // the bytes are DataOutputStream.writeUTF's, ASCII fast path or not
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeInt(values.size());
      for (IndicatorValue v : values) {
        out.writeUTF(v.areaCode());
        out.writeDouble(v.numerator() == null ? Double.NaN : v.numerator());
        out.writeDouble(v.denominator() == null ? Double.NaN : v.denominator());
        out.writeDouble(v.value() == null ? Double.NaN : v.value());
        out.writeUTF(v.missingReason() == null ? "" : v.missingReason());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        bytes.toByteArray(), ValueSetCodec.encode(values));
    byte[] cut = ValueSetCodec.encode(values);
    byte[] shorter = java.util.Arrays.copyOf(cut, cut.length - 3);
    assertThrows(java.io.UncheckedIOException.class, () -> ValueSetCodec.decode(shorter));
  }
}
