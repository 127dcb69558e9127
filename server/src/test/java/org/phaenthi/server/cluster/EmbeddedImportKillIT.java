package org.phaenthi.server.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImportKillRounds} on the embedded store: the child server's store is a directory; after
 * each SIGKILL the next child opens it (jobs as {@code jobs/<id>.json}). Prints the figures.
 */
class EmbeddedImportKillIT {
  @TempDir Path tmp;

  @Test
  void killsDuringValidationAndPublishChangeNothingServed() throws Exception {
    Path data = ClusterTestData.dataDir(tmp, "data", false);
    String store = tmp.resolve("store").toString();
    System.out.println("EmbeddedImportKillIT: " + ImportKillRounds.run("embedded", store, data));
  }
}
