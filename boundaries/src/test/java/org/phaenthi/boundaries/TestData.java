package org.phaenthi.boundaries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The data directories of tests: the committed one ({@link #fixtureDir()}, Phuket and Samut
 * Songkhram, what unit tests read so that a clone alone runs them) and the shared real data ({@link
 * #dir()}, the whole country, read only by tests marked {@link SharedData}).
 */
public final class TestData {
  private TestData() {}

  /**
   * The committed test data directory (boundaries/src/test/fixture-data): the boundaries of Phuket
   * (83) and Samut Songkhram (75), the catalogue and the rows of both provinces of every TPMAP
   * file, in the shared data's layout. An import of its indicators needs both provinces' boundaries
   * ({@link #fixtureBoundaries()}).
   */
  public static Path fixtureDir() {
    for (String c : new String[] {"src/test/fixture-data", "../boundaries/src/test/fixture-data"}) {
      Path p = Path.of(c).toAbsolutePath().normalize();
      if (Files.isDirectory(p.resolve("boundaries"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "boundaries/src/test/fixture-data not found from " + Path.of("").toAbsolutePath());
  }

  /**
   * The shared real data directory: {@code -Dphaenthi.data}, else ../shared/data. Only tests marked
   * {@link SharedData} call it; without the directory they are skipped (failed with {@code
   * -Dphaenthi.requireIT=true}).
   */
  public static Path dir() {
    String prop = System.getProperty("phaenthi.data");
    String[] candidates =
        prop != null ? new String[] {prop} : new String[] {"../../shared/data", "../shared/data"};
    for (String c : candidates) {
      Path p = Path.of(c).toAbsolutePath().normalize();
      if (Files.isDirectory(p.resolve("boundaries"))) {
        return p;
      }
    }
    String why = "shared data not found; run tests with -Dphaenthi.data=/path/to/shared/data";
    if (Boolean.getBoolean("phaenthi.requireIT")) {
      throw new IllegalStateException(why);
    }
    Assumptions.abort(why);
    throw new AssertionError(why);
  }

  /** The Phuket boundary fixture (1 province, 3 districts, 17 subdistricts; islands). */
  public static Path fixture83() {
    return fixtureDir().resolve("boundaries/fixture-83.geojson");
  }

  /**
   * The Samut Songkhram boundary fixture (1 province, 3 districts, 36 subdistricts; mainland, one
   * Polygon each), cut from the national files as Phuket's is.
   */
  public static Path fixture75() {
    return fixtureDir().resolve("boundaries/fixture-75.geojson");
  }

  /** Both provinces' boundary files: the areas the committed indicator rows join. */
  public static List<Path> fixtureBoundaries() {
    return List.of(fixture83(), fixture75());
  }
}
