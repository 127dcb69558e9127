package org.phaenthi.server.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Caffeine cache of rendered tiles, bounded by the compressed bytes it holds. {@code get} computes
 * on a miss (once per key, concurrent callers wait for the same render) and records hits, misses,
 * render time per zoom and tile sizes.
 *
 * <p>A second, separately bounded tier keeps the uncompressed bytes of the tiles that clients
 * without gzip ask for (curl, seeders, some GIS tools and proxies), so such a tile is decompressed
 * once, not per request. It holds only tiles someone asked for without gzip, bounded by their raw
 * bytes ({@code --tile-identity-cache-mb}; 0 turns it off and every such request decompresses). An
 * entry remembers which cached tile it was made from and is used only with that tile, so it can
 * never outlive or contradict the first tier.
 *
 * <p>A tile with values ({@code ?indicator=}) is made from its geometry tile with the {@link
 * ValueJoin}: the geometry tile is taken from this cache (rendered first if it is not there), and
 * the values are joined onto its bytes. The geometry tile stays cached, so the tiles of another
 * indicator, year or value set cost a join each, and a new value set renders no geometry at all
 * ({@link #geometryRenders()} counts the renders).
 */
public final class TileCache {
  private static final int ENTRY_OVERHEAD_BYTES = 160;
  private final Cache<TileKey, CachedTile> cache;

  /** The low-zoom pyramid ({@link TilePyramid}): never evicted, dropped with its version. */
  private final Map<TileKey, CachedTile> pinned = new ConcurrentHashMap<>();

  private final Cache<TileKey, Identity> identity;
  private final TileSource source;
  private final ValueJoin join;
  private final Meter.MeterProvider<Timer> renderTime;
  private final Meter.MeterProvider<DistributionSummary> tileBytes;
  private final Counter geometryRenders;
  private final Counter valueJoins;
  private final Counter hits;
  private final Counter misses;
  private final Counter identityHits;
  private final Counter identityMisses;

  /** The uncompressed bytes of {@code tile}. */
  private record Identity(CachedTile tile, TileBytes raw) {}

  /**
   * @param maxBytes bound of the tier of gzip tiles, in compressed bytes
   * @param identityMaxBytes bound of the tier of uncompressed tiles, in raw bytes; 0 = none
   */
  public TileCache(long maxBytes, long identityMaxBytes, TileSource source, MeterRegistry meters) {
    this(maxBytes, identityMaxBytes, source, null, meters);
  }

  /**
   * @param source renders geometry tiles (and, when {@code join} is null, value tiles too)
   * @param join makes value tiles from geometry tiles; null renders them with {@code source}
   */
  public TileCache(
      long maxBytes,
      long identityMaxBytes,
      TileSource source,
      ValueJoin join,
      MeterRegistry meters) {
    this.source = source;
    this.join = join;
    this.renderTime = Timer.builder("phaenthi.tiles.render").withRegistry(meters);
    this.tileBytes =
        DistributionSummary.builder("phaenthi.tiles.bytes").baseUnit("bytes").withRegistry(meters);
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((TileKey k, CachedTile t) -> t.gzip().length() + ENTRY_OVERHEAD_BYTES)
            .recordStats()
            .build();
    this.identity =
        identityMaxBytes <= 0
            ? null
            : Caffeine.newBuilder()
                .maximumWeight(identityMaxBytes)
                .weigher((TileKey k, Identity i) -> i.raw().length() + ENTRY_OVERHEAD_BYTES)
                .build();
    if (identity != null) {
      Gauge.builder(
              "phaenthi.tiles.identity_cache.weight",
              identity,
              c -> c.policy().eviction().orElseThrow().weightedSize().orElse(0))
          .description("uncompressed tile bytes held by the second tier, with entry overhead")
          .baseUnit("bytes")
          .register(meters);
    }
    Gauge.builder("phaenthi.tiles.pinned.weight", this, TileCache::pinnedBytes)
        .description("gzip bytes of the pinned low-zoom pyramid tiles")
        .baseUnit("bytes")
        .register(meters);
    this.hits = Counter.builder("phaenthi.tiles.cache").tag("result", "hit").register(meters);
    this.misses = Counter.builder("phaenthi.tiles.cache").tag("result", "miss").register(meters);
    this.identityHits =
        Counter.builder("phaenthi.tiles.identity_cache").tag("result", "hit").register(meters);
    this.identityMisses =
        Counter.builder("phaenthi.tiles.identity_cache").tag("result", "miss").register(meters);
    this.geometryRenders =
        Counter.builder("phaenthi.tiles.made")
            .tag("kind", "geometry")
            .description("tiles rendered from geometry (clip, grid, encode)")
            .register(meters);
    this.valueJoins =
        Counter.builder("phaenthi.tiles.made")
            .tag("kind", "values")
            .description("tiles with values made by joining values onto a cached geometry tile")
            .register(meters);
  }

  /** How many tiles were rendered from geometry since start (value joins not included). */
  public long geometryRenders() {
    return (long) geometryRenders.count();
  }

  /** How many value tiles were made by a join onto a geometry tile since start. */
  public long valueJoins() {
    return (long) valueJoins.count();
  }

  /**
   * The uncompressed bytes of a cached tile, decompressed once and kept in the second tier (or
   * decompressed for this request only when that tier is off).
   */
  public TileBytes identity(TileKey key, CachedTile tile) {
    TileBytes raw = peekIdentity(key, tile);
    if (raw != null) {
      return raw;
    }
    identityMisses.increment();
    raw = gunzip(tile);
    if (identity != null) {
      identity.put(key, new Identity(tile, raw));
    }
    return raw;
  }

  /**
   * The uncompressed bytes of {@code tile} if the second tier holds them, else null (never
   * decompresses: {@link TileFastPath} runs on Jetty's selector threads and leaves that to {@link
   * #identity}); a tile found counts as a hit.
   */
  public TileBytes peekIdentity(TileKey key, CachedTile tile) {
    if (tile.isEmpty()) {
      return tile.gzip();
    }
    if (identity == null) {
      return null;
    }
    Identity i = identity.getIfPresent(key);
    if (i == null || i.tile() != tile) {
      return null;
    }
    identityHits.increment();
    return i.raw();
  }

  /** Raw bytes held by the second tier (for tests and the memory figures in BENCHMARKS.md). */
  public long identityBytes() {
    if (identity == null) {
      return 0;
    }
    identity.cleanUp(); // Caffeine evicts in the background: settle first
    return identity.asMap().values().stream().mapToLong(i -> i.raw().length()).sum();
  }

  private static TileBytes gunzip(CachedTile tile) {
    return TileBytes.copyOf(gunzipBytes(tile));
  }

  private static byte[] gunzipBytes(CachedTile tile) {
    try (GZIPInputStream in = new GZIPInputStream(tile.gzip().stream())) {
      byte[] raw = in.readAllBytes();
      if (raw.length != tile.rawBytes()) {
        throw new IllegalStateException("tile unzipped to " + raw.length + " bytes");
      }
      return raw;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The cached tile, rendering it on a miss. {@code hit[0]} tells the caller which happened. */
  public CachedTile get(TileKey key, boolean[] hit) {
    hit[0] = true;
    CachedTile t = pinned.get(key);
    if (t != null) {
      // a pinned geometry tile
    } else if (join != null && key.indicator() != null) {
      t = cache.getIfPresent(key);
      if (t == null) {
        // The geometry tile first, outside the value tile's computation: Caffeine does not allow
        // one computation to load another key of the same cache.
        TileKey geometryKey = join.geometryKey(key);
        CachedTile geometry = pinned.get(geometryKey);
        if (geometry == null) {
          geometry = cache.get(geometryKey, this::render);
        }
        CachedTile g = geometry;
        t =
            cache.get(
                key,
                k -> {
                  hit[0] = false;
                  return joinValues(k, g);
                });
      }
    } else {
      t =
          cache.get(
              key,
              k -> {
                hit[0] = false;
                return render(k);
              });
    }
    (hit[0] ? hits : misses).increment();
    return t;
  }

  /**
   * Counts a hit of a tile found with {@link #peek} and served ({@link TileFastPath} sends what it
   * does not serve on to {@link #get}, which counts it).
   */
  public void countHit() {
    hits.increment();
  }

  /** Only what is cached, without rendering (used while the store is unavailable). */
  public CachedTile peek(TileKey key) {
    CachedTile t = pinned.get(key);
    return t != null ? t : cache.getIfPresent(key);
  }

  /**
   * Renders a geometry tile into the pinned set, or returns it if pinned already (the pyramid is
   * built with this); a tile the bounded tier holds is taken from there, not rendered again.
   */
  CachedTile renderPinned(TileKey key) {
    return pinned.computeIfAbsent(
        key,
        k -> {
          CachedTile t = cache.getIfPresent(k);
          if (t != null) {
            cache.invalidate(k);
            return t;
          }
          return render(k);
        });
  }

  /** Pins a tile (loaded with its pyramid from the store): it is never evicted. */
  void pin(TileKey key, CachedTile tile) {
    pinned.put(key, tile);
  }

  /** How many pinned tiles belong to this data version. */
  public long pinnedCount(String dataVersion) {
    return pinned.keySet().stream().filter(k -> k.dataVersion().equals(dataVersion)).count();
  }

  /** Compressed bytes of the pinned tiles (for the memory figures in BENCHMARKS.md). */
  public long pinnedBytes() {
    return pinned.values().stream().mapToLong(t -> t.gzip().length()).sum();
  }

  /**
   * Drops every tile whose part version is not one of these (called after a new publication is
   * swapped in, with {@link org.phaenthi.server.Snapshot#liveVersions()}): tiles of unchanged parts
   * stay cached.
   */
  public void retainVersions(java.util.Set<String> versions) {
    cache.asMap().keySet().removeIf(k -> !versions.contains(k.dataVersion()));
    pinned.keySet().removeIf(k -> !versions.contains(k.dataVersion()));
    if (identity != null) {
      identity.asMap().keySet().removeIf(k -> !versions.contains(k.dataVersion()));
    }
  }

  /** How many tiles of this data version the bounded tier holds (pinned ones not included). */
  public long peekCount(String dataVersion) {
    return cache.asMap().keySet().stream().filter(k -> k.dataVersion().equals(dataVersion)).count();
  }

  public long size() {
    return cache.estimatedSize();
  }

  /**
   * Renders a geometry tile as a miss would (render, gzip, ETag) and keeps nothing: not cached, not
   * counted, not timed. For {@link RenderWarmup}, which only wants the JIT to see the path.
   */
  CachedTile renderDiscarded(TileKey key) {
    byte[] raw = source.render(key);
    byte[] gz = raw.length == 0 ? raw : gzip(raw);
    return new CachedTile(gz, raw.length, etag(key.dataVersion(), raw));
  }

  private CachedTile render(TileKey key) {
    long t0 = System.nanoTime();
    byte[] raw = source.render(key);
    geometryRenders.increment();
    return finish(key, raw, "geometry", t0);
  }

  private CachedTile joinValues(TileKey key, CachedTile geometry) {
    long t0 = System.nanoTime();
    byte[] geometryRaw = geometry.isEmpty() ? new byte[0] : gunzipBytes(geometry);
    byte[] raw = join.join(key, geometryRaw);
    valueJoins.increment();
    return finish(key, raw, "values", t0);
  }

  private CachedTile finish(TileKey key, byte[] raw, String kind, long t0) {
    byte[] gz = raw.length == 0 ? raw : gzip(raw);
    String z = Integer.toString(key.coord().z());
    renderTime.withTags("z", z, "kind", kind).record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    tileBytes.withTags("z", z).record(raw.length);
    return new CachedTile(TileBytes.copyOf(gz), raw.length, etag(key.dataVersion(), raw));
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
