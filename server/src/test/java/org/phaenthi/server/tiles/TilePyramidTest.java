package org.phaenthi.server.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.tiles.TileGeometryPipeline;

/**
 * The low-zoom pyramid: rendered once per boundary set at the first start, stored beside it, and
 * loaded at every later start, so no z0–10 tile is rendered on a request, the first one after a
 * restart included, and its bytes and ETags are those a render gives.
 */
class TilePyramidTest {
  /** {@code --tile-pyramid-max-zoom}'s default. */
  private static final int DEFAULT_MAX_ZOOM = 10;

  @TempDir Path dir;

  /** Every pyramid tile's path, for the snapshot served. */
  private static List<String> paths(PhaenthiServer server) {
    return TilePyramid.keys(server.live().snapshot(), DEFAULT_MAX_ZOOM).stream()
        .map(TestServers::tilePath)
        .toList();
  }

  @Test
  void renderedOnceStoredAndLoadedAtTheNextStartWithoutRendering() {
    EmbeddedStore store = TestServers.publishedStore(dir, TestServers.dataset());
    Map<String, String> etags = new LinkedHashMap<>();
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    String boundaries;
    PhaenthiServer first = TestServers.serve(dir, store);
    try {
      boundaries = first.live().snapshot().boundaryVersion();
      List<String> paths = paths(first);
      // Phuket: one to four tiles per zoom and level at z0–10
      assertTrue(paths.size() >= 33 && paths.size() <= 132, paths.size() + " tiles");
      assertEquals(paths.size(), first.tileCache().pinnedCount(boundaries));
      assertEquals(paths.size(), first.tileCache().geometryRenders(), "each rendered once");
      assertTrue(store.tilePyramid(boundaries).isPresent(), "stored beside the boundary set");
      HttpTestClient http = new HttpTestClient(first.port());
      for (String p : paths) {
        HttpResponse<byte[]> r = http.get(p);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, p + " → " + r.statusCode());
        etags.put(p, r.headers().firstValue("ETag").orElseThrow());
        bodies.put(p, r.body());
      }
      assertEquals(paths.size(), first.tileCache().geometryRenders(), "no render on request");
      // the bytes are a render's
      TileRenderer renderer = new TileRenderer(first.live(), new TileGeometryPipeline(4096, 64));
      TileKey k = TilePyramid.keys(first.live().snapshot(), DEFAULT_MAX_ZOOM).get(paths.size() - 1);
      assertArrayEquals(renderer.render(k), bodies.get(paths.get(paths.size() - 1)));
    } finally {
      first.close();
      store.close();
    }

    EmbeddedStore again = new EmbeddedStore(dir.resolve("store"));
    PhaenthiServer second = TestServers.serve(dir, again);
    try {
      assertEquals(0, second.tileCache().geometryRenders(), "loaded, not rendered");
      assertEquals(etags.size(), second.tileCache().pinnedCount(boundaries));
      HttpTestClient http = new HttpTestClient(second.port());
      for (String p : etags.keySet()) {
        HttpResponse<byte[]> r = http.get(p);
        assertEquals(etags.get(p), r.headers().firstValue("ETag").orElseThrow(), p);
        assertArrayEquals(bodies.get(p), r.body(), p);
        // with values: a join onto the pinned tile, still no render
        assertTrue(http.get(p + "?indicator=test:rate&year=2561").statusCode() < 300, p);
      }
      assertEquals(0, second.tileCache().geometryRenders(), "the first requests render nothing");
      assertTrue(second.tileCache().valueJoins() > 0);
    } finally {
      second.close();
      again.close();
    }
  }

  @Test
  void aPyramidStoredForALowerMaxZoomIsLoadedTheRestRenderedAndTheDeeperOneStoredOnce() {
    EmbeddedStore store = TestServers.publishedStore(dir, TestServers.dataset());
    PhaenthiServer low = TestServers.serve(dir, store, "--tile-pyramid-max-zoom", "5");
    String boundaries = low.live().snapshot().boundaryVersion();
    byte[] stored = store.tilePyramid(boundaries).orElseThrow();
    int lowCount = TilePyramid.keys(low.live().snapshot(), 5).size();
    low.close();
    int all;
    PhaenthiServer high = TestServers.serve(dir, store);
    try {
      all = TilePyramid.keys(high.live().snapshot(), DEFAULT_MAX_ZOOM).size();
      assertEquals(all, high.tileCache().pinnedCount(boundaries));
      assertEquals(all - lowCount, high.tileCache().geometryRenders(), "only z6–10 rendered");
      assertTrue(
          store.tilePyramid(boundaries).orElseThrow().length > stored.length,
          "the deeper pyramid replaced the stored one");
    } finally {
      high.close();
    }
    byte[] deeper = store.tilePyramid(boundaries).orElseThrow();
    PhaenthiServer again = TestServers.serve(dir, store);
    try {
      assertEquals(all, again.tileCache().pinnedCount(boundaries));
      assertEquals(0, again.tileCache().geometryRenders(), "the next start renders nothing");
      assertArrayEquals(deeper, store.tilePyramid(boundaries).orElseThrow(), "nor stores");
    } finally {
      again.close();
    }
    // a lower max zoom again pins less and leaves the deeper stored pyramid as it is
    PhaenthiServer lower = TestServers.serve(dir, store, "--tile-pyramid-max-zoom", "5");
    try {
      assertEquals(lowCount, lower.tileCache().pinnedCount(boundaries));
      assertEquals(0, lower.tileCache().geometryRenders());
      assertArrayEquals(deeper, store.tilePyramid(boundaries).orElseThrow());
    } finally {
      lower.close();
      store.close();
    }
  }

  /** A store that refuses the deeper pyramid: its tiles are pinned and served all the same. */
  @Test
  void aDeeperPyramidTheStoreRefusesIsStillServed() {
    EmbeddedStore store = TestServers.publishedStore(dir, TestServers.dataset());
    TestServers.serve(dir, store, "--tile-pyramid-max-zoom", "5").close();
    String boundaries = store.load().boundaryVersion();
    byte[] shallow = store.tilePyramid(boundaries).orElseThrow();
    org.phaenthi.boundaries.store.Store refusing =
        (org.phaenthi.boundaries.store.Store)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {org.phaenthi.boundaries.store.Store.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("putTilePyramid")) {
                    throw new IllegalStateException("the disk is full");
                  }
                  try {
                    return method.invoke(store, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    PhaenthiServer high = TestServers.serve(dir, store.load(), refusing);
    try {
      int all = TilePyramid.keys(high.live().snapshot(), DEFAULT_MAX_ZOOM).size();
      assertEquals(all, high.tileCache().pinnedCount(boundaries), "pinned though not stored");
      assertArrayEquals(shallow, store.tilePyramid(boundaries).orElseThrow(), "the old one stays");
      long renders = high.tileCache().geometryRenders();
      HttpTestClient http = new HttpTestClient(high.port());
      for (String p : paths(high)) {
        int status = http.get(p).statusCode();
        assertTrue(status == 200 || status == 204, p + " → " + status);
      }
      assertEquals(renders, high.tileCache().geometryRenders(), "served from the pinned tiles");
    } finally {
      high.close();
      store.close();
    }
  }

  @Test
  void offWithMinusOneAndAStoredPyramidOfAnotherBoundarySetOrDamagedIsNotLoaded() {
    EmbeddedStore store = TestServers.publishedStore(dir, TestServers.dataset());
    PhaenthiServer off = TestServers.serve(dir, store, "--tile-pyramid-max-zoom", "-1");
    String boundaries = off.live().snapshot().boundaryVersion();
    try {
      assertEquals(0, off.tileCache().pinnedCount(boundaries));
      assertTrue(store.tilePyramid(boundaries).isEmpty());
    } finally {
      off.close();
    }
    TileCache cache = new TileCache(1 << 20, 0, key -> new byte[] {1}, new SimpleMeterRegistry());
    TileKey k =
        new TileKey(
            boundaries, AdminLevel.PROVINCE, new org.phaenthi.tiles.TileCoord(0, 0, 0), null, 0);
    byte[] one = TilePyramid.encode(boundaries, List.of(k), cache);
    TileCache other = new TileCache(1 << 20, 0, key -> new byte[0], new SimpleMeterRegistry());
    assertThrows(IllegalArgumentException.class, () -> TilePyramid.load(one, "b-other", other, 8));
    byte[] cut = java.util.Arrays.copyOf(one, one.length - 3);
    assertThrows(IllegalArgumentException.class, () -> TilePyramid.load(cut, boundaries, other, 8));
    assertEquals(0, other.pinnedCount(boundaries), "a damaged pyramid pins nothing");
    assertEquals(0, TilePyramid.load(one, boundaries, other, -1), "above today's max zoom");
    assertEquals(1, TilePyramid.load(one, boundaries, other, 8));
    assertNotNull(other.peek(k));
    other.retainVersions(java.util.Set.of("b-next"));
    assertEquals(0, other.pinnedCount(boundaries), "dropped with its version");
    store.close();
  }
}
