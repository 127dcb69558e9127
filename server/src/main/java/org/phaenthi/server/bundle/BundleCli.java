package org.phaenthi.server.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Config;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.export.PmtilesExporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar phaenthi.jar bundle --area 83 --indicator a,b [--year 2561] --out DIR|FILE.zip
 * [server options]}: the static bundle of {@code GET /api/export/bundle/{area}.zip}, made without a
 * running server: the store and data of the server options ({@code --store}, {@code --data}, …) are
 * opened, a private server answers the API on a loopback port for the builder, and stops.
 */
@Command(
    name = "bundle",
    description = "Write the static website bundle of an area (see docs/BUNDLE.md).",
    mixinStandardHelpOptions = true)
public final class BundleCli implements Callable<Integer> {
  @Option(names = "--area", required = true, description = "province or district code, or TH")
  String area;

  @Option(names = "--indicator", required = true, description = "indicator codes, comma-separated")
  String indicator;

  @Option(names = "--year", description = "B.E. years, comma-separated (default: the latest)")
  String year;

  @Option(names = "--out", required = true, description = "a folder, or a file ending in .zip")
  Path out;

  @CommandLine.Unmatched List<String> serverOptions = new ArrayList<>();

  private final Map<String, String> env;
  private PrintWriter stdout;

  private BundleCli(Map<String, String> env) {
    this.env = env;
  }

  /** Runs the command; returns the exit code (0 ok, 1 refused, 2 usage). */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    BundleCli cli = new BundleCli(env);
    cli.stdout = out;
    CommandLine cl = new CommandLine(cli);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("phaenthi bundle: " + e.getMessage());
          return e instanceof Config.ConfigException ? 2 : 1;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() throws IOException {
    // checked before the data is opened: "--out /" names neither a folder of its own nor a file
    Path outName = out.toAbsolutePath().normalize().getFileName();
    if (outName == null) {
      throw new IllegalArgumentException(
          "--out takes a folder or a file ending in .zip, not " + out);
    }
    boolean zip = outName.toString().endsWith(".zip");
    List<String> args = new ArrayList<>(serverOptions);
    args.addAll(List.of("--port", "0", "--host", "127.0.0.1", "--access-log", "false"));
    Config config = Config.read(args.toArray(String[]::new), env);
    Store store = DataBootstrap.openStore(config.store());
    Dataset dataset = DataBootstrap.prepare(config, store);
    try (PhaenthiServer server = new PhaenthiServer(config, new LiveData(dataset), store).start()) {
      Snapshot s = server.live().snapshot();
      BundleRequest r;
      try {
        r = BundleRequest.parse(s, area, indicator, year);
      } catch (ApiException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      URI self = URI.create("http://127.0.0.1:" + server.port() + "/");
      BundleBuilder b = new BundleBuilder(s, new LoopbackApi(self), r, () -> false);
      PmtilesExporter.Request a = b.archive();
      Path archive = Files.createTempFile("phaenthi-bundle-", ".pmtiles");
      try {
        PmtilesExporter.write(s, server.tileCache(), a, archive, () -> false);
        if (zip) {
          try (OutputStream o = Files.newOutputStream(out);
              ZipSink sink = new ZipSink(o, "phaenthi-" + r.name())) {
            b.write(sink, archive);
          }
        } else {
          Files.createDirectories(out);
          b.write(new DirectorySink(out.toAbsolutePath().normalize()), archive);
        }
      } finally {
        Files.deleteIfExists(archive);
      }
      stdout.println(
          "bundle of "
              + r.name()
              + " written to "
              + out
              + " (archive z"
              + a.minZoom()
              + "–"
              + a.maxZoom()
              + ", "
              + Files.size(zip ? out : out.resolve(BundleBuilder.ARCHIVE))
              + " bytes)");
      return 0;
    } finally {
      store.close();
    }
  }
}
