package org.phaenthi.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.load.DatasetImporter;
import org.phaenthi.boundaries.load.PropertyMapping;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.boundaries.store.PostgisCluster;
import org.phaenthi.boundaries.store.PostgisStore;
import org.phaenthi.boundaries.store.Store;

/**
 * Prints how long writing and loading the same dataset takes in the embedded store and in PostGIS
 * (the Phuket fixture with the full indicator tables): the load time is what a node spends before
 * it can serve a version another node imported.
 */
class StoreLoadFiguresIT {
  @TempDir Path tmp;

  @Test
  void printStoreFigures() throws Exception {
    Path data = ClusterTestData.dataDir(tmp, "data", false);
    Dataset ds =
        org.phaenthi.imports.BundledPublication.importAll(
            new DatasetImporter(data, ClusterTestData.boundaries(data), PropertyMapping.DEFAULT));
    try (PostgisCluster cluster = PostgisCluster.startOrSkip();
        Store pg = new PostgisStore(cluster.createDatabase("figures"));
        Store h2 = new EmbeddedStore(tmp.resolve("h2/phaenthi"))) {
      for (Store s : List.of(h2, pg)) {
        long t0 = System.nanoTime();
        s.publish(ds.asDraft("test", "figures"));
        long write = (System.nanoTime() - t0) / 1_000_000;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
          long t1 = System.nanoTime();
          assertEquals(ds.dataVersion(), s.load().dataVersion());
          best = Math.min(best, (System.nanoTime() - t1) / 1_000_000);
        }
        System.out.printf(
            "StoreLoadFiguresIT: %s: replace %d ms, load best of 3 %d ms (%d value rows)%n",
            s instanceof PostgisStore ? "PostGIS" : "embedded", write, best, valueRows(ds));
      }
    }
  }

  private static long valueRows(Dataset ds) {
    return ds.indicators().all().values().stream()
        .flatMap(m -> m.values().stream())
        .flatMap(m -> m.values().stream())
        .mapToLong(java.util.Map::size)
        .sum();
  }
}
