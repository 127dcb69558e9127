package org.phaenthi.server.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time to the first coloured map and to a recolour, in headless Chromium, for several running
 * servers measured alternately in one run (old against new on a shared machine): every repetition
 * opens each server's page in a new browser profile (an empty HTTP cache, as a first visit), reads
 * the app's own marks ({@code phaenthi.app.timings}) and switches the indicator once, as {@code
 * MapAppIT} does. The order of the servers alternates between repetitions. Prints every run, the
 * medians and the ratio of each server's median to the first one's, and the request waterfall of
 * each server's last run.
 *
 * <p>Not run by CI. From the repository root, with the servers already started:
 *
 * <pre>
 * server/src/bench/cold-tiles.sh --class browser.FirstMapBench \
 *   --urls old=http://127.0.0.1:8101/,new=http://127.0.0.1:8102/ --reps 7 --warmups 2
 * </pre>
 */
public final class FirstMapBench {
  private static final String SWITCH =
      "const done = arguments[arguments.length - 1];"
          + "const s = phaenthi.app.state;"
          + "const other = phaenthi.app.catalogue.indicators.find(i => i.code !== s.indicator &&"
          + " (i.kind === 'percent' || i.kind === 'count') &&"
          + " (i.years[s.level] || []).includes(s.year)).code;"
          + "const sel = document.getElementById('indicator');"
          + "const before = Number(document.body.dataset.renders);"
          + "const t0 = performance.now();"
          + "sel.value = other; sel.dispatchEvent(new Event('change'));"
          + "(function poll() { if (Number(document.body.dataset.renders) > before)"
          + " requestAnimationFrame(() => done(performance.now() - t0));"
          + " else setTimeout(poll, 2); })();";

  private static final String WATERFALL =
      "return performance.getEntriesByType('resource').map(e =>"
          + " `${e.startTime.toFixed(0).padStart(5)} → ${e.responseEnd.toFixed(0).padStart(5)}"
          + " ms ${String(e.transferSize).padStart(8)} B ${e.name.replace(location.origin, '')}`)";

  private FirstMapBench() {}

  record Run(double fromNavigation, double fromStart, double recolour, List<String> waterfall) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> urls = new LinkedHashMap<>();
    int reps = 7;
    int warmups = 2;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--urls" -> {
          for (String pair : args[i + 1].split(",")) {
            String[] nv = pair.split("=", 2);
            urls.put(nv[0], nv[1]);
          }
        }
        case "--reps" -> reps = Integer.parseInt(args[i + 1]);
        case "--warmups" -> warmups = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("--urls name=http://host:port/,... is required");
    }
    List<String> names = new ArrayList<>(urls.keySet());
    for (int w = 0; w < warmups; w++) {
      for (String n : names) {
        measure(urls.get(n)); // the servers' JIT and caches, not timed
      }
    }
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    names.forEach(n -> runs.put(n, new ArrayList<>()));
    for (int r = 0; r < reps; r++) {
      List<String> order = new ArrayList<>(names);
      if (r % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (String n : order) {
        Run run = measure(urls.get(n));
        runs.get(n).add(run);
        System.out.printf(
            "[first-map] rep %d %-8s first map %6.0f ms from navigation, %6.0f ms from the app's"
                + " start; recolour %5.0f ms; load average %s%n",
            r + 1, n, run.fromNavigation(), run.fromStart(), run.recolour(), loadAverage());
      }
    }
    double base = 0;
    for (String n : names) {
      List<Run> rs = runs.get(n);
      double nav = median(rs.stream().mapToDouble(Run::fromNavigation).toArray());
      double start = median(rs.stream().mapToDouble(Run::fromStart).toArray());
      double recolour = median(rs.stream().mapToDouble(Run::recolour).toArray());
      if (base == 0) {
        base = nav;
      }
      System.out.printf(
          "[first-map] %-8s median of %d: first map %.0f ms from navigation (target <= 1000),"
              + " %.0f ms from the app's start; recolour %.0f ms (target <= 150); ratio to %s %.2f%n",
          n, rs.size(), nav, start, recolour, names.get(0), nav / base);
    }
    for (String n : names) {
      List<Run> rs = runs.get(n);
      rs.get(rs.size() - 1)
          .waterfall()
          .forEach(w -> System.out.println("[waterfall " + n + "] " + w));
    }
  }

  @SuppressWarnings("unchecked")
  private static Run measure(String url) throws Exception {
    try (Browser b = Browser.start(1280, 800)) {
      b.open(url);
      double nav =
          ((Number) b.js("return phaenthi.app.timings.firstMapFromNavigation")).doubleValue();
      double start = ((Number) b.js("return phaenthi.app.timings.firstMap")).doubleValue();
      List<String> waterfall = (List<String>) b.js(WATERFALL);
      double recolour = ((Number) b.jsAsync(SWITCH)).doubleValue();
      return new Run(nav, start, recolour, waterfall);
    }
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
