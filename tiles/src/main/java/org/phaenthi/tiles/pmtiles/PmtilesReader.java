package org.phaenthi.tiles.pmtiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.phaenthi.tiles.pmtiles.PmtilesDirectory.Entry;

/**
 * Reads tiles from a PMTiles v3 file with random access, as a client with range requests would:
 * header, root directory, at most a few leaf directories, then the tile's bytes. For tests and
 * tools; it keeps no cache.
 */
public final class PmtilesReader implements AutoCloseable {
  private final FileChannel file;
  private final PmtilesHeader header;
  private final List<Entry> root;

  public PmtilesReader(Path path) throws IOException {
    this.file = FileChannel.open(path, StandardOpenOption.READ);
    this.header = PmtilesHeader.parse(read(0, PmtilesHeader.LENGTH));
    if (header.internalCompression() != PmtilesHeader.GZIP) {
      throw new IllegalArgumentException("only gzip-compressed directories are read");
    }
    this.root = PmtilesDirectory.decode(read(header.rootOffset(), header.rootLength()));
  }

  public PmtilesHeader header() {
    return header;
  }

  /** The metadata JSON text. */
  public String metadata() throws IOException {
    byte[] raw = read(header.metadataOffset(), header.metadataLength());
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The stored bytes of z/x/y (as written, so gzip for our archives), or null if absent. */
  public byte[] tile(int z, int x, int y) throws IOException {
    long id = TileIds.of(z, x, y);
    List<Entry> dir = root;
    for (int depth = 0; depth < 4; depth++) {
      Entry e = find(dir, id);
      if (e == null) {
        return null;
      }
      if (e.runLength() > 0) {
        return read(header.tileDataOffset() + e.offset(), e.length());
      }
      dir = PmtilesDirectory.decode(read(header.leafOffset() + e.offset(), e.length()));
    }
    throw new IllegalArgumentException("leaf directories nested deeper than 3");
  }

  /** The entry covering {@code id}: the last with tile id ≤ id, if its run reaches id. */
  static Entry find(List<Entry> dir, long id) {
    int lo = 0;
    int hi = dir.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long c = dir.get(mid).tileId();
      if (c == id) {
        return dir.get(mid);
      }
      if (c < id) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (hi < 0) {
      return null;
    }
    Entry e = dir.get(hi);
    if (e.runLength() == 0 || id - e.tileId() < e.runLength()) {
      return e;
    }
    return null;
  }

  private byte[] read(long offset, long length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(length));
    while (b.hasRemaining()) {
      if (file.read(b, offset + b.position()) < 0) {
        throw new IOException("archive truncated at " + (offset + b.position()));
      }
    }
    return b.array();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
