package org.phaenthi.server.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.phaenthi.server.TestServers;

/**
 * Data directories for cluster tests, built in a temp dir (never in the repository): a copy of the
 * committed fixture (the boundaries of Phuket and Samut Songkhram, and their indicators),
 * optionally with Phuket's village household counts changed so the import is a new version with new
 * values.
 */
final class ClusterTestData {
  private ClusterTestData() {}

  /** A data dir holding {@code boundaries/fixture-{83,75}.geojson} and {@code indicators/}. */
  static Path dataDir(Path root, String name, boolean modified) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    Path shared = TestServers.dataDir();
    Files.createDirectories(dir.resolve("boundaries"));
    for (Path f : TestServers.fixtureBoundaries()) {
      Files.copy(
          f,
          dir.resolve("boundaries").resolve(f.getFileName().toString()),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Path from = shared.resolve("indicators");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path to = dir.resolve("indicators").resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    if (modified) {
      addHouseholdsInPhuket(dir.resolve("indicators/real/tpmap-2561/61_village_common.csv.gz"));
    }
    return dir;
  }

  /** The boundary files of a data dir of {@link #dataDir}: both provinces'. */
  static java.util.List<Path> boundaries(Path dataDir) {
    return java.util.List.of(
        dataDir.resolve("boundaries/fixture-83.geojson"),
        dataDir.resolve("boundaries/fixture-75.geojson"));
  }

  /** The value of {@code --boundaries} for a data dir of {@link #dataDir}. */
  static String boundariesOption(Path dataDir) {
    return String.join(",", boundaries(dataDir).stream().map(Path::toString).toList());
  }

  /** Adds 1000 to {@code household.CNT} (column 2) of every Phuket village. */
  private static void addHouseholdsInPhuket(Path gz) throws IOException {
    Path tmp = gz.resolveSibling("rewrite.tmp");
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8));
        Writer out =
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(tmp)), StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("\"83")) {
          String[] cols = line.split(",", 3);
          line = cols[0] + "," + (Long.parseLong(cols[1]) + 1000) + "," + cols[2];
        }
        out.write(line);
        out.write('\n');
      }
    }
    Files.move(tmp, gz, StandardCopyOption.REPLACE_EXISTING);
  }
}
