package org.phaenthi.tiles.pmtiles;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The 127-byte PMTiles v3 header, all integers little-endian; positions in degrees × 10⁷.
 *
 * @param clustered tile bytes are in tile-id order
 * @param internalCompression of directories and metadata ({@link #GZIP})
 * @param tileCompression of each tile's bytes ({@link #GZIP} for our MVT)
 * @param tileType {@link #MVT}
 */
public record PmtilesHeader(
    long rootOffset,
    long rootLength,
    long metadataOffset,
    long metadataLength,
    long leafOffset,
    long leafLength,
    long tileDataOffset,
    long tileDataLength,
    long addressedTiles,
    long tileEntries,
    long tileContents,
    boolean clustered,
    int internalCompression,
    int tileCompression,
    int tileType,
    int minZoom,
    int maxZoom,
    int minLonE7,
    int minLatE7,
    int maxLonE7,
    int maxLatE7,
    int centerZoom,
    int centerLonE7,
    int centerLatE7) {
  public static final int LENGTH = 127;
  public static final int NONE = 1;
  public static final int GZIP = 2;
  public static final int MVT = 1;
  private static final byte[] MAGIC = "PMTiles".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 3;

  /** The header's 127 bytes. */
  public byte[] bytes() {
    ByteBuffer b = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) VERSION);
    b.putLong(rootOffset).putLong(rootLength);
    b.putLong(metadataOffset).putLong(metadataLength);
    b.putLong(leafOffset).putLong(leafLength);
    b.putLong(tileDataOffset).putLong(tileDataLength);
    b.putLong(addressedTiles).putLong(tileEntries).putLong(tileContents);
    b.put((byte) (clustered ? 1 : 0));
    b.put((byte) internalCompression).put((byte) tileCompression).put((byte) tileType);
    b.put((byte) minZoom).put((byte) maxZoom);
    b.putInt(minLonE7).putInt(minLatE7).putInt(maxLonE7).putInt(maxLatE7);
    b.put((byte) centerZoom).putInt(centerLonE7).putInt(centerLatE7);
    return b.array();
  }

  /** Reads a header; throws {@link IllegalArgumentException} when it is not a PMTiles v3 one. */
  public static PmtilesHeader parse(byte[] bytes) {
    if (bytes.length < LENGTH) {
      throw new IllegalArgumentException("a PMTiles header has 127 bytes, not " + bytes.length);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[7];
    b.get(magic);
    int version = b.get();
    if (!java.util.Arrays.equals(magic, MAGIC) || version != VERSION) {
      throw new IllegalArgumentException("not a PMTiles v3 archive");
    }
    return new PmtilesHeader(
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.getLong(),
        b.get() == 1,
        b.get() & 0xff,
        b.get() & 0xff,
        b.get() & 0xff,
        b.get() & 0xff,
        b.get() & 0xff,
        b.getInt(),
        b.getInt(),
        b.getInt(),
        b.getInt(),
        b.get() & 0xff,
        b.getInt(),
        b.getInt());
  }
}
