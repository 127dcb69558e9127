package org.phaenthi.server.export;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.Area;

/**
 * The TopoJSON topology of a level (optionally under a parent), built once per boundary set and
 * kept, bounded by heap bytes: the topology does not depend on the indicator or year asked, and
 * building it costs far more heap than keeping it (the subdistrict level's junction search holds a
 * map entry per vertex; the finished arcs are 8 bytes a vertex). Concurrent requests for the same
 * topology wait for the one build: the first caller builds it in its own thread, the others get its
 * future (Caffeine's async cache with a caller-runs executor, so no map lock is held while
 * building).
 */
public final class TopologyCache {
  /** A built topology with the grid it was quantized to. */
  public record Entry(
      TopologyBuilder.Topology topology,
      Envelope extent,
      double x0,
      double y0,
      double scale,
      long bytes) {
    public Entry {
      extent = new Envelope(extent); // JTS envelopes are mutable: a copy of our own
    }

    /** A copy of the extent (the caller may change it). */
    @Override
    public Envelope extent() {
      return new Envelope(extent);
    }
  }

  private final AsyncCache<String, Entry> cache;
  private final AtomicLong builds = new AtomicLong();

  public TopologyCache(long maxBytes) {
    this.cache =
        Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumWeight(maxBytes)
            .weigher((String k, Entry e) -> (int) Math.min(Integer.MAX_VALUE, e.bytes()))
            .buildAsync();
  }

  /** The topology of these areas (CRS84), built with {@link #build} once per key. */
  public Entry get(String key, List<Area> areas) {
    return get(key, areas, Crs.CRS84);
  }

  /**
   * The topology of these areas in {@code crs} (its file axis order: easting or longitude first),
   * built once per key: the coverage is reprojected first and quantized in that CRS (1e-6° or 0.1
   * m), so neighbours still share their arcs (a vertex has one image) and the grid is even in the
   * units written.
   */
  public Entry get(String key, List<Area> areas, Crs crs) {
    try {
      return cache.get(key, k -> build(areas, crs.forFiles())).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Topologies built since the start (a cache miss each). */
  public long builds() {
    return builds.get();
  }

  private Entry build(List<Area> areas, Crs crs) {
    builds.incrementAndGet();
    List<org.locationtech.jts.geom.Geometry> geometries =
        areas.stream().map(a -> crs.fromCrs84(a.geometry())).toList();
    Envelope ext = new Envelope();
    geometries.forEach(g -> ext.expandToInclude(g.getEnvelopeInternal()));
    double x0 = ext.isNull() ? 0 : Math.floor(ext.getMinX());
    double y0 = ext.isNull() ? 0 : Math.floor(ext.getMinY());
    double scale =
        crs.geographic() ? TopoJsonExporter.SCALE_DEGREES : TopoJsonExporter.SCALE_METRES;
    TopologyBuilder b = new TopologyBuilder(x0, y0, scale);
    geometries.forEach(b::add);
    TopologyBuilder.Topology t = b.build();
    long bytes = 64;
    for (long[] arc : t.arcs()) {
      bytes += 16 + 8L * arc.length;
    }
    for (int[][][] g : t.geometries()) {
      bytes += 16;
      for (int[][] p : g) {
        bytes += 16;
        for (int[] r : p) {
          bytes += 16 + 4L * r.length;
        }
      }
    }
    return new Entry(t, ext, x0, y0, scale, bytes);
  }
}
