package org.phaenthi.server.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.PostgisCluster;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.Config;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.tiles.TileCoord;

/**
 * Uncached tiles as a client sees them right after a restart: in this fresh JVM, opens the store,
 * starts the real server (the low-zoom pyramid loaded from the store, or rendered and stored when
 * it is not there) and prints how long that took; then asks, over HTTP with gzip, for tiles nobody
 * asked for yet, zoom 0 to 14 in that order, each once, and prints p50/p95 per zoom and level of
 * the whole request. No warm-up: the first renders pay the JIT, as after a real restart. With
 * PostGIS, the same subdistrict tiles from {@code ST_AsMVT(ST_AsMVTGeom(...))} (as {@link
 * ColdTilesBench} runs it, warmed) and the ratio at z ≤ 8. Not run by CI:
 *
 * <pre>
 * server/src/bench/cold-tiles.sh --class FirstRequestBench --store /tmp/bench/store --tiles 30
 * </pre>
 *
 * Run it twice: the first run on a new store imports and renders the pyramid (a cold start), the
 * second is the warm start every restart and every other node gets. Options as {@link
 * ColdTilesBench}: {@code --data}, {@code --store}, {@code --tiles N} distinct tiles per zoom and
 * level (30; fewer exist at low zooms), {@code --postgis false}, {@code --seed S}, {@code
 * --pyramid-max-zoom Z} (10, as {@code --tile-pyramid-max-zoom}), {@code --warmup-ms M} (as {@code
 * --tile-warmup-ms}; 0 is the server without the start-up render warm-up), {@code --trace true} (a
 * marker line before each zoom and level, to read beside {@code -XX:+PrintCompilation}), {@code
 * --wait-ready true} (ask only once {@code /health/ready} says 200, as a load balancer would send
 * traffic; the time to ready is printed either way).
 */
public final class FirstRequestBench {
  private FirstRequestBench() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long t0 = System.nanoTime();
    Map<String, String> opt = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].substring(2), args[i + 1]);
    }
    int perZoom = Integer.parseInt(opt.getOrDefault("tiles", "30"));
    boolean postgis = Boolean.parseBoolean(opt.getOrDefault("postgis", "true"));
    Random random = new Random(Long.parseLong(opt.getOrDefault("seed", "20261202")));
    List<String> args0 =
        new ArrayList<>(
            List.of(
                "--data",
                opt.getOrDefault("data", "/work/shared/data"),
                "--store",
                opt.getOrDefault("store", "/tmp/bench/store"),
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--access-log",
                "false",
                "--tile-pyramid-max-zoom",
                opt.getOrDefault("pyramid-max-zoom", "10")));
    if (opt.containsKey("warmup-ms")) {
      args0.addAll(List.of("--tile-warmup-ms", opt.get("warmup-ms")));
    }
    Config config = Config.read(args0.toArray(new String[0]), Map.of());
    Store store = DataBootstrap.openStore(config.store());
    Dataset ds = DataBootstrap.prepare(config, store);
    long loaded = System.nanoTime();
    PhaenthiServer server = new PhaenthiServer(config, new LiveData(ds), store).start();
    long started = System.nanoTime();
    System.out.printf(
        "start: store read %.2f s, server with pyramid %.2f s (%d tiles pinned, %d rendered),"
            + " %.2f s in all, %.2f s since the JVM started%n",
        (loaded - t0) / 1e9,
        (started - loaded) / 1e9,
        server.tileCache().pinnedCount(ds.boundaryVersion()),
        server.tileCache().geometryRenders(),
        (started - t0) / 1e9,
        (System.currentTimeMillis() - jvmStart) / 1e3);
    long rendersAtStart = server.tileCache().geometryRenders();
    if (Boolean.parseBoolean(opt.getOrDefault("wait-ready", "false"))) {
      while (!server.readiness().ready()) {
        Thread.sleep(5);
      }
      System.out.printf(
          "ready: %.2f s after the server started, %.2f s since the JVM started%n",
          (System.nanoTime() - started) / 1e9, (System.currentTimeMillis() - jvmStart) / 1e3);
    } else {
      Thread readyWatch =
          new Thread(
              () -> {
                while (!server.readiness().ready()) {
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
                System.out.printf(
                    "ready (while the tiles were asked): %.2f s after the server started%n",
                    (System.nanoTime() - started) / 1e9);
              });
      readyWatch.setDaemon(true);
      readyWatch.start();
    }

    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + server.port();
    // the client's own first request loads its classes (50–100 ms): not the server's time
    http.send(
        HttpRequest.newBuilder(URI.create(base + "/health")).build(),
        HttpResponse.BodyHandlers.discarding());
    List<Area> subdistricts = ds.boundaries().areas(AdminLevel.SUBDISTRICT);
    Map<AdminLevel, Map<Integer, double[]>> ours = new java.util.TreeMap<>();
    Map<AdminLevel, Map<Integer, double[]>> cpu = new java.util.TreeMap<>();
    TreeMap<Integer, List<TileCoord>> samples = new TreeMap<>();
    for (int z = 0; z <= 14; z++) {
      samples.put(z, distinct(subdistricts, z, perZoom, random));
    }
    boolean trace = Boolean.parseBoolean(opt.getOrDefault("trace", "false"));
    for (int z = 0; z <= 14; z++) {
      for (AdminLevel level : AdminLevel.standard()) {
        if (trace) {
          System.out.println(
              "=== z" + z + " " + level.urlName()); // between -XX:+PrintCompilation lines
        }
        List<TileCoord> tiles = samples.get(z);
        double[] ms = new double[tiles.size()];
        double[] cpuMs = new double[tiles.size()];
        for (int i = 0; i < ms.length; i++) {
          TileCoord c = tiles.get(i);
          HttpRequest r =
              HttpRequest.newBuilder(
                      URI.create(
                          base
                              + "/tiles/"
                              + level.urlName()
                              + "/"
                              + c.z()
                              + "/"
                              + c.x()
                              + "/"
                              + c.y()
                              + ".mvt"))
                  .header("Accept-Encoding", "gzip")
                  .build();
          long cpu0 = serverCpuNanos();
          long s = System.nanoTime();
          HttpResponse<byte[]> res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
          ms[i] = (System.nanoTime() - s) / 1e6;
          cpuMs[i] = (serverCpuNanos() - cpu0) / 1e6;
          if (res.statusCode() != 200 && res.statusCode() != 204) {
            throw new IllegalStateException(r.uri() + " → " + res.statusCode());
          }
        }
        ours.computeIfAbsent(level, l -> new TreeMap<>()).put(z, ms);
        cpu.computeIfAbsent(level, l -> new TreeMap<>()).put(z, cpuMs);
      }
    }
    System.out.printf(
        "renders on request: %d (the pyramid's tiles were answered without one)%n",
        server.tileCache().geometryRenders() - rendersAtStart);
    server.close();
    store.close();

    Map<Integer, double[]> pg = new TreeMap<>();
    if (postgis) {
      Map<Integer, List<TileCoord>> upTo8 = new TreeMap<>(samples.headMap(9));
      try (PostgisCluster cluster = PostgisCluster.startOrSkip()) {
        cluster.createDatabase("bench");
        try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/bench", "postgres", "")) {
          ColdTilesBench.load(c, ds);
          ColdTilesBench.timePostgis(c, upTo8, pg, new TreeMap<>());
        }
      }
    }
    System.out.println();
    System.out.println(
        "| z | tiles | province p95 ms | district p95 ms | subdistrict p50 ms | subdistrict p95 ms"
            + " | PostGIS p50 ms | PostGIS p95 ms | PostGIS/ours p50 | PostGIS/ours p95 |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (int z = 0; z <= 14; z++) {
      double[] sub = ours.get(AdminLevel.SUBDISTRICT).get(z);
      double[] p = pg.get(z);
      System.out.printf(
          "| %d | %d | %.1f | %.1f | %.1f | %.1f | %s | %s | %s | %s |%n",
          z,
          sub.length,
          ColdTilesBench.pct(ours.get(AdminLevel.PROVINCE).get(z), 95),
          ColdTilesBench.pct(ours.get(AdminLevel.DISTRICT).get(z), 95),
          ColdTilesBench.pct(sub, 50),
          ColdTilesBench.pct(sub, 95),
          p == null ? "–" : String.format("%.1f", ColdTilesBench.pct(p, 50)),
          p == null ? "–" : String.format("%.1f", ColdTilesBench.pct(p, 95)),
          p == null
              ? "–"
              : String.format("%.0f×", ColdTilesBench.pct(p, 50) / ColdTilesBench.pct(sub, 50)),
          p == null
              ? "–"
              : String.format("%.0f×", ColdTilesBench.pct(p, 95) / ColdTilesBench.pct(sub, 95)));
    }
    // CPU time of the server's threads per request: what the render path cost, interpreted or
    // compiled, without the time spent waiting for a core on a loaded machine
    System.out.println();
    System.out.println(
        "server threads' CPU ms per request, p95 (p50): z | province | district | subdistrict");
    for (int z = 0; z <= 14; z++) {
      StringBuilder line = new StringBuilder("| " + z);
      for (AdminLevel level : AdminLevel.standard()) {
        double[] c = cpu.get(level).get(z);
        line.append(
            String.format(" | %.1f (%.1f)", ColdTilesBench.pct(c, 95), ColdTilesBench.pct(c, 50)));
      }
      System.out.println(line.append(" |"));
    }
    // which requests were slow: the first ones of a zoom (the JIT) or any (the load)
    System.out.println();
    System.out.println(
        "first three requests and the slowest, ms (province / district / subdistrict):");
    for (int z = 9; z <= 14; z++) {
      StringBuilder line = new StringBuilder("z" + z + ":");
      for (AdminLevel level : AdminLevel.standard()) {
        double[] ms = ours.get(level).get(z);
        line.append(" [");
        for (int i = 0; i < Math.min(3, ms.length); i++) {
          line.append(String.format("%s%.1f", i == 0 ? "" : " ", ms[i]));
        }
        line.append(String.format(" | max %.1f]", java.util.Arrays.stream(ms).max().orElse(0)));
      }
      System.out.println(line);
    }
    System.exit(0);
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean();

  /**
   * CPU time so far of every live thread but this one and the HTTP client's (Jetty's pool and
   * selectors, the fork-join pool): the server's side of a request. The JIT's compiler threads and
   * the GC are not Java threads and are not counted.
   */
  private static long serverCpuNanos() {
    long self = Thread.currentThread().getId();
    long sum = 0;
    for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (t == null || t.getThreadId() == self || t.getThreadName().startsWith("HttpClient")) {
        continue;
      }
      long c = THREADS.getThreadCpuTime(t.getThreadId());
      sum += Math.max(0, c);
    }
    return sum;
  }

  /** Up to {@code n} distinct tiles under random subdistricts (no repeats: a repeat is cached). */
  private static List<TileCoord> distinct(List<Area> areas, int z, int n, Random random) {
    LinkedHashSet<TileCoord> out = new LinkedHashSet<>();
    for (int tries = 0; out.size() < n && tries < n * 50; tries++) {
      var p = areas.get(random.nextInt(areas.size())).geometry().getInteriorPoint();
      out.add(TileCoord.containing(p.getX(), p.getY(), z));
    }
    return new ArrayList<>(out);
  }
}
