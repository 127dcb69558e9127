package org.phaenthi.server.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.server.Config;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.TestServers;

/**
 * The start-up render warm-up: which tiles it renders (every level, the four zooms above the
 * pyramid, spread over the areas, interleaved so a cut-short run covers each zoom), that it keeps
 * nothing (no cached tile, no counted render: the first request of a warmed tile is still a render
 * with the bytes a render gives), its time bound, and its configuration.
 */
class RenderWarmupTest {
  @TempDir Path dir;

  @Test
  void tilesOfEveryLevelAtTheFourZoomsAboveThePyramid() {
    EmbeddedStore store = TestServers.publishedStore(dir, TestServers.dataset());
    try (PhaenthiServer server = TestServers.serve(dir, store, "--tile-warmup-ms", "0")) {
      Snapshot s = server.live().snapshot();
      List<TileKey> keys = RenderWarmup.keys(s, 8, 5);
      assertEquals(
          Set.of(9, 10, 11, 12), keys.stream().map(k -> k.coord().z()).collect(Collectors.toSet()));
      Set<AdminLevel> levels = keys.stream().map(TileKey::level).collect(Collectors.toSet());
      assertEquals(Set.copyOf(s.dataset().boundaries().levels().withGeometry()), levels);
      assertEquals(keys.size(), new HashSet<>(keys).size(), "each tile once");
      for (TileKey k : keys) {
        assertNull(k.indicator(), "geometry tiles");
        assertEquals(s.boundaryVersion(), k.dataVersion());
      }
      for (AdminLevel l : levels) {
        for (int z = 9; z <= 12; z++) {
          int zoom = z;
          long n = keys.stream().filter(k -> k.level() == l && k.coord().z() == zoom).count();
          assertTrue(n >= 1 && n <= 5, l + " z" + z + ": " + n);
        }
      }
      // interleaved: the first tiles already span every zoom and level
      int groups = levels.size() * 4;
      assertEquals(
          groups,
          keys.subList(0, groups).stream()
              .map(k -> k.level() + "/" + k.coord().z())
              .distinct()
              .count());
      // no pyramid: z0–3; a pyramid to 12: z13–14 only
      assertEquals(
          Set.of(0, 1, 2, 3),
          RenderWarmup.keys(s, -1, 3).stream().map(k -> k.coord().z()).collect(Collectors.toSet()));
      assertEquals(
          Set.of(13, 14),
          RenderWarmup.keys(s, 12, 3).stream().map(k -> k.coord().z()).collect(Collectors.toSet()));
    } finally {
      store.close();
    }
  }

  @Test
  void rendersKeepNothingAndTheFirstRequestIsStillARender() {
    EmbeddedStore store = TestServers.publishedStore(dir, TestServers.dataset());
    try (PhaenthiServer server = TestServers.serve(dir, store, "--tile-warmup-ms", "0")) {
      TileCache cache = server.tileCache();
      List<TileKey> keys = RenderWarmup.keys(server.live().snapshot(), 10, 3);
      long size = cache.size();
      long renders = cache.geometryRenders(); // the pyramid's, at this first start
      RenderWarmup.Outcome o = RenderWarmup.run(cache, keys, 60_000);
      assertEquals(keys.size(), o.renders());
      assertEquals(keys.size(), o.planned());
      assertEquals(size, cache.size(), "nothing cached");
      assertEquals(renders, cache.geometryRenders(), "nothing counted");
      for (TileKey k : keys) {
        assertNull(cache.peek(k), k.toString());
      }
      TileKey k = keys.get(0);
      HttpTestClient http = new HttpTestClient(server.port());
      int status = http.get(TestServers.tilePath(k)).statusCode();
      assertTrue(status == 200 || status == 204, "status " + status);
      assertEquals(renders + 1, cache.geometryRenders(), "rendered on request");
      // a spent time bound renders nothing
      assertEquals(0, RenderWarmup.run(cache, keys, 0).renders());
    } finally {
      store.close();
    }
  }

  @Test
  void theDefaultServerWarmsUpBeforeItsPortOpensAndTheBoundIsChecked() {
    EmbeddedStore store = TestServers.publishedStore(dir, TestServers.dataset());
    try (PhaenthiServer server = TestServers.serve(dir, store)) {
      assertEquals(
          TilePyramid.keys(server.live().snapshot(), 10).size(),
          server.tileCache().geometryRenders(),
          "the pyramid's renders only: the warm-up is not counted");
      assertEquals(200, new HttpTestClient(server.port()).get("/health").statusCode());
    } finally {
      store.close();
    }
    assertEquals(1500, Config.read(new String[] {}, Map.of()).tiles().warmupMillis());
    assertEquals(
        0,
        Config.read(new String[] {}, Map.of("PHAENTHI_TILE_WARMUP_MS", "0"))
            .tiles()
            .warmupMillis());
    assertThrows(
        Config.ConfigException.class,
        () -> Config.read(new String[] {"--tile-warmup-ms", "-1"}, Map.of()));
    assertThrows(
        Config.ConfigException.class,
        () -> Config.read(new String[] {"--tile-warmup-ms", "soon"}, Map.of()));
  }
}
