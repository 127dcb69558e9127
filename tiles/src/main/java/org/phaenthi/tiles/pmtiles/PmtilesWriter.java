package org.phaenthi.tiles.pmtiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.tiles.TileCoord;
import org.phaenthi.tiles.pmtiles.PmtilesDirectory.Entry;

/**
 * Writes a clustered PMTiles v3 archive of MVT tiles. Tiles are added in ascending tile-id order
 * (sort the coordinates with {@link TileIds#of}); their bytes go to a scratch file at once, so a
 * country's archive costs memory for its directory only. Identical tile bytes are stored once, and
 * a run of consecutive tile ids with identical bytes is one directory entry. {@link #finish} writes
 * header, root directory, metadata, leaf directories and the tile data, in that order.
 *
 * <p>Usage: {@code try (var w = new PmtilesWriter(scratch)) { w.add(c, gzipBytes); … w.finish(out,
 * info); }}
 */
public final class PmtilesWriter implements AutoCloseable {
  /** The header and root directory must fit in the first 16 KiB (one request of a reader). */
  static final int ROOT_MAX_BYTES = 16_384 - PmtilesHeader.LENGTH;

  /**
   * What the header and metadata say about the archive.
   *
   * @param lonLatBounds the extent in longitude/latitude degrees
   * @param metadataJson the metadata JSON object (TileJSON-like: name, attribution, {@code
   *     vector_layers})
   * @param tileCompression {@link PmtilesHeader#GZIP} when the added bytes are gzip, else {@link
   *     PmtilesHeader#NONE}
   */
  public record Info(
      int minZoom,
      int maxZoom,
      Envelope lonLatBounds,
      int centerZoom,
      String metadataJson,
      int tileCompression) {
    public Info {
      // a JTS Envelope is mutable (expandToInclude, init): keep and hand out copies
      lonLatBounds = new Envelope(lonLatBounds);
    }

    @Override
    public Envelope lonLatBounds() {
      return new Envelope(lonLatBounds);
    }
  }

  private final Path scratch;
  private final OutputStream data;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, long[]> byContent = new HashMap<>();
  private final MessageDigest sha;
  private long dataBytes;
  private long addressed;
  private long lastId = -1;
  private boolean finished;

  /**
   * @param scratch a file the tile bytes are spooled to (replaced; deleted at close)
   */
  public PmtilesWriter(Path scratch) throws IOException {
    this.scratch = scratch;
    this.data = new BufferedOutputStream(Files.newOutputStream(scratch), 1 << 16);
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds one tile; an empty array is no tile (a reader answers "no tile" for ids not in the
   * directory). Tile ids must ascend.
   */
  public void add(TileCoord coord, byte[] bytes) throws IOException {
    long id = TileIds.of(coord);
    if (id <= lastId) {
      throw new IllegalArgumentException(
          "tiles must be added in ascending tile-id order; " + coord + " came after id " + lastId);
    }
    lastId = id;
    if (bytes.length == 0) {
      return;
    }
    addressed++;
    String digest = java.util.HexFormat.of().formatHex(sha.digest(bytes));
    long[] stored = byContent.get(digest);
    Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
    if (stored != null
        && last != null
        && last.offset() == stored[0]
        && last.tileId() + last.runLength() == id) {
      entries.set(
          entries.size() - 1,
          new Entry(last.tileId(), last.offset(), last.length(), last.runLength() + 1));
      return;
    }
    if (stored == null) {
      stored = new long[] {dataBytes, bytes.length};
      byContent.put(digest, stored);
      data.write(bytes);
      dataBytes += bytes.length;
    }
    entries.add(new Entry(id, stored[0], stored[1], 1));
  }

  /** Writes the whole archive to {@code out}; the writer cannot be used after. */
  public void finish(OutputStream out, Info info) throws IOException {
    if (finished) {
      throw new IllegalStateException("already finished");
    }
    finished = true;
    data.close();
    Directories dirs = directories(entries);
    byte[] metadata = PmtilesDirectory.gzip(info.metadataJson().getBytes(StandardCharsets.UTF_8));
    long rootOffset = PmtilesHeader.LENGTH;
    long metadataOffset = rootOffset + dirs.root.length;
    long leafOffset = metadataOffset + metadata.length;
    long tileOffset = leafOffset + dirs.leaves.length;
    Envelope b = info.lonLatBounds();
    PmtilesHeader h =
        new PmtilesHeader(
            rootOffset,
            dirs.root.length,
            metadataOffset,
            metadata.length,
            leafOffset,
            dirs.leaves.length,
            tileOffset,
            dataBytes,
            addressed,
            entries.size(),
            byContent.size(),
            true,
            PmtilesHeader.GZIP,
            info.tileCompression(),
            PmtilesHeader.MVT,
            info.minZoom(),
            info.maxZoom(),
            e7(b.getMinX()),
            e7(b.getMinY()),
            e7(b.getMaxX()),
            e7(b.getMaxY()),
            info.centerZoom(),
            e7(b.centre().x),
            e7(b.centre().y));
    out.write(h.bytes());
    out.write(dirs.root);
    out.write(metadata);
    out.write(dirs.leaves);
    Files.copy(scratch, out);
    out.flush();
  }

  /** Tiles with bytes added so far (runs counted per tile). */
  public long addressedTiles() {
    return addressed;
  }

  private record Directories(byte[] root, byte[] leaves) {}

  /**
   * The root alone when it fits in the first 16 KiB, else leaves of {@code leafSize} entries (from
   * 4096, growing by a fifth until the root pointing at them fits), as go-pmtiles does.
   */
  static Directories directories(List<Entry> entries) {
    byte[] root = PmtilesDirectory.encode(entries);
    if (root.length <= ROOT_MAX_BYTES) {
      return new Directories(root, new byte[0]);
    }
    double leafSize = Math.max(4096, entries.size() / 3500.0);
    while (true) {
      Directories d = withLeaves(entries, (int) leafSize);
      if (d.root.length <= ROOT_MAX_BYTES) {
        return d;
      }
      leafSize *= 1.2;
    }
  }

  private static Directories withLeaves(List<Entry> entries, int leafSize) {
    List<Entry> rootEntries = new ArrayList<>();
    java.io.ByteArrayOutputStream leaves = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < entries.size(); i += leafSize) {
      List<Entry> chunk = entries.subList(i, Math.min(entries.size(), i + leafSize));
      byte[] leaf = PmtilesDirectory.encode(chunk);
      rootEntries.add(new Entry(chunk.get(0).tileId(), leaves.size(), leaf.length, 0));
      leaves.writeBytes(leaf);
    }
    return new Directories(PmtilesDirectory.encode(rootEntries), leaves.toByteArray());
  }

  private static int e7(double degrees) {
    return (int) Math.round(degrees * 10_000_000);
  }

  @Override
  public void close() throws IOException {
    data.close();
    Files.deleteIfExists(scratch);
  }
}
