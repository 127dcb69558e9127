package org.phaenthi.server.browser;

import java.nio.file.Path;
import java.util.Map;
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

  static RealServer start(Path storeDir) {
    Config config =
        Config.read(
            new String[] {
              "--port",
              "0",
              "--host",
              "127.0.0.1",
              "--data",
              TestServers.dataDir().toString(),
              "--store",
              storeDir.resolve("store").toString()
            },
            Map.of());
    Store store = DataBootstrap.openStore(config.store());
    Dataset dataset = DataBootstrap.prepare(config, store);
    return new RealServer(new PhaenthiServer(config, new LiveData(dataset), store).start());
  }

  @Override
  public void close() {
    server.close();
  }
}
