package org.phaenthi.server.tiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.Snapshot;
import org.phaenthi.tiles.TileCoord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The low-zoom pyramid: every geometry tile of every level at zooms 0 to {@code maxZoom} over the
 * boundaries' extent (for Thailand at z7 a few hundred tiles, the slowest to render: a z0–4
 * subdistrict tile holds most of the country's subdistricts). Rendered once per boundary set, kept
 * in the store beside it ({@link Store#putTilePyramid}) and loaded into the {@link TileCache} at
 * start, where its tiles are pinned: the country zooms are never rendered on a request, not even
 * the first one after a restart, and a value tile there is a join onto a pinned tile.
 *
 * <p>The stored bytes: a magic line, the boundary set id, then per tile the level's URL name, z, x,
 * y, the raw size, the ETag and the gzip bytes. Tiles are stored as the cache holds them, so
 * loading neither renders nor compresses; a level this build does not know is skipped.
 */
public final class TilePyramid {
  private static final Logger LOG = LoggerFactory.getLogger(TilePyramid.class);
  private static final byte[] MAGIC =
      "PHAENTHI-TILE-PYRAMID-1\n".getBytes(StandardCharsets.US_ASCII);

  private TilePyramid() {}

  /**
   * What {@link #prepare} did.
   *
   * @param tiles how many tiles are pinned now
   * @param rendered how many of them were rendered (0 when the store had the whole pyramid)
   */
  public record Outcome(int tiles, int rendered, boolean loaded, long millis) {}

  /**
   * Loads the pyramid of the snapshot's boundary set from the store into the cache, or renders it
   * (through the cache) and stores it when the store has none or an unreadable one. When the stored
   * one was made for a lower {@code maxZoom} than today's (a store from before the default became
   * 10, or a raised option), the tiles it lacks are rendered, pinned, and the deeper pyramid
   * replaces the stored one, so only this start renders them; tiles above today's are not pinned
   * and the stored pyramid is left as it is.
   */
  public static Outcome prepare(Snapshot s, Store store, TileCache cache, int maxZoom) {
    long t0 = System.nanoTime();
    String boundaries = s.boundaryVersion();
    List<TileKey> keys = keys(s, maxZoom);
    Optional<byte[]> stored = store.tilePyramid(boundaries);
    if (stored.isPresent()) {
      try {
        load(stored.get(), boundaries, cache, maxZoom);
        List<TileKey> missing = keys.stream().filter(k -> cache.peek(k) == null).toList();
        renderAll(missing, cache);
        int rendered = missing.size();
        if (rendered > 0) {
          try {
            store.putTilePyramid(boundaries, encode(boundaries, keys, cache)); // all pinned now
          } catch (RuntimeException e) {
            // pinned and served all the same; the next start renders the difference again
            LOG.warn(
                "the deeper tile pyramid of {} was not stored: {}", boundaries, e.getMessage());
          }
        }
        return outcome(keys.size(), rendered, true, t0);
      } catch (IllegalArgumentException e) {
        LOG.warn("tile pyramid of {} not loaded ({}); rendering it", boundaries, e.getMessage());
      }
    }
    renderAll(keys, cache);
    byte[] encoded = encode(boundaries, keys, cache);
    store.putTilePyramid(boundaries, encoded);
    return outcome(keys.size(), keys.size(), false, t0);
  }

  /** Renders and pins these tiles side by side on the cores (the encoding then only reads them). */
  private static void renderAll(List<TileKey> keys, TileCache cache) {
    keys.parallelStream().forEach(cache::renderPinned);
  }

  private static Outcome outcome(int tiles, int rendered, boolean loaded, long t0) {
    return new Outcome(tiles, rendered, loaded, (System.nanoTime() - t0) / 1_000_000);
  }

  /** The geometry-tile keys of the pyramid: every level with areas, z0..maxZoom over the extent. */
  public static List<TileKey> keys(Snapshot s, int maxZoom) {
    Envelope extent = s.dataset().boundaries().extent();
    List<TileKey> keys = new ArrayList<>();
    if (extent.isNull()) {
      return keys;
    }
    for (AdminLevel level : s.dataset().boundaries().levels().withGeometry()) {
      if (s.dataset().boundaries().count(level) == 0) {
        continue;
      }
      for (int z = 0; z <= maxZoom; z++) {
        for (TileCoord c : TileCoord.covering(extent, z)) {
          keys.add(new TileKey(s.boundaryVersion(), level, c, null, 0));
        }
      }
    }
    return keys;
  }

  /** Renders (or takes from the cache) and pins every tile of {@code keys}, and encodes them. */
  static byte[] encode(String boundaries, List<TileKey> keys, TileCache cache) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeUTF(boundaries);
      out.writeInt(keys.size());
      for (TileKey k : keys) {
        CachedTile t = cache.renderPinned(k);
        out.writeUTF(k.level().urlName());
        out.writeByte(k.coord().z());
        out.writeInt(k.coord().x());
        out.writeInt(k.coord().y());
        out.writeInt(t.rawBytes());
        out.writeUTF(t.etag());
        out.writeInt(t.gzip().length());
        t.gzip().transferTo(out);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Pins the stored tiles in the cache; returns how many.
   *
   * @throws IllegalArgumentException when the bytes are not a pyramid of this boundary set
   */
  static int load(byte[] encoded, String boundaries, TileCache cache, int maxZoom) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException("not a tile pyramid of this format");
      }
      String of = in.readUTF();
      if (!of.equals(boundaries)) {
        throw new IllegalArgumentException("a pyramid of " + of + ", not of " + boundaries);
      }
      int n = in.readInt();
      List<TileKey> keys = new ArrayList<>(n);
      List<CachedTile> tiles = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String level = in.readUTF();
        int z = in.readUnsignedByte();
        int x = in.readInt();
        int y = in.readInt();
        int raw = in.readInt();
        String etag = in.readUTF();
        byte[] gzip = new byte[in.readInt()];
        in.readFully(gzip);
        AdminLevel l = AdminLevel.named(level);
        if (l.hasGeometry() && z <= maxZoom) {
          keys.add(new TileKey(boundaries, l, new TileCoord(z, x, y), null, 0));
          tiles.add(new CachedTile(TileBytes.copyOf(gzip), raw, etag));
        }
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("bytes after the last tile");
      }
      // Pinned only once the whole pyramid has been read: a damaged one pins nothing.
      for (int i = 0; i < keys.size(); i++) {
        cache.pin(keys.get(i), tiles.get(i));
      }
      return keys.size();
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("damaged tile pyramid: " + e, e);
    }
  }
}
