package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.EmbeddedStore;

/**
 * Issue #15 item 6: a node whose data directory is now broken but whose store holds a publication
 * starts and serves that publication; an empty store with a broken directory still stops.
 */
class BrokenDataDirectoryTest {
  @TempDir Path tmp;

  static final String FAR_AWAY =
      "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
          + "{\"code\":\"83\",\"name_th\":\"ภูเก็ต\",\"name_en\":\"Phuket\"},\"geometry\":"
          + "{\"type\":\"Polygon\",\"coordinates\":[[[98.3,7.8],[1e300,-1e300],[98.4,7.9],"
          + "[98.3,7.8]]]}}]}";

  private Dataset prepare(String boundaryFile, boolean held) throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.createDirectories(data.resolve("boundaries"));
    Files.createDirectories(data.resolve("indicators"));
    Path file = data.resolve("boundaries/broken.geojson");
    Files.writeString(file, boundaryFile);
    Path store = tmp.resolve("store");
    EmbeddedStore s = new EmbeddedStore(store);
    if (held) {
      s.publish(TestServers.dataset().asDraft("upload", "held"));
    }
    Config c =
        Config.read(
            new String[] {
              "--data",
              data.toString(),
              "--store",
              store.toString(),
              "--boundaries",
              file.toString()
            },
            Map.of());
    try {
      return DataBootstrap.prepare(c, s);
    } finally {
      s.close();
    }
  }

  @Test
  void boundariesOutsideTheCountryLeaveTheHeldPublicationServed() throws Exception {
    // the held publication was made by the data directory, so the changed directory is imported
    assertEquals(1, prepareFromDataDirectory(FAR_AWAY).publication().id());
  }

  @Test
  void aTruncatedBoundaryFileLeavesTheHeldPublicationServed() throws Exception {
    assertEquals(1, prepareFromDataDirectory(FAR_AWAY.substring(0, 150)).publication().id());
  }

  @Test
  void withAnEmptyStoreABrokenDirectoryStillStops() {
    assertThrows(RuntimeException.class, () -> prepare(FAR_AWAY, false));
  }

  /** A store whose publication 1 was made by the data directory, then a broken directory. */
  private Dataset prepareFromDataDirectory(String boundaryFile) throws Exception {
    Path store = tmp.resolve("store");
    EmbeddedStore s = new EmbeddedStore(store);
    s.publish(TestServers.dataset().asDraft(DataBootstrap.DATA_DIRECTORY, "earlier files"));
    s.close();
    return prepare(boundaryFile, false);
  }
}
