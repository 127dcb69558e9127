package org.phaenthi.tiles;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The few protobuf wire-format writes MVT needs: varints, fixed 32/64, length-delimited. */
final class ProtoWriter {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private byte[] buf;
  private int size;

  ProtoWriter() {
    this(256);
  }

  ProtoWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void tag(int field, int wireType) {
    varint((field << 3) | wireType);
  }

  void varint(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buf[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[size++] = (byte) value;
  }

  void varintField(int field, long value) {
    tag(field, VARINT);
    varint(value);
  }

  void fixed32(int bits) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[size++] = (byte) (bits >> (8 * i)); // only the low byte is kept, so >> equals >>>
    }
  }

  void fixed64(long bits) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[size++] = (byte) (bits >>> (8 * i));
    }
  }

  void stringField(int field, String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    tag(field, LENGTH_DELIMITED);
    varint(utf8.length);
    bytes(utf8, 0, utf8.length);
  }

  /** Writes another writer's content as a length-delimited field (an embedded message). */
  void messageField(int field, ProtoWriter message) {
    tag(field, LENGTH_DELIMITED);
    varint(message.size);
    bytes(message.buf, 0, message.size);
  }

  /** Appends another writer's content as it is (fields already tagged). */
  void append(ProtoWriter other) {
    bytes(other.buf, 0, other.size);
  }

  /** Writes a packed repeated uint32 field. */
  void packedField(int field, int[] values, int count) {
    if (count == 0) {
      return;
    }
    int length = 0;
    for (int i = 0; i < count; i++) {
      length += varintSize(values[i] & 0xFFFFFFFFL);
    }
    tag(field, LENGTH_DELIMITED);
    varint(length);
    for (int i = 0; i < count; i++) {
      varint(values[i] & 0xFFFFFFFFL);
    }
  }

  private static int varintSize(long value) {
    int n = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }

  /** Writes a length-delimited field whose content is {@code src[from, to)}. */
  void bytesField(int field, byte[] src, int from, int to) {
    tag(field, LENGTH_DELIMITED);
    varint(to - from);
    bytes(src, from, to - from);
  }

  /** Appends {@code src[from, to)} as it is (whole fields, tags included). */
  void raw(byte[] src, int from, int to) {
    bytes(src, from, to - from);
  }

  private void bytes(byte[] src, int offset, int length) {
    ensure(length);
    System.arraycopy(src, offset, buf, size, length);
    size += length;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }
}
