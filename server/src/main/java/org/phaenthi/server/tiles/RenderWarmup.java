package org.phaenthi.server.tiles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.server.Snapshot;
import org.phaenthi.tiles.TileCoord;

/**
 * Trains the JIT on the render path before the first client needs it. With the low-zoom pyramid
 * loaded from the store, a warm start renders nothing, so the first tiles asked for above the
 * pyramid ran the clipper, the grid transform, the MVT encoder and gzip in the interpreter: 30–57
 * ms p95 at the first zoom rendered on request (BENCHMARKS.md section 3), against 2–4 ms warm. This
 * renders tiles of every level at the four zooms above the pyramid, under areas spread over each
 * level, and throws them away ({@link TileCache#renderDiscarded}: nothing is cached, counted or
 * timed, so the first real request of those tiles is still a render). A dozen renders was not
 * enough (session 4): the compiled code of the hot loops only arrives after several hundred
 * thousand vertices, so the default is a few hundred tiles, bounded by time.
 */
public final class RenderWarmup {
  private RenderWarmup() {}

  /**
   * What {@link #run} did.
   *
   * @param renders tiles rendered and thrown away
   * @param planned tiles it would have rendered without the time bound
   */
  public record Outcome(int renders, int planned, long millis) {}

  /** The zooms warmed above a pyramid up to {@code pyramidMaxZoom} (−1: none). */
  static final int ZOOMS = 4;

  /**
   * Up to {@code perZoom} distinct geometry tiles per level and zoom, from the zoom above the
   * pyramid for {@link #ZOOMS} zooms (at most 14): the tiles under the centres of areas taken at
   * even steps through the level, so every region and every band of detail is drawn. Zooms are
   * interleaved, lowest first, so a warm-up cut short by its time bound has covered each.
   */
  public static List<TileKey> keys(Snapshot s, int pyramidMaxZoom, int perZoom) {
    int from = Math.max(0, pyramidMaxZoom + 1);
    int to = Math.min(14, from + ZOOMS - 1);
    List<List<TileKey>> byLevelZoom = new ArrayList<>();
    for (AdminLevel level : s.dataset().boundaries().levels().withGeometry()) {
      List<Area> areas = s.dataset().boundaries().areas(level);
      if (areas.isEmpty()) {
        continue;
      }
      for (int z = from; z <= to; z++) {
        Set<TileKey> tiles = new LinkedHashSet<>();
        int step = Math.max(1, areas.size() / Math.max(1, perZoom));
        for (int i = 0; i < areas.size() && tiles.size() < perZoom; i += step) {
          Envelope b = areas.get(i).bbox();
          if (b == null || b.isNull()) {
            continue;
          }
          TileCoord c = TileCoord.containing(b.centre().x, b.centre().y, z);
          tiles.add(new TileKey(s.boundaryVersion(), level, c, null, 0));
        }
        byLevelZoom.add(new ArrayList<>(tiles));
      }
    }
    List<TileKey> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      boolean any = false;
      for (List<TileKey> l : byLevelZoom) {
        if (i < l.size()) {
          out.add(l.get(i));
          any = true;
        }
      }
      if (!any) {
        return out;
      }
    }
  }

  /**
   * Renders {@code keys} in order and throws the tiles away, until done or {@code budgetMillis}
   * have passed; a tile that fails is skipped (the request that asks for it will report it).
   */
  public static Outcome run(TileCache cache, List<TileKey> keys, long budgetMillis) {
    long t0 = System.nanoTime();
    long deadline = t0 + budgetMillis * 1_000_000L;
    int n = 0;
    for (TileKey k : keys) {
      if (System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) {
        break;
      }
      try {
        cache.renderDiscarded(k);
      } catch (RuntimeException e) {
        continue;
      }
      n++;
    }
    return new Outcome(n, keys.size(), (System.nanoTime() - t0) / 1_000_000);
  }
}
