package org.phaenthi.server.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.tiles.TileCoord;

/**
 * The second tier of {@link TileCache}: the uncompressed bytes of a tile are made once and kept
 * within their own bound, only ever for the cached tile they were made from.
 */
class TileCacheTest {
  /** Tiles of {@code rawBytes} pseudo-random bytes (so gzip cannot shrink them much). */
  static TileSource source(int rawBytes, AtomicInteger renders) {
    return key -> {
      renders.incrementAndGet();
      if (key.coord().y() == 0) {
        return new byte[0]; // an empty tile
      }
      byte[] b = new byte[rawBytes];
      new Random(key.hashCode()).nextBytes(b);
      return b;
    };
  }

  static TileKey key(String version, int x) {
    return new TileKey(version, AdminLevel.PROVINCE, new TileCoord(10, x, 1), null, 0);
  }

  static CachedTile cached(TileCache cache, TileKey key) {
    return cache.get(key, new boolean[1]);
  }

  @Test
  void identityBytesAreUnzippedOnceAndThenServedFromTheSecondTier() {
    TileCache cache =
        new TileCache(1 << 20, 1 << 20, source(10_000, new AtomicInteger()), meters());
    TileKey k = key("v1", 5);
    CachedTile tile = cached(cache, k);
    assertNull(cache.peekIdentity(k, tile), "nothing unzipped before a client asked");
    TileBytes first = cache.identity(k, tile);
    assertEquals(10_000, first.length());
    assertArrayEquals(first.toByteArray(), source(10_000, new AtomicInteger()).render(k));
    assertSame(first, cache.identity(k, tile), "the second request is not unzipped again");
    assertSame(first, cache.peekIdentity(k, tile));
    assertEquals(10_000, cache.identityBytes());
  }

  @Test
  void withTheTierOffEveryRequestIsUnzippedAndNothingIsKept() {
    TileCache cache = new TileCache(1 << 20, 0, source(10_000, new AtomicInteger()), meters());
    TileKey k = key("v1", 5);
    CachedTile tile = cached(cache, k);
    TileBytes a = cache.identity(k, tile);
    TileBytes b = cache.identity(k, tile);
    assertArrayEquals(a.toByteArray(), b.toByteArray());
    assertNotSame(a, b);
    assertNull(cache.peekIdentity(k, tile));
    assertEquals(0, cache.identityBytes());
  }

  @Test
  void theSecondTierStaysWithinItsBound() {
    long bound = 100_000;
    TileCache cache = new TileCache(1 << 24, bound, source(10_000, new AtomicInteger()), meters());
    for (int x = 0; x < 50; x++) {
      TileKey k = key("v1", x);
      cache.identity(k, cached(cache, k));
    }
    long held = cache.identityBytes();
    assertTrue(held <= bound, held + " raw bytes held over a bound of " + bound);
    assertTrue(held >= 50_000, "it does keep tiles: " + held);
  }

  @Test
  void anEntryIsUsedOnlyWithTheTileItWasMadeFromAndGoesWithItsVersion() {
    TileCache cache =
        new TileCache(1 << 20, 1 << 20, source(10_000, new AtomicInteger()), meters());
    TileKey k = key("v1", 5);
    CachedTile tile = cached(cache, k);
    cache.identity(k, tile);
    CachedTile other = new CachedTile(TileCache.gzip(new byte[] {1, 2, 3}), 3, "\"other\"");
    assertNull(cache.peekIdentity(k, other), "not the tile it was unzipped from");
    assertArrayEquals(new byte[] {1, 2, 3}, cache.identity(k, other).toByteArray());
    cache.retainVersions(java.util.Set.of("v2"));
    assertNull(cache.peekIdentity(k, other), "dropped with its data version");
    assertEquals(0, cache.identityBytes());
  }

  @Test
  void anEmptyTileHasNoBytesToUnzip() {
    TileCache cache =
        new TileCache(1 << 20, 1 << 20, source(10_000, new AtomicInteger()), meters());
    TileKey sea = new TileKey("v1", AdminLevel.PROVINCE, new TileCoord(10, 3, 0), null, 0);
    CachedTile tile = cached(cache, sea);
    assertTrue(tile.isEmpty());
    assertEquals(0, cache.peekIdentity(sea, tile).length());
    assertEquals(0, cache.identity(sea, tile).length());
  }

  private static SimpleMeterRegistry meters() {
    return new SimpleMeterRegistry();
  }
}
