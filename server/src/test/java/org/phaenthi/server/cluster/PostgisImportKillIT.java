package org.phaenthi.server.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.store.PostgisCluster;

/**
 * {@link ImportKillRounds} on PostGIS: a throwaway cluster ({@link PostgisCluster}, never the
 * machine's own); after each SIGKILL of the child server the next child opens the same database
 * (jobs in {@code phaenthi_import_jobs}). Skips without PostGIS unless {@code
 * -Dphaenthi.requireIT=true}. Prints the figures.
 */
class PostgisImportKillIT {
  @TempDir Path tmp;

  @Test
  void killsDuringValidationAndPublishChangeNothingServed() throws Exception {
    try (PostgisCluster cluster = PostgisCluster.startOrSkip()) {
      Path data = ClusterTestData.dataDir(tmp, "data", false);
      String url = cluster.createDatabase("import_kills");
      System.out.println("PostgisImportKillIT: " + ImportKillRounds.run("postgis", url, data));
    }
  }
}
