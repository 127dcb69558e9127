package org.phaenthi.boundaries.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.LoadReport;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Dataset} from a data directory: boundaries, indicators aggregated from the lowest
 * level, and the derived gap-free bands. Logs one summary line.
 */
public final class DatasetImporter {
  /** Bump when the import's output changes for the same input, so stores re-import. */
  public static final String IMPORTER_VERSION = "5";

  private static final Logger LOG = LoggerFactory.getLogger(DatasetImporter.class);
  private final Path dataDir;
  private final List<Path> boundaryFiles;
  private final PropertyMapping mapping;
  private final CodeRemaps remaps;

  /**
   * @param boundaryFiles user-supplied boundary files; empty means the bundled RTSD/OCHA files,
   *     which are of vintage {@value CodeRemapReader#BUNDLED_VINTAGE}
   * @param mapping the files' properties; its {@code vintage} names the vintage of user files (none
   *     when absent: no remaps), or overrides the bundled one
   */
  public DatasetImporter(Path dataDir, List<Path> boundaryFiles, PropertyMapping mapping) {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException(
          "data directory "
              + dataDir.toAbsolutePath()
              + " does not exist; point --data at a folder holding boundaries/ and indicators/");
    }
    this.dataDir = dataDir;
    this.boundaryFiles =
        boundaryFiles.isEmpty()
            ? BoundaryLoader.DEFAULT_FILES.stream().map(dataDir::resolve).toList()
            : List.copyOf(boundaryFiles);
    this.mapping = mapping;
    this.remaps =
        CodeRemapReader.forVintage(
            mapping.vintage() != null || !boundaryFiles.isEmpty()
                ? mapping.vintage()
                : CodeRemapReader.BUNDLED_VINTAGE);
  }

  /** The remaps of the boundary vintage this importer loads. */
  public CodeRemaps remaps() {
    return remaps;
  }

  /** Every input file, in a stable order. */
  public List<Path> inputFiles() {
    List<Path> files = new ArrayList<>(boundaryFiles);
    Path ind = dataDir.resolve("indicators");
    if (Files.isDirectory(ind)) {
      try (Stream<Path> s = Files.walk(ind)) {
        s.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().endsWith(".md"))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot list " + ind + ": " + e.getMessage(), e);
      }
    }
    for (Path f : files) {
      if (!Files.isReadable(f)) {
        throw new IllegalArgumentException("input file missing or unreadable: " + f);
      }
    }
    return files;
  }

  /** The version the data directory would import as; cheap enough to run at every start. */
  public String fingerprint() {
    return DataFingerprint.of(IMPORTER_VERSION, mapping + ";" + remaps.describe(), inputFiles());
  }

  /** The boundary files as their vintage: moves applied, the remaps for the indicators attached. */
  BoundaryLoader.Result loadBoundaries() {
    return new BoundaryLoader(mapping, remaps).load(boundaryFiles);
  }

  public Dataset importAll() {
    long t0 = System.nanoTime();
    String version = fingerprint();
    Map<String, Long> counts = new TreeMap<>();
    BoundaryLoader.Result b = loadBoundaries();
    counts.putAll(b.counts());
    Boundaries boundaries = b.boundaries();
    IndicatorData indicators = IndicatorLoader.load(dataDir, counts, b.remaps());
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    DerivedData.build(boundaries, blobs, counts);
    counts.put("importMillis", (System.nanoTime() - t0) / 1_000_000);
    LOG.info(
        "import {} (boundary vintage {}): {}",
        version,
        b.vintage().orElse(CodeRemapReader.NO_VINTAGE),
        counts);
    return new Dataset(
        version, Instant.now(), boundaries, indicators, blobs, new LoadReport(counts));
  }
}
