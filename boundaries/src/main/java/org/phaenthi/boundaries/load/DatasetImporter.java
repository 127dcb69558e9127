package org.phaenthi.boundaries.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.Levels;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.PartIds;

/**
 * The boundary side of a data directory (the bundled files or a user's): its fingerprint, the
 * boundary files as their vintage, and the boundary set with its derived gap-free bands and the
 * village level of the villages that have values. The indicator files are imported by {@code
 * imports/BundledPublication} through the importer users' uploads take; the bootstrap and the admin
 * import publish what it builds.
 */
public final class DatasetImporter {
  /** Bump when the import's output changes for the same input, so stores re-import. */
  public static final String IMPORTER_VERSION = "8"; // 8: indicator sets carry derivations

  private final Path dataDir;
  private final List<Path> boundaryFiles;
  private final PropertyMapping mapping;
  private final boolean bundledBoundaries;

  /** The bundled boundaries' vintage (RTSD via OCHA COD-AB, February 2019). */
  public static final String BUNDLED_VINTAGE = CodeRemapReader.BUNDLED_VINTAGE;

  /** The TPMAP data's licence statement, carried by its indicator set (data README). */
  public static final String TPMAP_LICENCE =
      "TPMAP (NESDC/NECTEC) public data, from the CDD Basic Minimum Needs survey (จปฐ.) and the MOF"
          + " state-welfare registry. No licence is stated for the TPMAP data; use it for"
          + " development and testing, and ask NESDC before redistributing it.";

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
    this.bundledBoundaries = boundaryFiles.isEmpty();
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
            .filter(p -> !String.valueOf(p.getFileName()).endsWith(".md"))
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
  public BoundaryLoader.Result loadBoundaries() {
    return new BoundaryLoader(mapping, remaps).load(boundaryFiles);
  }

  /**
   * The id the boundary set of these boundary files gets without a village level (a hash of the
   * files, the mapping and this importer's version).
   */
  public String boundarySetId() {
    return PartIds.of(
        PartIds.BOUNDARY,
        DataFingerprint.of(
            IMPORTER_VERSION, "boundaries|" + mapping + ";" + remaps.describe(), boundaryFiles));
  }

  /**
   * The id of the boundary set with a village level of these village IDs: the polygon files' id,
   * the names file and the list of IDs (not their values), so new values of the same villages reuse
   * the boundary set and its bands. Known before building the bands, so a held set is reused.
   */
  public String boundarySetId(List<String> villageIds) {
    if (villageIds.isEmpty()) {
      return boundarySetId();
    }
    Path names = indicatorsDir().resolve(VillageAreas.NAMES_FILE);
    String namesHash =
        Files.isReadable(names)
            ? DataFingerprint.of(IMPORTER_VERSION, "village-names", List.of(names))
            : "none";
    return PartIds.of(
        PartIds.BOUNDARY, boundarySetId(), "villages", namesHash, PartIds.hashOf(villageIds));
  }

  /** The folder holding the indicator files ({@code indicators/} of the data directory). */
  public Path indicatorsDir() {
    return Files.isDirectory(dataDir.resolve("indicators"))
        ? dataDir.resolve("indicators")
        : dataDir;
  }

  /** The vintage of the boundary files: the bundled RTSD 2019 files, or a user's files. */
  public String vintage() {
    return remaps
        .vintage()
        .orElse(bundledBoundaries ? BUNDLED_VINTAGE : "user:" + boundarySetId().substring(2));
  }

  /**
   * The boundary set of these boundary files with a village level of {@code villageIds} (values
   * only): the one {@code held} returns under its id (no band is rebuilt), else built from {@code
   * polygons} (the files as {@link #loadBoundaries()} read them; null reads them) with its bands.
   */
  public BoundarySet boundarySet(
      BoundaryLoader.Result polygons,
      List<String> villageIds,
      Function<String, Optional<BoundarySet>> held,
      Instant now) {
    String bsId = boundarySetId(villageIds);
    Optional<BoundarySet> reused = held.apply(bsId);
    if (reused.isPresent()) {
      return reused.get();
    }
    Map<String, Long> bcounts = new TreeMap<>();
    BoundaryLoader.Result b = polygons != null ? polygons : loadBoundaries();
    InputChecks.boundariesInside(b.boundaries(), InputChecks.THAILAND);
    bcounts.putAll(b.counts());
    Boundaries boundaries = b.boundaries();
    if (!villageIds.isEmpty()) {
      List<Area> areas = new ArrayList<>();
      for (AdminLevel l : boundaries.levels()) {
        areas.addAll(boundaries.areas(l));
      }
      // villages of districts these boundaries hold (a province's files: that province's)
      Boundaries inPolygons = boundaries;
      List<String> inside =
          villageIds.stream()
              .filter(id -> inPolygons.area(id.substring(0, 4)).isPresent())
              .toList();
      bcounts.put("villagesOutsideBoundaries", (long) (villageIds.size() - inside.size()));
      areas.addAll(
          VillageAreas.areas(
              inside,
              VillageAreas.readNames(indicatorsDir().resolve(VillageAreas.NAMES_FILE)),
              bcounts));
      boundaries = new Boundaries(Levels.WITH_VILLAGES, areas);
    }
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    DerivedData.build(boundaries, blobs, bcounts);
    return new BoundarySet(bsId, vintage(), now, boundaries, blobs, bcounts);
  }
}
