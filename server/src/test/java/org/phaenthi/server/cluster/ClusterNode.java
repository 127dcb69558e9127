package org.phaenthi.server.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.Config;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.PhaenthiServer;

/**
 * One node of a test cluster, built the way {@code Main} builds it: a free loopback port, the store
 * at {@code url} (a PostGIS database of {@link PostgisCluster}), a data dir of {@link
 * ClusterTestData} with its two provinces' boundaries, a 16 MB tile cache, and any further options.
 */
record ClusterNode(PhaenthiServer server, Store store) implements AutoCloseable {
  static ClusterNode start(String url, Path data, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--store",
                url,
                "--data",
                data.toString(),
                "--boundaries",
                ClusterTestData.boundariesOption(data),
                "--tile-cache-mb",
                "16"));
    args.addAll(List.of(options));
    Config config = Config.read(args.toArray(String[]::new), Map.of());
    Store store = DataBootstrap.openStore(config.store());
    Dataset ds = DataBootstrap.prepare(config, store);
    return new ClusterNode(new PhaenthiServer(config, new LiveData(ds), store).start(), store);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }

  /** Closes each that was started (nulls skipped), the rest even when one fails. */
  static void closeAll(AutoCloseable... all) {
    for (AutoCloseable c : all) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort
      }
    }
  }
}
