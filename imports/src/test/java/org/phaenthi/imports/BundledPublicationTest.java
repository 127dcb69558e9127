package org.phaenthi.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.load.DatasetImporter;
import org.phaenthi.boundaries.load.PropertyMapping;

/**
 * The bundled publication built through the importer gives the values the old loaders gave: every
 * (year, level, indicator) of the Phuket areas of the fixture has the same areas, numerators,
 * denominators, values and missing reasons as {@code bundled-fixture-values-83.txt}, captured from
 * the old loaders ({@code IndicatorLoader}, {@code TpmapLoader}, {@code Y66Loader}) on the
 * Phuket-only fixture before they were deleted — unchanged by the second province beside it. The
 * whole two-province fixture's digest is {@code bundled-fixture-values.txt}, written by this test
 * with {@code -Dgolden.update=true} once the Phuket columns matched (review its diff).
 */
class BundledPublicationTest {
  static final String GOLDEN = "bundled-fixture-values.txt";
  static final String GOLDEN_83 = "bundled-fixture-values-83.txt";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Draft fixtureDraft(Path dataDir) {
    DatasetImporter imp =
        new DatasetImporter(dataDir, TestData.fixtureBoundaries(), PropertyMapping.DEFAULT);
    return BundledPublication.draft(imp, id -> Optional.empty(), "test", "fixture");
  }

  @Test
  void thePhuketAreasImportToTheValuesTheOldLoadersGave() throws IOException {
    Draft d = fixtureDraft(TestData.fixtureDir());
    List<String> want = golden(GOLDEN_83);
    assertSameColumns(want, digest(d, "83"), "Phuket's areas, against the old loaders");
    assertTrue(want.size() > 300, "columns " + want.size());
  }

  @Test
  void theTwoProvinceFixtureImportsToItsDigest() throws IOException {
    Draft d = fixtureDraft(TestData.fixtureDir());
    List<String> got = digest(d, "");
    if (UPDATE) {
      Path file = Path.of("src/test/resources/org/phaenthi/imports").resolve(GOLDEN);
      Files.writeString(
          file,
          "# The digest of the two-province fixture (83 + 75), written by BundledPublicationTest"
              + " with -Dgolden.update=true; its Phuket columns are checked against "
              + GOLDEN_83
              + ".\n"
              + String.join("\n", got)
              + "\n");
    }
    assertSameColumns(golden(GOLDEN), got, "both provinces");
    // Samut Songkhram has a value in every (year, level, indicator) column Phuket has
    assertEquals(columns(digest(d, "83")), columns(digest(d, "75")), "columns of 75");
  }

  private static List<String> columns(List<String> digest) {
    return digest.stream().map(l -> l.substring(0, l.indexOf(" n="))).toList();
  }

  private static void assertSameColumns(List<String> want, List<String> got, String what) {
    List<String> missing = new ArrayList<>(want);
    missing.removeAll(got);
    List<String> extra = new ArrayList<>(got);
    extra.removeAll(want);
    System.out.printf(
        "bundled fixture, %s: %d (year, level, indicator) columns compared, %d differ%n",
        what, want.size(), missing.size() + extra.size());
    assertEquals(List.of(), missing.subList(0, Math.min(5, missing.size())), "old, not new");
    assertEquals(List.of(), extra.subList(0, Math.min(5, extra.size())), "new, not old");
    assertEquals(want.size(), got.size());
  }

  @Test
  void theIndicatorSetIsTheCatalogueWithData() {
    Draft d = fixtureDraft(TestData.fixtureDir());
    var is = d.indicatorSets().get(0);
    assertEquals(80, is.indicators().size(), "indicators with data");
    assertTrue(is.indicators().stream().anyMatch(i -> i.code().equals("tpmap:happiness")));
    assertTrue(is.indicators().stream().anyMatch(i -> i.code().equals("tpmap:ind_31")));
    // the village level has names and no polygons
    var villages = d.boundarySet().boundaries().areas(AdminLevel.VILLAGE);
    assertTrue(villages.size() > 100, "villages " + villages.size());
  }

  @Test
  void theImportersFindingsAreInThePublicationsNote() {
    Draft d = fixtureDraft(TestData.fixtureDir());
    for (String f : BundledPublication.FILES) {
      String name = Path.of(f).getFileName().toString();
      assertTrue(d.note().contains(name + ": "), d.note());
    }
    assertTrue(d.note().contains(" rows, "), d.note());
  }

  @Test
  void aWarningOfTheImporterIsInTheNote(@TempDir Path dir) throws IOException {
    Path copy = copyFixture(dir);
    Path common = copy.resolve("indicators/" + BundledPublication.FILES.get(0));
    List<String> lines;
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(common))) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    lines = new ArrayList<>(lines);
    List<String> header = List.of(lines.get(0).replace("\"", "").split(",", -1));
    int all = header.indexOf("indicator1.ALL");
    String[] cells = lines.get(1).split(",", -1);
    String village = cells[0].replace("\"", "");
    cells[all] = ""; // failing count without its eligible units: no data there (not 0), a warning
    lines.set(1, String.join(",", cells));
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(common))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Draft d = fixtureDraft(copy);
    assertTrue(d.note().contains("1 warnings {empty_cell=1}"), d.note());
    var villages = d.valueSets().get(0).values().get(AdminLevel.VILLAGE);
    assertTrue(!villages.get("bmn-2560:1").containsKey(village), village);
    assertTrue(villages.get("bmn-2560:2").containsKey(village), village);
  }

  @Test
  void aFileCutInItsLastRowIsRefused(@TempDir Path dir) throws IOException {
    Path copy = copyFixture(dir);
    Path y66 = copy.resolve("indicators/" + BundledPublication.FILES.get(2));
    String text = Files.readString(y66).stripTrailing();
    Files.writeString(y66, text.substring(0, text.lastIndexOf(',') - 3));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fixtureDraft(copy));
    assertTrue(e.getMessage().contains("cut short"), e.getMessage());
  }

  @Test
  void aFileWithErrorsIsRefused(@TempDir Path dir) throws IOException {
    Path copy = copyFixture(dir);
    Path y66 = copy.resolve("indicators/" + BundledPublication.FILES.get(2));
    List<String> lines = Files.readAllLines(y66);
    String[] cells = lines.get(1).split(",", -1);
    cells[6] = "many";
    lines.set(1, String.join(",", cells));
    Files.write(y66, lines);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fixtureDraft(copy));
    assertTrue(e.getMessage().contains("does not import"), e.getMessage());
  }

  private static Path copyFixture(Path dir) throws IOException {
    Path src = TestData.fixtureDir();
    try (var s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path to = dir.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return dir;
  }

  static List<String> golden(String name) throws IOException {
    try (var in = BundledPublicationTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("#"))
          .toList();
    }
  }

  /**
   * One line per (year, level, indicator): area count, Σ numerators, Σ denominators, Σ values, the
   * missing reasons, and a hash of every area's numbers (9 significant digits) and reason; of the
   * areas whose code starts with {@code prefix} ("" for all), columns without such areas left out.
   */
  static List<String> digest(Draft d, String prefix) {
    List<String> out = new ArrayList<>();
    for (ValueSet vs : d.valueSets()) {
      for (var level : new TreeMap<>(vs.values()).entrySet()) {
        for (var col : new TreeMap<>(level.getValue()).entrySet()) {
          Map<String, IndicatorValue> mine = new TreeMap<>();
          col.getValue()
              .forEach(
                  (a, v) -> {
                    if (a.startsWith(prefix)) {
                      mine.put(a, v);
                    }
                  });
          if (!mine.isEmpty()) {
            out.add(line(vs.year().year().be(), level.getKey(), col.getKey(), mine));
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static String line(int year, AdminLevel l, String code, Map<String, IndicatorValue> col) {
    double num = 0;
    double den = 0;
    double val = 0;
    TreeSet<String> reasons = new TreeSet<>();
    StringBuilder all = new StringBuilder();
    for (String a : new TreeSet<>(col.keySet())) {
      IndicatorValue v = col.get(a);
      num += v.numerator() == null ? 0 : v.numerator();
      den += v.denominator() == null ? 0 : v.denominator();
      val += v.value() == null ? 0 : v.value();
      if (v.missingReason() != null) {
        reasons.add(v.missingReason());
      }
      all.append(a)
          .append(' ')
          .append(g(v.numerator()))
          .append(' ')
          .append(g(v.denominator()))
          .append(' ')
          .append(g(v.value()))
          .append(' ')
          .append(v.missingReason())
          .append('\n');
    }
    return String.format(
        Locale.ROOT,
        "%d %s %s n=%d num=%s den=%s val=%s reasons=%s sha=%s",
        year,
        l.urlName(),
        code,
        col.size(),
        g(num),
        g(den),
        g(val),
        reasons,
        sha(all.toString()));
  }

  private static String g(Double x) {
    return x == null ? "-" : String.format(Locale.ROOT, "%.9g", x);
  }

  private static String sha(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
