package org.phaenthi.boundaries.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.Levels;
import org.phaenthi.boundaries.catalog.BoundarySet;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.catalog.PartIds;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorLoader;
import org.phaenthi.boundaries.indicators.YearInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the catalogue parts of a data directory (the bundled files or a user's): a boundary set
 * with its derived gap-free bands, an indicator set and one value set per survey year, aggregated
 * from the lowest level given. The bootstrap and the admin import publish what it builds.
 */
public final class DatasetImporter {
  /** Bump when the import's output changes for the same input, so stores re-import. */
  public static final String IMPORTER_VERSION = "6";

  private static final Logger LOG = LoggerFactory.getLogger(DatasetImporter.class);
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

  /** The IDs of every village with values in any year, sorted. */
  static List<String> villageIds(IndicatorData data) {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>();
    for (var byLevel : data.all().values()) {
      var village = byLevel.get(AdminLevel.VILLAGE);
      if (village != null) {
        village.values().forEach(column -> ids.addAll(column.keySet()));
      }
    }
    return List.copyOf(ids);
  }

  /** The vintage of the boundary files: the bundled RTSD 2019 files, or a user's files. */
  public String vintage() {
    return remaps
        .vintage()
        .orElse(bundledBoundaries ? BUNDLED_VINTAGE : "user:" + boundarySetId().substring(2));
  }

  /**
   * Builds the parts of the data directory: the boundary set (or the one the store already holds
   * under the same id, without rebuilding its bands), the indicator set and one value set per
   * survey year. Logs one summary line.
   */
  public Draft draft(Function<String, Optional<BoundarySet>> held, String who, String note) {
    long t0 = System.nanoTime();
    String source = fingerprint();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Map<String, Long> counts = new TreeMap<>();
    // the values first: the village level of the boundary set is the villages that have values
    IndicatorData indicators = IndicatorLoader.load(dataDir, counts, remaps);
    List<String> villageIds = villageIds(indicators);
    String bsId = boundarySetId(villageIds);
    BoundarySet bs = held.apply(bsId).orElse(null);
    if (bs == null) {
      Map<String, Long> bcounts = new TreeMap<>();
      BoundaryLoader.Result b = loadBoundaries();
      InputChecks.boundariesInside(b.boundaries(), InputChecks.THAILAND);
      bcounts.putAll(b.counts());
      Boundaries boundaries = b.boundaries();
      if (!villageIds.isEmpty()) {
        List<Area> areas = new ArrayList<>();
        for (AdminLevel l : boundaries.levels()) {
          areas.addAll(boundaries.areas(l));
        }
        // villages of districts these boundaries hold (a province's files: that province's)
        Boundaries polygons = boundaries;
        List<String> inside =
            villageIds.stream()
                .filter(id -> polygons.area(id.substring(0, 4)).isPresent())
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
      bs = new BoundarySet(bsId, vintage(), now, boundaries, blobs, bcounts);
    } else {
      counts.put("boundarySetReused", 1L);
    }
    String definitions = PartIds.hashOf(indicators.indicators());
    IndicatorSet is =
        new IndicatorSet(
            PartIds.of(PartIds.INDICATORS, definitions),
            "tpmap",
            now,
            indicators.indicators(),
            TPMAP_LICENCE);
    List<ValueSet> values = new ArrayList<>();
    boolean first = true;
    for (var e : indicators.all().entrySet()) {
      YearInfo year = indicators.years().get(e.getKey());
      Map<String, Long> report = first ? counts : Map.of();
      first = false;
      values.add(
          new ValueSet(
              PartIds.of(
                  PartIds.VALUES,
                  is.id(),
                  bs.vintage(),
                  PartIds.hashOf(year),
                  PartIds.hashOf(e.getValue())),
              is.id(),
              year,
              now,
              e.getValue(),
              report));
    }
    counts.put("importMillis", (System.nanoTime() - t0) / 1_000_000);
    LOG.info("import {} (boundary set {}): {}", source, bsId, counts);
    return new Draft(bs, List.of(is), values, who, note, source);
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

  /** The data directory as a dataset of an unsaved publication 0 (tests, one-off tools). */
  public Dataset importAll() {
    Draft d = draft(id -> Optional.empty(), "import", "data directory " + dataDir);
    return Dataset.unsaved(d);
  }
}
