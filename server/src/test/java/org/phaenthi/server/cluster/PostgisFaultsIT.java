package org.phaenthi.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.store.PostgisCluster;
import org.phaenthi.server.reliability.MixedLoad;

/**
 * Issue #15, the reliability suite's "PostGIS stop/start and kill under load": a node on a PostGIS
 * store of its own throwaway cluster (its own {@code initdb} on a free loopback port, so the shared
 * cluster of the machine is never touched; deleted at the end), under a closed-loop mixed load
 * (cached and cold tiles, values, search, OGC items, CSV downloads) while (1) every backend of its
 * database is killed with {@code pg_terminate_backend}, five times a second apart, and (2) the
 * cluster is stopped for 3 s and started again. Passes when no answer is a 5xx other than 503, no
 * request fails at the transport level, cached tiles are answered (200) throughout, and every kind
 * is answered 200 again within 15 s of the restart. Prints the figures.
 */
class PostgisFaultsIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @TempDir Path tmp;

  @Test
  void killedBackendsAndARestartUnderLoadGiveOnly503AndRecover() throws Exception {
    try (PostgisCluster cluster = PostgisCluster.startOrSkip()) {
      Path data = ClusterTestData.dataDir(tmp, "data", false);
      String url = cluster.createDatabase("faults");
      try (ClusterNode node =
          ClusterNode.start(
              url,
              data,
              "--admin-token",
              "it-admin-token",
              "--cache-control",
              "public, max-age=1")) {
        String base = "http://127.0.0.1:" + node.port();
        List<String> cached = MixedLoad.tiles("subdistrict", 9, 98.2, 7.7, 98.5, 8.2);
        cached.addAll(MixedLoad.tiles("district", 10, 98.2, 7.7, 98.5, 8.2));
        for (String t : cached) {
          int code = status(base + t);
          assertTrue(code == 200 || code == 204, "warm " + t + ": " + code);
        }
        // cold: never asked before the load, each one a render (and a store read) at first
        List<String> cold = MixedLoad.tiles("subdistrict", 13, 98.25, 7.75, 98.45, 8.15);
        String ind = "indicator=tpmap:households_surveyed&year=2561";
        MixedLoad load =
            new MixedLoad(
                base,
                List.of(
                    new MixedLoad.Kind("cached tiles", 40, cached),
                    new MixedLoad.Kind("cold tiles", 15, cold),
                    new MixedLoad.Kind(
                        "values",
                        15,
                        List.of(
                            "/api/values?level=subdistrict&" + ind,
                            "/api/levels",
                            "/api/indicators")),
                    new MixedLoad.Kind(
                        "search",
                        10,
                        List.of("/api/areas/search?q=kathu", "/api/areas/search?q=%E0%B8%81")),
                    new MixedLoad.Kind(
                        "ogc items", 10, List.of("/ogc/collections/subdistrict/items?limit=5")),
                    new MixedLoad.Kind(
                        "exports", 10, List.of("/api/export/subdistrict.csv?" + ind))));
        load.start(8);
        Thread.sleep(3_000);

        // (1) every backend of the node's database killed, five times
        int killed = 0;
        for (int i = 0; i < 5; i++) {
          killed += terminateBackends(cluster);
          Thread.sleep(1_000);
        }
        long k0 = System.nanoTime();
        long afterKills =
            waitFor(() -> status(base + "/api/levels") == 200 && health(base) == 200, 15_000);

        // (2) the cluster stopped for 3 s, then started again
        long t0 = System.nanoTime();
        cluster.stop();
        long down = waitFor(() -> health(base) == 503, 10_000);
        Thread.sleep(3_000);
        long t1 = System.nanoTime();
        cluster.start();
        long up = waitFor(() -> health(base) == 200, 15_000);
        List<String> stillFailing = new ArrayList<>();
        for (String p :
            List.of(
                "/api/values?level=subdistrict&" + ind,
                "/api/areas/search?q=kathu",
                "/ogc/collections/subdistrict/items?limit=5",
                "/api/export/subdistrict.csv?" + ind,
                cold.get(cold.size() / 2))) {
          long ok = waitFor(() -> List.of(200, 204).contains(status(base + p)), 15_000);
          if (ok < 0) {
            stillFailing.add(p);
          }
        }
        Thread.sleep(3_000);
        load.stop();

        int bad = 0;
        int transport = 0;
        StringBuilder kinds = new StringBuilder();
        for (var e : load.tallies().entrySet()) {
          MixedLoad.Tally t = e.getValue();
          bad += t.notIn(List.of(200, 204, 304, 503));
          transport += t.failures();
          kinds.append(String.format("  %-13s %s%n", e.getKey(), t));
        }
        MixedLoad.Tally cachedTally = load.tally("cached tiles");
        System.out.printf(
            "PostgisFaultsIT: 8 clients; %d backends terminated in 5 rounds, node healthy %d ms"
                + " after the last; cluster stopped: /health 503 after %d ms; started again:"
                + " /health 200 after %d ms%n%s",
            killed,
            afterKills < 0 ? -1 : (afterKills - k0) / 1_000_000,
            down < 0 ? -1 : (down - t0) / 1_000_000,
            up < 0 ? -1 : (up - t1) / 1_000_000,
            kinds);
        assertEquals(0, bad, "answers other than 200/204/304/503");
        assertEquals(0, transport, "requests that failed at the transport level");
        assertEquals(
            cachedTally.count(),
            cachedTally.status(200) + cachedTally.status(204),
            "cached tiles answered throughout");
        assertTrue(afterKills >= 0, "the node did not recover from the killed backends");
        assertTrue(down >= 0, "the node did not notice the stopped cluster");
        assertTrue(up >= 0, "the node did not recover after the restart");
        assertEquals(List.of(), stillFailing, "still failing 15 s after the restart");
        assertTrue(killed > 0, "no backend was terminated: the test did not bite");
      }
    }
  }

  /** Terminates every backend of the node's database; returns how many. */
  private static int terminateBackends(PostgisCluster cluster) throws Exception {
    try (var c =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/postgres", "postgres", "");
        var st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = 'faults' AND pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The {@link System#nanoTime()} when {@code cond} first held, or -1 after the timeout. */
  private static long waitFor(BooleanSupplier cond, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (cond.getAsBoolean()) {
        return System.nanoTime();
      }
      Thread.sleep(50);
    }
    return -1;
  }

  private static int health(String base) {
    return status(base + "/health");
  }

  private static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
