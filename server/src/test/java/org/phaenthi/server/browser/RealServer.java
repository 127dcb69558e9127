package org.phaenthi.server.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.Config;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * The real server over the whole shared data set, on a free loopback port, with a throwaway store.
 */
final class RealServer implements AutoCloseable {
  final PhaenthiServer server;
  final String baseUrl;

  private RealServer(PhaenthiServer server) {
    this.server = server;
    this.baseUrl = "http://127.0.0.1:" + server.port() + "/";
  }

  private static RealServer shared;

  /**
   * One server for every browser test class of this JVM: the import of the whole data set is the
   * slow part, so it happens once. Closed, and its store deleted, when the JVM exits.
   */
  static synchronized RealServer shared() throws IOException {
    if (shared == null) {
      // -Dphaenthi.it.store=DIR keeps the imported store between runs (a warm start) while working
      // on tests
      String keep = System.getProperty("phaenthi.it.store");
      if (keep != null) {
        shared = start(Files.createDirectories(Path.of(keep)));
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        return shared;
      }
      Path dir = Files.createTempDirectory("phaenthi-browser-store-");
      RealServer server = start(dir);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    try (var files = Files.walk(dir)) {
                      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    } catch (IOException ignored) {
                      // a temporary directory left behind is harmless
                    }
                  }));
      shared = server;
    }
    return shared;
  }

  static RealServer start(Path storeDir) {
    Config config = TestServers.config(storeDir, "--data", TestServers.realDataDir().toString());
    Store store = DataBootstrap.openStore(config.store());
    Dataset dataset = DataBootstrap.prepare(config, store);
    return new RealServer(new PhaenthiServer(config, new LiveData(dataset), store).start());
  }

  @Override
  public void close() {
    server.close();
  }
}
