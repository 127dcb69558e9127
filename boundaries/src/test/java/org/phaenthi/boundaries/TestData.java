package org.phaenthi.boundaries;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared data directory for tests: {@code -Dphaenthi.data}, else ../shared/data. */
public final class TestData {
  private TestData() {}

  public static Path dir() {
    String prop = System.getProperty("phaenthi.data");
    if (prop != null) {
      return Path.of(prop);
    }
    for (String c : new String[] {"../../shared/data", "../shared/data"}) {
      Path p = Path.of(c).toAbsolutePath().normalize();
      if (Files.isDirectory(p.resolve("boundaries"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "shared data not found; run tests with -Dphaenthi.data=/path/to/shared/data");
  }

  public static Path fixture83() {
    return dir().resolve("boundaries/fixture-83.geojson");
  }
}
