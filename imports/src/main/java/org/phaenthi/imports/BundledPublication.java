package org.phaenthi.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
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
import org.phaenthi.boundaries.indicators.AreaIndex;
import org.phaenthi.boundaries.indicators.CatalogEntry;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.TpmapDefinitions;
import org.phaenthi.boundaries.indicators.ValueColumn;
import org.phaenthi.boundaries.indicators.YearInfo;
import org.phaenthi.boundaries.load.BoundaryLoader;
import org.phaenthi.boundaries.load.DatasetImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory's files as a publication, through the importer users' uploads take: each TPMAP
 * file is read ({@link TableReader}), detected ({@link Detector}), validated ({@link Validator},
 * against the boundaries and the catalogue's definitions) and merged ({@link UploadMerger}) in
 * turn, starting from an empty publication. There is no second loader for the bundled files, and no
 * measure is computed beside the importer: the 2561 target-poor rate is a derived rate and the
 * happiness score a weighted mean, both declared by the indicator set ({@link
 * org.phaenthi.boundaries.indicators.Derivation}, {@link TpmapDefinitions}) and made by the
 * importer as for any upload ({@link WeightedMeans}, {@link DerivedRates}). Only the y66 file's own
 * target-poor rate (it has no people-surveyed column to derive it from) is taken from its validated
 * table as it is.
 *
 * <p>Refused (IllegalArgumentException, the previous publication stays served): a file whose report
 * has errors, a file cut in its last row. Warnings go into the publication's note.
 */
public final class BundledPublication {
  /** The bundled files, lowest level first, as the importer sees them (names tell level, year). */
  public static final List<String> FILES =
      List.of(
          "real/tpmap-2561/61_village_common.csv.gz",
          "real/tpmap-2561/61_village_11111.csv.gz",
          "real/tpmap-2566/y66_province_poverty_with_province_name.csv");

  private static final Logger LOG = LoggerFactory.getLogger(BundledPublication.class);

  private BundledPublication() {}

  /** One imported file: its table (as read) and its validated upload. */
  record Imported(Path file, Table table, Upload upload) {}

  /**
   * The parts of the data directory {@code importer} describes: its boundary set (or the one {@code
   * held} returns under the same id, bands not rebuilt), the catalogue's indicator set and one
   * value set per survey year, imported file by file.
   */
  public static Draft draft(
      DatasetImporter importer,
      Function<String, Optional<BoundarySet>> held,
      String who,
      String note) {
    long t0 = System.nanoTime();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String source = importer.fingerprint();
    // the files are read while the boundaries load (reading needs no areas, validating does)
    List<CompletableFuture<Read>> reads = startReading(importer.indicatorsDir());
    List<CatalogEntry> catalogue = TpmapDefinitions.catalogue(importer.indicatorsDir());
    BoundaryLoader.Result polygons = importer.loadBoundaries();
    long boundariesMillis = (System.nanoTime() - t0) / 1_000_000;
    List<String> notes = new ArrayList<>();
    Map<Integer, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> byYear =
        values(reads, polygons.boundaries(), catalogue, importer.remaps(), who, note, notes);
    // the files' tables (hundreds of MB of cells) are not needed once validated and merged: let
    // them go before the bands are built, or a first import does not fit the documented heap
    reads.clear();
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> v2561 = byYear.get(2561);
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> v2566 = byYear.get(2566);
    List<String> villageIds = villageIds(v2561);
    long tb = System.nanoTime();
    // the boundary set (its bands, when the store does not hold it) is built while the value
    // sets are hashed: neither needs the other, and hashing millions of values takes seconds
    CompletableFuture<BoundarySet> building =
        CompletableFuture.supplyAsync(
            () -> importer.boundarySet(polygons, villageIds, held, now),
            BundledPublication::daemon);
    Set<String> in2566 = new HashSet<>();
    if (v2566 != null) {
      v2566.values().forEach(m -> in2566.addAll(m.keySet()));
    }
    Set<String> withData = new HashSet<>(in2566);
    v2561.values().forEach(m -> withData.addAll(m.keySet()));
    List<Indicator> indicators =
        TpmapDefinitions.definitions(catalogue, in2566).stream()
            .filter(i -> withData.contains(i.code()))
            .toList();
    IndicatorSet is =
        new IndicatorSet(
            PartIds.of(PartIds.INDICATORS, PartIds.hashOf(indicators)),
            "tpmap",
            now,
            indicators,
            DatasetImporter.TPMAP_LICENCE);
    Map<String, Long> report = new TreeMap<>();
    report.put("filesImported", (long) notes.size());
    report.put("villageUnits", (long) villageIds.size());
    report.put("indicators", (long) indicators.size());
    String hash2561 = contentHash(v2561);
    String hash2566 = v2566 == null ? null : contentHash(v2566);
    BoundarySet bs = join(building);
    LOG.info("boundary set {} in {} ms", bs.id(), (System.nanoTime() - tb) / 1_000_000);
    List<ValueSet> values = new ArrayList<>();
    values.add(valueSet(is, bs, TpmapDefinitions.year2561(), now, v2561, hash2561, report));
    if (v2566 != null) {
      values.add(valueSet(is, bs, TpmapDefinitions.year2566(), now, v2566, hash2566, Map.of()));
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    LOG.info(
        "import {} (boundary set {}) through the importer in {} ms (boundaries read in {} ms): {}",
        source,
        bs.id(),
        millis,
        boundariesMillis,
        String.join("; ", notes));
    String fullNote =
        (note == null || note.isBlank() ? "" : note + "; ")
            + "imported: "
            + String.join("; ", notes);
    return new Draft(bs, List.of(is), values, who, fullNote, source);
  }

  /** The data directory as a dataset of an unsaved publication 0 (tests, one-off tools). */
  public static Dataset importAll(DatasetImporter importer) {
    return Dataset.unsaved(draft(importer, id -> Optional.empty(), "import", "data directory"));
  }

  /**
   * The values of the bundled files, survey year (B.E.) → level → indicator → area, each file
   * imported in turn over the previous one's publication; one line per file goes to {@code notes}.
   *
   * @param polygons the areas the files are validated against (a village level is declared)
   * @param remaps the boundary vintage's remaps, applied as the importer applies them to uploads
   */
  static Map<Integer, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> values(
      Path indicatorsDir,
      Boundaries polygons,
      List<CatalogEntry> catalogue,
      CodeRemaps remaps,
      String who,
      String note,
      List<String> notes) {
    return values(startReading(indicatorsDir), polygons, catalogue, remaps, who, note, notes);
  }

  /** As above, of the files {@link #startReading} is reading. */
  private static Map<Integer, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> values(
      List<CompletableFuture<Read>> reads,
      Boundaries polygons,
      List<CatalogEntry> catalogue,
      CodeRemaps remaps,
      String who,
      String note,
      List<String> notes) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    IndicatorSet all =
        new IndicatorSet(
            PartIds.of(PartIds.INDICATORS, "validation"),
            "tpmap",
            now,
            TpmapDefinitions.definitions(catalogue, Set.of()),
            DatasetImporter.TPMAP_LICENCE);
    Dataset current = validationDataset(polygons, all, now, "validation");
    // each file is validated against the areas and definitions alone, so the three are read and
    // validated side by side (the old loaders read the two village files in parallel too); they
    // are then merged in order, as three uploads would be
    Dataset context = current;
    long t0 = System.nanoTime();
    List<CompletableFuture<Imported>> validated = new ArrayList<>();
    for (CompletableFuture<Read> r : reads) {
      validated.add(
          r.thenApplyAsync(f -> validateFile(f, context, remaps), BundledPublication::daemon));
    }
    List<Imported> files = new ArrayList<>();
    for (CompletableFuture<Imported> v : validated) {
      files.add(join(v));
    }
    long t1 = System.nanoTime();
    for (Imported f : files) {
      notes.add(f.file().getFileName() + ": " + f.upload().rows() + " rows, " + summary(f));
      current = Dataset.unsaved(UploadMerger.draft(current, f.upload(), who, note, false));
    }
    LOG.info(
        "bundled files read and validated in {} ms, merged in {} ms",
        (t1 - t0) / 1_000_000,
        (System.nanoTime() - t1) / 1_000_000);
    Map<Integer, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> byYear =
        new TreeMap<>();
    for (ValueSet vs : current.valueSets()) {
      Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> copy = new TreeMap<>();
      vs.values().forEach((l, m) -> copy.put(l, new LinkedHashMap<>(m)));
      byYear.put(vs.year().year().be(), copy);
    }
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> v2561 = byYear.get(2561);
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> v2566 = byYear.get(2566);
    if (v2561 == null) {
      throw new IllegalArgumentException("the TPMAP 2561 village files gave no values");
    }
    if (v2566 != null) {
      givenRate(files.get(2), v2566);
    }
    return byYear;
  }

  /**
   * Starts reading and detecting each of {@link #FILES} on its own thread (the two village files
   * are most of the work; the old loaders read them in parallel too).
   */
  static List<CompletableFuture<Read>> startReading(Path indicatorsDir) {
    List<CompletableFuture<Read>> reads = new ArrayList<>();
    for (String name : FILES) {
      reads.add(
          CompletableFuture.supplyAsync(
              () -> readFile(indicatorsDir.resolve(name)), BundledPublication::daemon));
    }
    return reads;
  }

  private static void daemon(Runnable task) {
    Thread t = new Thread(task, "bundled-import");
    t.setDaemon(true);
    t.start();
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static String summary(Imported f) {
    Report r = f.upload().report();
    return r.warnings() == 0
        ? "no warnings"
        : r.warnings() + " warnings " + new TreeMap<>(r.byKind());
  }

  /** A publication 0 of the polygons with a village level declared and the definitions. */
  private static Dataset validationDataset(
      Boundaries polygons, IndicatorSet all, Instant now, String source) {
    List<Area> areas = new ArrayList<>();
    for (AdminLevel l : polygons.levels()) {
      areas.addAll(polygons.areas(l));
    }
    Boundaries b = new Boundaries(Levels.WITH_VILLAGES, areas);
    BoundarySet bs =
        new BoundarySet(
            PartIds.of(PartIds.BOUNDARY, "validation"), "validation", now, b, Map.of(), Map.of());
    return Dataset.unsaved(new Draft(bs, List.of(all), List.of(), "import", "validation", source));
  }

  /** One bundled file as read and detected, not yet validated. */
  record Read(Path file, Table table, Detector.Detection detection) {}

  /** Reads, detects and validates one file; refuses a cut file or a report with errors. */
  static Imported importFile(Path file, Dataset current, CodeRemaps remaps) {
    return validateFile(readFile(file), current, remaps);
  }

  /** Reads and detects one file; refuses a cut file. */
  static Read readFile(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Path fileName = file.getFileName(); // null only for a root, which readAllBytes refused above
    String name = fileName == null ? file.toString() : fileName.toString();
    Table t = Importer.read(bytes, name, Overrides.NONE);
    Detector.Detection d = Importer.detect(t, Overrides.NONE);
    int first = d.options().firstHeaderRow() + d.options().headerRows();
    if (t.rows().size() > first) {
      String[] last = t.rows().get(t.rows().size() - 1);
      if (last.length < d.headers().length) {
        throw new IllegalArgumentException(
            file
                + ": the last row has "
                + last.length
                + " of "
                + d.headers().length
                + " fields: the file is cut short");
      }
    }
    return new Read(file, t, d);
  }

  /** Validates one file as read; refuses a report with errors. */
  static Imported validateFile(Read r, Dataset current, CodeRemaps remaps) {
    Path file = r.file();
    Upload u =
        Importer.validate(
            r.table(),
            r.detection(),
            new Validator.Context(current, remaps, "all"),
            n -> {},
            () -> false);
    if (!u.publishable()) {
      throw new IllegalArgumentException(
          file
              + " does not import: "
              + u.report().summary()
              + "; first: "
              + u.report().issues().stream()
                  .filter(i -> i.severity() == Issue.Severity.ERROR)
                  .limit(3)
                  .map(Issue::messageEn)
                  .toList());
    }
    return new Imported(file, r.table(), u);
  }

  private static ValueSet valueSet(
      IndicatorSet is,
      BoundarySet bs,
      YearInfo year,
      Instant now,
      Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> values,
      String contentHash,
      Map<String, Long> report) {
    return new ValueSet(
        PartIds.of(PartIds.VALUES, is.id(), bs.vintage(), PartIds.hashOf(year), contentHash),
        is.id(),
        year,
        now,
        values,
        report);
  }

  /** The hash of a value set's values, levels without any dropped first (the part id's). */
  private static String contentHash(Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> v) {
    v.values().removeIf(Map::isEmpty);
    return PartIds.hashOf(v);
  }

  /** The IDs of every village with values, sorted. */
  static List<String> villageIds(Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> v) {
    // the columns of one level mostly share one area index: each distinct one is read once
    Set<AreaIndex> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Set<String> ids = new HashSet<>();
    for (Map<String, IndicatorValue> c : v.getOrDefault(AdminLevel.VILLAGE, Map.of()).values()) {
      if (!(c instanceof ValueColumn col) || seen.add(col.areas())) {
        ids.addAll(c.keySet());
      }
    }
    String[] sorted = ids.toArray(String[]::new);
    java.util.Arrays.sort(sorted);
    return List.of(sorted);
  }

  /**
   * The y66 file's own target-poor rate ({@code JPT.MOFval.pov.rate}: it has no people-surveyed
   * column), with the imported target-poor count as numerator and no denominator.
   */
  static void givenRate(Imported f, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> v) {
    Table t = f.table();
    Detector.Detection d = Importer.detect(t, Overrides.NONE);
    int rate = column(d.headers(), "JPT.MOFval.pov.rate");
    Integer code = d.mapping().code();
    Map<String, IndicatorValue> target =
        v.getOrDefault(AdminLevel.PROVINCE, Map.of()).get("tpmap:target_poor");
    if (rate < 0 || code == null || target == null) {
      return;
    }
    TreeMap<String, IndicatorValue> out = new TreeMap<>();
    int start = d.options().firstHeaderRow() + d.options().headerRows();
    for (int r = start; r < t.rows().size(); r++) {
      String p = t.cell(r, code).trim();
      IndicatorValue tp = target.get(p);
      if (tp == null || out.containsKey(p)) {
        continue;
      }
      Double given = mean(t.cell(r, rate));
      out.put(
          p,
          new IndicatorValue(
              p, tp.numerator(), null, given, given == null ? "rate not in file" : null));
    }
    if (!out.isEmpty()) {
      v.get(AdminLevel.PROVINCE)
          .put(
              TpmapDefinitions.TARGET_POOR_RATE,
              ValueColumn.of(out.values(), new AreaIndex.Pool()));
    }
  }

  private static int column(String[] headers, String name) {
    for (int i = 0; i < headers.length; i++) {
      if (headers[i].trim().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** A decimal cell; null for blank, NA, NaN or not a number. */
  private static Double mean(String cell) {
    String s = cell.trim();
    if (s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("NaN")) {
      return null;
    }
    try {
      double x = Double.parseDouble(s);
      return Double.isFinite(x) ? x : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
