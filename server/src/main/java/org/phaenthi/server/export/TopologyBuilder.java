package org.phaenthi.server.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns a polygon coverage into TopoJSON topology: rings are quantized to an integer grid, cut at
 * <b>junctions</b> (points where the set of neighbouring areas changes: where three areas meet, or
 * where a shared border reaches the outside), and each resulting arc is stored once. A neighbour
 * walks a shared border the other way, so it references the same arc reversed ({@code ~i}).
 *
 * <p>Exact sharing needs exactly equal vertices along shared borders, which a clean coverage (and
 * the gap-free bands) have; where the input's neighbours do not share vertices, their arcs simply
 * stay separate. Rings keep the RFC 7946 orientation (exterior counter-clockwise).
 */
public final class TopologyBuilder {
  private final double x0;
  private final double y0;
  private final double scale;

  /** Per geometry, per polygon, per ring: cyclic quantized points without the closing repeat. */
  private final List<List<List<long[]>>> geometries = new ArrayList<>();

  /** A point's first-seen neighbour pair (smaller, larger), to detect junctions. */
  private final Map<Long, long[]> neighbours = new HashMap<>();

  private final Set<Long> junctions = new HashSet<>();

  /**
   * @param scale grid step in degrees (1e-6 ≈ 0.1 m, as GeoJSON's 6 decimals)
   */
  public TopologyBuilder(double x0, double y0, double scale) {
    this.x0 = x0;
    this.y0 = y0;
    this.scale = scale;
  }

  /**
   * The topology: arcs as quantized points, geometries as arc references per polygon ring. The
   * lists are unmodifiable; their arrays are made by {@link #build} and never changed after it (a
   * topology is cached and shared by every request, see {@link TopologyCache}).
   */
  public record Topology(List<long[]> arcs, List<int[][][]> geometries) {
    public Topology {
      arcs = List.copyOf(arcs);
      geometries = List.copyOf(geometries);
    }
  }

  /** Adds one (multi)polygon; returns its index. Empty or collapsed rings are dropped. */
  public int add(Geometry g) {
    List<List<long[]>> polys = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      List<long[]> rings = new ArrayList<>();
      long[] shell = ring(p.getExteriorRing().getCoordinateSequence(), true);
      if (shell == null) {
        continue;
      }
      rings.add(shell);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        long[] hole = ring(p.getInteriorRingN(h).getCoordinateSequence(), false);
        if (hole != null) {
          rings.add(hole);
        }
      }
      rings.forEach(this::noteNeighbours);
      polys.add(rings);
    }
    geometries.add(polys);
    return geometries.size() - 1;
  }

  public static int x(long key) {
    return (int) (key >>> 32);
  }

  public static int y(long key) {
    return (int) key;
  }

  private long[] ring(CoordinateSequence seq, boolean ccw) {
    long[] pts = new long[seq.size()];
    int n = 0;
    for (int i = 0; i < seq.size(); i++) {
      long qx = Math.round((seq.getX(i) - x0) / scale);
      long qy = Math.round((seq.getY(i) - y0) / scale);
      long key = (qx << 32) | (qy & 0xffffffffL);
      if (n == 0 || pts[n - 1] != key) {
        pts[n++] = key;
      }
    }
    while (n > 1 && pts[n - 1] == pts[0]) {
      n--;
    }
    if (n < 3) {
      return null;
    }
    long[] ring = Arrays.copyOf(pts, n);
    double area2 = 0;
    for (int i = 0; i < n; i++) {
      long a = ring[i];
      long b = ring[(i + 1) % n];
      area2 += (double) x(a) * y(b) - (double) x(b) * y(a);
    }
    if (area2 == 0) {
      return null;
    }
    if ((area2 > 0) != ccw) {
      reverse(ring);
    }
    return ring;
  }

  private void noteNeighbours(long[] ring) {
    int n = ring.length;
    for (int i = 0; i < n; i++) {
      long prev = ring[(i + n - 1) % n];
      long next = ring[(i + 1) % n];
      long[] pair = {Math.min(prev, next), Math.max(prev, next)};
      long[] seen = neighbours.putIfAbsent(ring[i], pair);
      if (seen != null && (seen[0] != pair[0] || seen[1] != pair[1])) {
        junctions.add(ring[i]);
      }
    }
  }

  public Topology build() {
    List<long[]> arcs = new ArrayList<>();
    Map<ArcKey, Integer> index = new HashMap<>();
    List<int[][][]> out = new ArrayList<>();
    for (List<List<long[]>> polys : geometries) {
      int[][][] g = new int[polys.size()][][];
      for (int p = 0; p < polys.size(); p++) {
        List<long[]> rings = polys.get(p);
        g[p] = new int[rings.size()][];
        for (int r = 0; r < rings.size(); r++) {
          g[p][r] = cut(rings.get(r), arcs, index);
        }
      }
      out.add(g);
    }
    neighbours.clear();
    return new Topology(arcs, out);
  }

  /** The ring's arc references: cut at junctions, or the whole ring from its smallest point. */
  private int[] cut(long[] ring, List<long[]> arcs, Map<ArcKey, Integer> index) {
    int n = ring.length;
    int start = -1;
    for (int i = 0; i < n && start < 0; i++) {
      if (junctions.contains(ring[i])) {
        start = i;
      }
    }
    List<Integer> refs = new ArrayList<>();
    if (start < 0) {
      int min = 0;
      for (int i = 1; i < n; i++) {
        min = ring[i] < ring[min] ? i : min;
      }
      long[] closed = new long[n + 1];
      for (int i = 0; i <= n; i++) {
        closed[i] = ring[(min + i) % n];
      }
      refs.add(ref(closed, arcs, index));
    } else {
      List<Long> current = new ArrayList<>();
      current.add(ring[start]);
      for (int k = 1; k <= n; k++) {
        long pt = ring[(start + k) % n];
        current.add(pt);
        if (k == n || junctions.contains(pt)) {
          refs.add(ref(current.stream().mapToLong(Long::longValue).toArray(), arcs, index));
          current.clear();
          current.add(pt);
        }
      }
    }
    return refs.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int ref(long[] arc, List<long[]> arcs, Map<ArcKey, Integer> index) {
    Integer i = index.get(new ArcKey(arc));
    if (i != null) {
      return i;
    }
    long[] rev = arc.clone();
    reverse(rev);
    i = index.get(new ArcKey(rev));
    if (i != null) {
      return ~i;
    }
    arcs.add(arc);
    index.put(new ArcKey(arc), arcs.size() - 1);
    return arcs.size() - 1;
  }

  private static void reverse(long[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private record ArcKey(long[] points) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ArcKey k && Arrays.equals(points, k.points);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(points);
    }
  }
}
