package org.phaenthi.tiles.pmtiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A directory's encoding: the entry count, then the tile-id deltas, the run lengths, the lengths
 * and the offsets, each column as unsigned LEB128 varints (an offset that directly follows the
 * previous entry's bytes is written as 0, any other as offset + 1), the whole gzip-compressed.
 */
public final class PmtilesDirectory {
  private PmtilesDirectory() {}

  /**
   * One directory entry.
   *
   * @param runLength consecutive tile ids with these bytes; 0 for a pointer to a leaf directory
   */
  public record Entry(long tileId, long offset, long length, long runLength) {}

  /** The gzip-compressed encoding of {@code entries} (sorted by tile id). */
  public static byte[] encode(List<Entry> entries) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(entries.size() * 8 + 8);
    writeVarint(raw, entries.size());
    long last = 0;
    for (Entry e : entries) {
      if (e.tileId() < last) {
        throw new IllegalArgumentException("directory entries must be sorted by tile id");
      }
      writeVarint(raw, e.tileId() - last);
      last = e.tileId();
    }
    for (Entry e : entries) {
      writeVarint(raw, e.runLength());
    }
    for (Entry e : entries) {
      writeVarint(raw, e.length());
    }
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Entry p = i == 0 ? null : entries.get(i - 1);
      if (p != null && e.offset() == p.offset() + p.length()) {
        writeVarint(raw, 0);
      } else {
        writeVarint(raw, e.offset() + 1);
      }
    }
    return gzip(raw.toByteArray());
  }

  /** The entries of a gzip-compressed directory. */
  public static List<Entry> decode(byte[] compressed) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      int n = (int) readVarint(in);
      long[] ids = new long[n];
      long[] runs = new long[n];
      long[] lengths = new long[n];
      long[] offsets = new long[n];
      long last = 0;
      for (int i = 0; i < n; i++) {
        last += readVarint(in);
        ids[i] = last;
      }
      for (int i = 0; i < n; i++) {
        runs[i] = readVarint(in);
      }
      for (int i = 0; i < n; i++) {
        lengths[i] = readVarint(in);
      }
      for (int i = 0; i < n; i++) {
        long v = readVarint(in);
        offsets[i] = v == 0 && i > 0 ? offsets[i - 1] + lengths[i - 1] : v - 1;
      }
      List<Entry> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        entries.add(new Entry(ids[i], offsets[i], lengths[i], runs[i]));
      }
      return entries;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a gzip-compressed PMTiles directory", e);
    }
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 32);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static void writeVarint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static long readVarint(InputStream in) throws IOException {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("truncated varint");
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IOException("varint longer than 64 bits");
  }
}
