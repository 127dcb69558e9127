package org.phaenthi.tiles;

import java.nio.charset.StandardCharsets;

/**
 * Reads the protobuf wire format over a byte range; malformed input is an IllegalArgumentException.
 */
final class ProtoReader {
  private final byte[] buf;
  private int pos;
  private final int end;
  private int wireType;

  ProtoReader(byte[] buf, int offset, int end) {
    if (offset < 0 || end > buf.length || offset > end) {
      throw new IllegalArgumentException("truncated message");
    }
    this.buf = buf;
    this.pos = offset;
    this.end = end;
  }

  /** Advances to the next field and returns its number, or -1 at the end of the range. */
  int nextField() {
    if (pos >= end) {
      return -1;
    }
    long key = varint();
    wireType = (int) (key & 0x7);
    return (int) (key >>> 3);
  }

  int wireType() {
    return wireType;
  }

  /** The next byte to read, as an index into {@link #buffer()}. */
  int position() {
    return pos;
  }

  /** The end of this reader's range (exclusive). */
  int end() {
    return end;
  }

  byte[] buffer() {
    return buf;
  }

  long varint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        throw new IllegalArgumentException("truncated varint at byte " + pos);
      }
      byte b = buf[pos++];
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("varint longer than 10 bytes at byte " + pos);
  }

  long fixed(int bytes) {
    require(bytes);
    long result = 0;
    for (int i = 0; i < bytes; i++) {
      result |= (buf[pos++] & 0xFFL) << (8 * i);
    }
    return result;
  }

  /** A reader over the current length-delimited field, and skips past it here. */
  ProtoReader message() {
    int length = length();
    ProtoReader inner = new ProtoReader(buf, pos, pos + length);
    pos += length;
    return inner;
  }

  String string() {
    int length = length();
    String s = new String(buf, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  /** A repeated uint32 field, packed or not, appended to {@code into}. */
  void uint32s(IntList into) {
    if (wireType == ProtoWriter.VARINT) {
      into.add((int) varint());
      return;
    }
    ProtoReader packed = message();
    while (packed.pos < packed.end) {
      into.add((int) packed.varint());
    }
  }

  void skip() {
    switch (wireType) {
      case ProtoWriter.VARINT -> varint();
      case ProtoWriter.FIXED64 -> fixed(8);
      case ProtoWriter.FIXED32 -> fixed(4);
      case ProtoWriter.LENGTH_DELIMITED -> {
        int length =
            length(); // not "pos += length()": that adds to pos as it was before the length
        pos += length;
      }
      default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
    }
  }

  private int length() {
    long length = varint();
    if (length < 0 || length > end - pos) {
      throw new IllegalArgumentException("length " + length + " exceeds message at byte " + pos);
    }
    return (int) length;
  }

  private void require(int bytes) {
    if (end - pos < bytes) {
      throw new IllegalArgumentException("truncated field at byte " + pos);
    }
  }

  /** A growable int array, to avoid boxing command streams. */
  static final class IntList {
    int[] values = new int[32];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }
}
