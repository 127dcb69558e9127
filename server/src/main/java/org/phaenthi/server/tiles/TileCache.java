package org.phaenthi.server.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Caffeine cache of rendered tiles, bounded by the compressed bytes it holds. {@code get} computes
 * on a miss (once per key, concurrent callers wait for the same render) and records hits, misses,
 * render time per zoom and tile sizes.
 */
public final class TileCache {
  private static final int ENTRY_OVERHEAD_BYTES = 160;
  private final Cache<TileKey, CachedTile> cache;
  private final TileSource source;
  private final MeterRegistry meters;
  private final Counter hits;
  private final Counter misses;

  public TileCache(long maxBytes, TileSource source, MeterRegistry meters) {
    this.source = source;
    this.meters = meters;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((TileKey k, CachedTile t) -> t.gzip().length + ENTRY_OVERHEAD_BYTES)
            .recordStats()
            .build();
    this.hits = Counter.builder("phaenthi.tiles.cache").tag("result", "hit").register(meters);
    this.misses = Counter.builder("phaenthi.tiles.cache").tag("result", "miss").register(meters);
  }

  /** The cached tile, rendering it on a miss. {@code hit[0]} tells the caller which happened. */
  public CachedTile get(TileKey key, boolean[] hit) {
    hit[0] = true;
    CachedTile t =
        cache.get(
            key,
            k -> {
              hit[0] = false;
              return render(k);
            });
    (hit[0] ? hits : misses).increment();
    return t;
  }

  /**
   * The cached tile or null, without rendering; a tile found counts as a hit ({@link TileFastPath}
   * sends a miss on to {@link #get}, which counts it).
   */
  public CachedTile peekHit(TileKey key) {
    CachedTile t = cache.getIfPresent(key);
    if (t != null) {
      hits.increment();
    }
    return t;
  }

  /** Only what is cached, without rendering (used while the store is unavailable). */
  public CachedTile peek(TileKey key) {
    return cache.getIfPresent(key);
  }

  /**
   * Drops every tile whose part version is not one of these (called after a new publication is
   * swapped in, with {@link org.phaenthi.server.Snapshot#liveVersions()}): tiles of unchanged parts
   * stay cached.
   */
  public void retainVersions(java.util.Set<String> versions) {
    cache.asMap().keySet().removeIf(k -> !versions.contains(k.dataVersion()));
  }

  /** How many cached tiles belong to this data version. */
  public long peekCount(String dataVersion) {
    return cache.asMap().keySet().stream().filter(k -> k.dataVersion().equals(dataVersion)).count();
  }

  public long size() {
    return cache.estimatedSize();
  }

  private CachedTile render(TileKey key) {
    long t0 = System.nanoTime();
    byte[] raw = source.render(key);
    byte[] gz = raw.length == 0 ? raw : gzip(raw);
    Timer.builder("phaenthi.tiles.render")
        .tag("z", Integer.toString(key.coord().z()))
        .register(meters)
        .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    DistributionSummary.builder("phaenthi.tiles.bytes")
        .baseUnit("bytes")
        .tag("z", Integer.toString(key.coord().z()))
        .register(meters)
        .record(raw.length);
    return new CachedTile(gz, raw.length, etag(key.dataVersion(), raw));
  }

  /**
   * Strong ETag from the data version and the tile's own bytes: identical on every node that serves
   * the same version, different whenever the bytes differ.
   */
  static String etag(String dataVersion, byte[] raw) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(raw);
      return "\"" + dataVersion + "-" + HexFormat.of().formatHex(d, 0, 8) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Gzip of a whole byte array (tiles and cached JSON responses). */
  public static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
