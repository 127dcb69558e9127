package org.phaenthi.server.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A closed-loop load client for the reliability suite: {@code threads} clients, each sending one
 * request after another for a while, each request drawn from weighted kinds (cached tiles, values,
 * search, OGC items, exports, …). Records every answer's status and latency per kind, and transport
 * failures (refused or reset connections, timeouts) separately.
 */
public final class MixedLoad {
  /** A kind of request: its name, its relative weight and the URLs (paths) it draws from. */
  public record Kind(String name, int weight, List<String> paths) {}

  /** What one kind got: statuses counted, latencies in nanoseconds, transport failures. */
  public static final class Tally {
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    final List<Long> nanos = new ArrayList<>();
    private int failures;
    String firstFailure;

    public synchronized void add(int status, long n) {
      statuses.merge(status, 1, Integer::sum);
      nanos.add(n);
    }

    synchronized void fail(Exception e) {
      failures++;
      if (firstFailure == null) {
        firstFailure = e.toString();
      }
    }

    /** Answers with this status. */
    public synchronized int status(int code) {
      return statuses.getOrDefault(code, 0);
    }

    /** Requests that got no answer (refused, reset, timed out). */
    public synchronized int failures() {
      return failures;
    }

    public synchronized int count() {
      return nanos.size() + failures;
    }

    /** The q-quantile (0–1) of the latencies in milliseconds, or NaN with none. */
    public synchronized double quantileMs(double q) {
      if (nanos.isEmpty()) {
        return Double.NaN;
      }
      List<Long> s = new ArrayList<>(nanos);
      Collections.sort(s);
      return s.get(Math.min(s.size() - 1, (int) (s.size() * q))) / 1e6;
    }

    /** Answers whose status is not in {@code ok}. */
    public synchronized int notIn(List<Integer> ok) {
      int n = 0;
      for (var e : statuses.entrySet()) {
        if (!ok.contains(e.getKey())) {
          n += e.getValue();
        }
      }
      return n;
    }

    @Override
    public synchronized String toString() {
      return String.format(
          "%d requests %s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%s",
          count(),
          statuses,
          quantileMs(0.5),
          quantileMs(0.99),
          quantileMs(1.0),
          failures == 0
              ? ""
              : ", " + failures + " transport failures (first: " + firstFailure + ")");
    }
  }

  private final String base;
  private final List<Kind> kinds;
  private final int totalWeight;
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private ExecutorService pool;

  public MixedLoad(String base, List<Kind> kinds) {
    this.base = base;
    this.kinds = kinds;
    this.totalWeight = kinds.stream().mapToInt(Kind::weight).sum();
    for (Kind k : kinds) {
      tallies.put(k.name(), new Tally());
    }
  }

  /** Starts {@code threads} clients (each with its own connection pool). */
  public void start(int threads) {
    running.set(true);
    pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) {
      pool.submit(this::client);
    }
  }

  /** Stops the clients and waits for their last requests. */
  public void stop() throws InterruptedException {
    running.set(false);
    pool.shutdown();
    if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
  }

  public Tally tally(String kind) {
    return tallies.get(kind);
  }

  public Map<String, Tally> tallies() {
    return new TreeMap<>(tallies);
  }

  private void client() {
    HttpClient c =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Runnable::run)
            .build();
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    while (running.get()) {
      Kind k = pick(rnd.nextInt(totalWeight));
      String path = k.paths().get(rnd.nextInt(k.paths().size()));
      HttpRequest r =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Accept-Encoding", "gzip")
              .timeout(Duration.ofSeconds(60))
              .build();
      long t0 = System.nanoTime();
      try {
        HttpResponse<Void> res = c.send(r, HttpResponse.BodyHandlers.discarding());
        tallies.get(k.name()).add(res.statusCode(), System.nanoTime() - t0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        tallies.get(k.name()).fail(e);
      }
    }
  }

  private Kind pick(int r) {
    for (Kind k : kinds) {
      r -= k.weight();
      if (r < 0) {
        return k;
      }
    }
    return kinds.get(kinds.size() - 1);
  }

  /** Tile paths of {@code level} at zoom {@code z} covering the box (lon/lat degrees). */
  public static List<String> tiles(String level, int z, double w, double s, double e, double n) {
    List<String> out = new ArrayList<>();
    for (int x = x(w, z); x <= x(e, z); x++) {
      for (int y = y(n, z); y <= y(s, z); y++) {
        out.add("/tiles/" + level + "/" + z + "/" + x + "/" + y + ".mvt");
      }
    }
    return out;
  }

  private static int x(double lon, int z) {
    return (int) Math.floor((lon + 180) / 360 * (1 << z));
  }

  private static int y(double lat, int z) {
    double r = Math.toRadians(lat);
    return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
  }
}
