package org.phaenthi.server.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.PostgisCluster;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.Config;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.tiles.TileKey;
import org.phaenthi.server.tiles.TileRenderer;
import org.phaenthi.tiles.TileCoord;
import org.phaenthi.tiles.TileGeometryPipeline;

/**
 * Cold tiles, per zoom 0–14: our {@link TileRenderer} without a cache against PostGIS {@code
 * ST_AsMVT(ST_AsMVTGeom(...))} over the same unsimplified boundaries (the query Martin runs, as a
 * prepared statement with z/x/y bound, on a table already in EPSG:3857 with a GiST index, the
 * set-up most favourable to PostGIS), for the same tiles. Prints p50/p95 ms of both and the ratio
 * at the subdistrict level, our p95 at every level, and the largest tile per zoom and level (every
 * tile over Thailand up to z8, the random sample above).
 *
 * <p>Tiles are drawn at random where people look: the containing tile of the interior point of a
 * random subdistrict, so dense areas (Bangkok) are drawn as often as they have subdistricts. Both
 * sides get untimed passes first (JIT, PostgreSQL buffers). Not run by CI. From the repository root
 * ({@code cold-tiles.sh} builds the test classes and snapshots them before running):
 *
 * <pre>
 * server/src/bench/cold-tiles.sh --store /tmp/bench/store --tiles 30
 * </pre>
 *
 * Options: {@code --data DIR} (/work/shared/data), {@code --store PATH} (embedded store, imported
 * when out of date), {@code --tiles N} per zoom (30), {@code --min-renders N} per zoom, repeating
 * tiles where fewer exist (20), {@code --max-zoom Z} (14), {@code --postgis false} to time only
 * ours, {@code --seed S}. Needs PostgreSQL 15 and PostGIS for the comparison.
 */
public final class ColdTilesBench {
  private static final AdminLevel COMPARED = AdminLevel.SUBDISTRICT;
  private static final int ALL_TILES_UP_TO_ZOOM = 8;
  private static final String MARTIN_QUERY =
      "SELECT ST_AsMVT(tile, ?, 4096, 'geom', 'id') FROM ("
          + " SELECT code::bigint AS id, code, name_th, name_en,"
          + " ST_AsMVTGeom(geom, ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom"
          + " FROM bench_area"
          + " WHERE level = ? AND geom && ST_TileEnvelope(?, ?, ?, margin => (64.0 / 4096))"
          + ") AS tile WHERE geom IS NOT NULL";

  private ColdTilesBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    int perZoom = Integer.parseInt(opt.getOrDefault("tiles", "30"));
    int maxZoom = Integer.parseInt(opt.getOrDefault("max-zoom", "14"));
    int minRenders = Integer.parseInt(opt.getOrDefault("min-renders", "20"));
    boolean postgis = Boolean.parseBoolean(opt.getOrDefault("postgis", "true"));
    Random random = new Random(Long.parseLong(opt.getOrDefault("seed", "20261124")));
    Dataset ds = dataset(opt);
    TileRenderer renderer = new TileRenderer(new LiveData(ds), new TileGeometryPipeline());
    List<Area> subdistricts = ds.boundaries().areas(COMPARED);
    Map<Integer, List<TileCoord>> samples = new java.util.TreeMap<>();
    for (int z = 0; z <= maxZoom; z++) {
      samples.put(z, sample(subdistricts, z, perZoom, minRenders, random));
    }
    System.out.printf(
        "dataset %s, %d tiles per zoom (fewer distinct at low zooms, repeated to >= %d)%n",
        ds.dataVersion(), perZoom, minRenders);

    // Ours: JIT warm-up (two passes over the whole sample), then timed renders.
    for (int pass = 0; pass < 2; pass++) {
      samples.values().forEach(ts -> ts.forEach(c -> renderer.render(key(ds, COMPARED, c))));
    }
    Map<AdminLevel, Map<Integer, double[]>> ours = new TreeMap<>();
    Map<AdminLevel, Map<Integer, Integer>> largest = new TreeMap<>();
    for (AdminLevel level : AdminLevel.standard()) {
      ours.put(level, new java.util.TreeMap<>());
      largest.put(level, new java.util.TreeMap<>());
      for (int z = 0; z <= maxZoom; z++) {
        List<TileCoord> tiles = samples.get(z);
        double[] ms = new double[tiles.size()];
        int max = 0;
        for (int i = 0; i < ms.length; i++) {
          long t0 = System.nanoTime();
          byte[] b = renderer.render(key(ds, level, tiles.get(i)));
          ms[i] = (System.nanoTime() - t0) / 1e6;
          max = Math.max(max, b.length);
        }
        if (z <= ALL_TILES_UP_TO_ZOOM) {
          for (TileCoord c : TileCoord.covering(ds.boundaries().extent(), z)) {
            max = Math.max(max, renderer.render(key(ds, level, c)).length);
          }
        }
        ours.get(level).put(z, ms);
        largest.get(level).put(z, max);
      }
    }

    Map<Integer, double[]> pg = new java.util.TreeMap<>();
    Map<Integer, Integer> pgLargest = new java.util.TreeMap<>();
    if (postgis) {
      try (PostgisCluster cluster = PostgisCluster.startOrSkip()) {
        String db = "bench";
        cluster.createDatabase(db);
        try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + db, "postgres", "")) {
          load(c, ds);
          timePostgis(c, samples, pg, pgLargest);
        }
      }
    }
    print(ours, largest, pg, pgLargest, maxZoom);
  }

  private static Dataset dataset(Map<String, String> opt) {
    Config config =
        Config.read(
            new String[] {
              "--data", opt.getOrDefault("data", "/work/shared/data"),
              "--store", opt.getOrDefault("store", "/tmp/bench/store")
            },
            Map.of());
    try (Store store = DataBootstrap.openStore(config.store())) {
      return DataBootstrap.prepare(config, store);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static TileKey key(Dataset ds, AdminLevel level, TileCoord c) {
    return new TileKey(ds.dataVersion(), level, c, null, 0);
  }

  /**
   * Up to {@code n} distinct tiles under random subdistricts, repeated to at least {@code
   * minRenders} renders (z0 has one tile: its p95 needs repeats to mean anything).
   */
  static List<TileCoord> sample(List<Area> areas, int z, int n, int minRenders, Random random) {
    Set<TileCoord> distinct = new LinkedHashSet<>();
    for (int tries = 0; distinct.size() < n && tries < n * 50; tries++) {
      Point p = areas.get(random.nextInt(areas.size())).geometry().getInteriorPoint();
      distinct.add(TileCoord.containing(p.getX(), p.getY(), z));
    }
    List<TileCoord> out = new ArrayList<>(distinct);
    for (int i = 0; out.size() < minRenders; i++) {
      out.add(out.get(i));
    }
    return out;
  }

  /** The same unsimplified boundaries, in EPSG:3857 with a GiST index, as Martin would serve. */
  static void load(Connection c, Dataset ds) throws SQLException {
    long t0 = System.nanoTime();
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE bench_area (code text PRIMARY KEY, level text NOT NULL, name_th text,"
              + " name_en text, geom geometry(MultiPolygon, 3857) NOT NULL)");
    }
    WKBWriter wkb = new WKBWriter();
    try (PreparedStatement ins =
        c.prepareStatement(
            "INSERT INTO bench_area VALUES (?, ?, ?, ?,"
                + " ST_Transform(ST_Multi(ST_SetSRID(ST_GeomFromWKB(?), 4326)), 3857))")) {
      for (AdminLevel level : AdminLevel.standard()) {
        for (Area a : ds.boundaries().areas(level)) {
          ins.setString(1, a.code());
          ins.setString(2, level.urlName());
          ins.setString(3, a.nameTh());
          ins.setString(4, a.nameEn());
          ins.setBytes(5, wkb.write(a.geometry()));
          ins.addBatch();
        }
        ins.executeBatch();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE INDEX bench_area_geom ON bench_area USING GIST (geom)");
      s.execute("CREATE INDEX bench_area_level ON bench_area (level)");
      s.execute("VACUUM ANALYZE bench_area");
    }
    System.out.printf("PostGIS table loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  static void timePostgis(
      Connection c,
      Map<Integer, List<TileCoord>> samples,
      Map<Integer, double[]> times,
      Map<Integer, Integer> largest)
      throws SQLException {
    try (PreparedStatement q = c.prepareStatement(MARTIN_QUERY)) {
      for (boolean timed : new boolean[] {false, true}) {
        for (Map.Entry<Integer, List<TileCoord>> e : samples.entrySet()) {
          List<TileCoord> tiles = e.getValue();
          double[] ms = new double[tiles.size()];
          int max = 0;
          for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            byte[] b = postgisTile(q, tiles.get(i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
            max = Math.max(max, b == null ? 0 : b.length);
            if (!timed) {
              break; // one tile per zoom warms the buffers and the plan
            }
          }
          if (timed) {
            times.put(e.getKey(), ms);
            largest.put(e.getKey(), max);
          }
        }
      }
    }
  }

  private static byte[] postgisTile(PreparedStatement q, TileCoord t) throws SQLException {
    q.setString(1, COMPARED.urlName());
    q.setInt(2, t.z());
    q.setInt(3, t.x());
    q.setInt(4, t.y());
    q.setString(5, COMPARED.urlName());
    q.setInt(6, t.z());
    q.setInt(7, t.x());
    q.setInt(8, t.y());
    try (ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getBytes(1);
    }
  }

  private static void print(
      Map<AdminLevel, Map<Integer, double[]>> ours,
      Map<AdminLevel, Map<Integer, Integer>> largest,
      Map<Integer, double[]> pg,
      Map<Integer, Integer> pgLargest,
      int maxZoom) {
    System.out.println();
    System.out.println(
        "| z | tiles | ours p50 ms | ours p95 ms | PostGIS p50 ms | PostGIS p95 ms |"
            + " PostGIS/ours (p50) | largest ours KB | largest PostGIS KB (sample) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int z = 0; z <= maxZoom; z++) {
      double[] o = ours.get(COMPARED).get(z);
      double[] p = pg.get(z);
      System.out.printf(
          "| %d | %d | %.1f | %.1f | %s | %s | %s | %.1f | %s |%n",
          z,
          o.length,
          pct(o, 50),
          pct(o, 95),
          p == null ? "–" : String.format("%.1f", pct(p, 50)),
          p == null ? "–" : String.format("%.1f", pct(p, 95)),
          p == null ? "–" : String.format("%.1f×", pct(p, 50) / pct(o, 50)),
          largest.get(COMPARED).get(z) / 1024.0,
          p == null ? "–" : String.format("%.1f", pgLargest.get(z) / 1024.0));
    }
    System.out.println();
    System.out.println(
        "| z | province p95 ms | largest KB | district p95 ms | largest KB |"
            + " subdistrict p95 ms | largest KB |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int z = 0; z <= maxZoom; z++) {
      StringBuilder row = new StringBuilder("| " + z + " |");
      for (AdminLevel level : AdminLevel.standard()) {
        row.append(
            String.format(
                " %.1f | %.1f |",
                pct(ours.get(level).get(z), 95), largest.get(level).get(z) / 1024.0));
      }
      System.out.println(row);
    }
  }

  static double pct(double[] values, int p) {
    double[] s = values.clone();
    Arrays.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, i))];
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }
}
