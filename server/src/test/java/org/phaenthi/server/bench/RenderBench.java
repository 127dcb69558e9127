package org.phaenthi.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.Config;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.PhaenthiServer;

/**
 * Render time of server-side pictures on the real data, as a client sees it over HTTP: per level
 * and format, the first request of a picture (cold: rendered; each of {@code --cold N} a new
 * palette, so each renders) and the same request again (cached), p50 and max in ms, and the bytes.
 * The first picture of the JVM pays the JIT and font loading and is printed on its own. Not run by
 * CI:
 *
 * <pre>
 * server/src/bench/cold-tiles.sh --class RenderBench --store /tmp/render-bench/store [--out DIR]
 * </pre>
 *
 * {@code --out DIR} also writes one picture of each kind there, to look at.
 */
public final class RenderBench {
  private RenderBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].substring(2), args[i + 1]);
    }
    Config config =
        Config.read(
            new String[] {
              "--port",
              "0",
              "--host",
              "127.0.0.1",
              "--data",
              opt.getOrDefault("data", "../shared/data"),
              "--store",
              opt.getOrDefault("store", "/tmp/render-bench/store"),
              "--export-concurrency",
              "2"
            },
            Map.of());
    Store store = DataBootstrap.openStore(config.store());
    Dataset dataset = DataBootstrap.prepare(config, store);
    int cold = Integer.parseInt(opt.getOrDefault("cold", "5"));
    Path out = opt.containsKey("out") ? Files.createDirectories(Path.of(opt.get("out"))) : null;
    List<String> palettes = List.of("RdYlBu", "YlOrRd", "Blues", "PuOr", "Greens", "Greys", "BrBG");
    try (PhaenthiServer server = new PhaenthiServer(config, new LiveData(dataset), store).start()) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      String q = "indicator=tpmap:target_poor_rate&year=2561";
      long t0 = System.nanoTime();
      get(http, base + "/render/province.png?" + q + "&palette=Spectral");
      System.out.printf("first picture of the JVM (province PNG): %.0f ms%n", ms(t0));
      System.out.println("| picture | cold p50 ms | cold max ms | cached p50 ms | bytes |");
      System.out.println("|---|---|---|---|---|");
      for (String path :
          List.of(
              "/render/province.png?" + q,
              "/render/province.pdf?" + q,
              "/render/district.png?" + q,
              "/render/subdistrict.png?" + q,
              "/render/subdistrict.pdf?" + q,
              "/render/subdistrict.svg?" + q,
              "/render/subdistrict.png?" + q + "&size=a4",
              "/render/report/65.pdf?lang=th")) {
        double[] c = new double[cold];
        int bytes = 0;
        for (int i = 0; i < cold; i++) {
          long s = System.nanoTime();
          bytes =
              get(
                      http,
                      base
                          + path
                          + "&palette="
                          + palettes.get(i % palettes.size())
                          + (i >= palettes.size() ? "-r" : ""))
                  .length;
          c[i] = ms(s);
        }
        double[] w = new double[20];
        for (int i = 0; i < w.length; i++) {
          long s = System.nanoTime();
          get(http, base + path + "&palette=" + palettes.get(0));
          w[i] = ms(s);
        }
        Arrays.sort(c);
        Arrays.sort(w);
        System.out.printf(
            "| `%s` | %.0f | %.0f | %.1f | %,d |%n",
            path.replace(q, "…").replace("|", "\\|"),
            c[c.length / 2],
            c[c.length - 1],
            w[w.length / 2],
            bytes);
        if (out != null) {
          String name = path.substring(8).replaceAll("[^A-Za-z0-9.]+", "_");
          Files.write(
              out.resolve(
                  name
                      + (name.contains(".pdf") ? ".pdf" : name.contains(".svg") ? ".svg" : ".png")),
              get(http, base + path));
        }
      }
    }
  }

  private static byte[] get(HttpClient http, String url) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " → " + r.statusCode() + " " + new String(r.body()));
    }
    return r.body();
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
