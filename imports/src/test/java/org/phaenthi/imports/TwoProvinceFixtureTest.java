package org.phaenthi.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.load.BoundaryLoader;
import org.phaenthi.boundaries.load.PropertyMapping;

/**
 * The committed two-province fixture (83 Phuket, islands; 75 Samut Songkhram, mainland) imported as
 * the bundled publication, without the shared data: every 2561 value of every unit of the fixture's
 * TPMAP files equals the file's own, the fixture's "country" (its two provinces) is the exact sum
 * of its villages, and a scoped upload of one province leaves the other's rows as they were. Area
 * counts are read from the fixture files, never written here.
 */
class TwoProvinceFixtureTest {
  private static final Path TPMAP = TestData.fixtureDir().resolve("indicators/real/tpmap-2561");
  private static final SurveyYear Y2561 = new SurveyYear(2561);
  private static Draft draft;
  private static Dataset bundled;

  @BeforeAll
  static void build() {
    draft = BundledPublicationTest.fixtureDraft(TestData.fixtureDir());
    bundled = Dataset.unsaved(draft);
  }

  private static Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> values2561() {
    List<ValueSet> sets =
        draft.valueSets().stream().filter(v -> v.year().year().be() == 2561).toList();
    assertEquals(1, sets.size(), "value sets of 2561");
    return sets.get(0).values();
  }

  @Test
  void theBoundariesAreBothProvincesFilesAtEveryLevel() {
    Boundaries b = draft.boundarySet().boundaries();
    for (AdminLevel level : AdminLevel.standard()) {
      TreeSet<String> want = new TreeSet<>();
      for (Path f : TestData.fixtureBoundaries()) {
        new BoundaryLoader(PropertyMapping.DEFAULT)
            .load(List.of(f))
            .boundaries()
            .areas(level)
            .forEach(a -> want.add(a.code()));
      }
      TreeSet<String> got = new TreeSet<>();
      b.areas(level).forEach(a -> got.add(a.code()));
      assertEquals(want, got, level.urlName());
    }
    assertEquals(
        Set.of("75", "83"),
        Set.copyOf(b.areas(AdminLevel.PROVINCE).stream().map(Area::code).toList()));
  }

  @Test
  void everyValueOfBothProvincesEqualsTpmapsOwnFiles() throws IOException {
    TpmapProofTest.Proof proof = TpmapProofTest.prove(TPMAP, values2561());
    long units = 0;
    for (String level : List.of("province", "amphur", "tambol")) {
      units += TpmapProofTest.readLevel(TPMAP.resolve("61_" + level + "_common.csv")).size();
    }
    int indicators = draft.indicatorSets().get(0).indicators().size();
    System.out.printf(
        "TPMAP proof on the two-province fixture: %,d values, %d mismatches%n",
        proof.values(), proof.mismatches().size());
    assertEquals(List.of(), proof.mismatches());
    assertEquals(units * indicators, proof.values(), units + " units × " + indicators);
  }

  /**
   * Summing counts up to the top: for every count column of the village file, the fixture's
   * villages add up exactly to its two province rows and to the served province values' sum; the
   * country's rate is made from those sums (not the mean of the two provinces' rates).
   */
  @Test
  void theFixturesCountryIsTheExactSumOfItsTwoProvinces() throws IOException {
    Map<String, Map<String, String>> provinces =
        TpmapProofTest.readLevel(TPMAP.resolve("61_province_common.csv"));
    assertEquals(Set.of("75", "83"), provinces.keySet());
    List<Map<String, String>> villages = villageRows("61_village_common.csv.gz");
    List<String> columns = new ArrayList<>(List.of("household.CNT", "HOUSEMEMBER_CNT"));
    for (int k = 1; k <= 31; k++) {
      columns.add("indicator" + k + ".ALL");
      columns.add("indicator" + k + ".CNT");
    }
    var served = values2561().get(AdminLevel.PROVINCE);
    for (String col : columns) {
      long byVillage = villages.stream().mapToLong(r -> Long.parseLong(r.get(col))).sum();
      long byProvince =
          provinces.values().stream().mapToLong(r -> Long.parseLong(r.get(col))).sum();
      assertEquals(byProvince, byVillage, col + ": villages against the province rows");
    }
    for (int k = 1; k <= 31; k++) {
      Map<String, IndicatorValue> v = served.get("bmn-2560:" + k);
      long all = sum(villages, "indicator" + k + ".ALL");
      long passing = all - sum(villages, "indicator" + k + ".CNT");
      assertEquals(all, v.values().stream().mapToDouble(IndicatorValue::denominator).sum(), "" + k);
      assertEquals(
          passing, v.values().stream().mapToDouble(IndicatorValue::numerator).sum(), "" + k);
    }
    Map<String, IndicatorValue> hh = served.get("tpmap:households_surveyed");
    assertEquals(
        sum(villages, "household.CNT"),
        hh.values().stream().mapToDouble(IndicatorValue::value).sum(),
        "households");
    // the country's target-poor rate from summed counts differs from the mean of the two rates
    List<Map<String, String>> poor = villageRows("61_village_11111.csv.gz");
    Map<String, IndicatorValue> rate = served.get("tpmap:target_poor_rate");
    double num = rate.values().stream().mapToDouble(IndicatorValue::numerator).sum();
    double den = rate.values().stream().mapToDouble(IndicatorValue::denominator).sum();
    assertEquals(sum(poor, "poor.JPT.MOFval.CNT"), num, "target poor");
    assertEquals(sum(villages, "HOUSEMEMBER_CNT"), den, "people");
    double mean = (rate.get("75").value() + rate.get("83").value()) / 2;
    assertNotEquals(mean, num / den * 100, 1e-6, "summed counts, not averaged rates");
  }

  /**
   * A token of province 75 uploads 75's village file with one count changed: that count changes 75
   * up to the province by exactly that much, and every value of Phuket, at every level and for
   * every indicator and year, is the one it was. The same file under a Phuket token is refused row
   * for row.
   */
  @Test
  void aScopedUploadOfOneProvinceLeavesTheOthersRowsUntouched() throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = gz(TPMAP.resolve("61_village_common.csv.gz"))) {
      lines.add(in.readLine());
      in.lines().filter(l -> l.startsWith("\"75")).forEach(lines::add);
    }
    String[] cells = lines.get(1).split(",", -1);
    String village = cells[0].replace("\"", "");
    cells[1] = String.valueOf(Long.parseLong(cells[1]) + 1); // household.CNT
    lines.set(1, String.join(",", cells));
    byte[] file = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

    Upload u =
        Importer.check(
            file,
            "61_village_common.csv",
            Overrides.NONE,
            new Validator.Context(bundled, CodeRemaps.NONE, "75"));
    assertEquals(0, u.report().errors(), () -> u.report().issues().toString());
    assertEquals(Set.of("75"), u.provinces());
    Dataset after = Dataset.unsaved(Importer.draft(bundled, u, "test", "75 villages"));

    int phuket = 0;
    for (SurveyYear y : bundled.indicators().years().keySet()) {
      for (AdminLevel l : bundled.boundaries().levels()) {
        for (Indicator ind : bundled.indicators().indicators()) {
          var before = bundled.indicators().values(y, l, ind.code());
          if (before.isEmpty()) {
            continue;
          }
          Map<String, IndicatorValue> now = after.indicators().values(y, l, ind.code()).get();
          for (var e : before.get().entrySet()) {
            if (e.getKey().startsWith("83")) {
              assertEquals(e.getValue(), now.get(e.getKey()), y + " " + l + " " + ind.code());
              phuket++;
            }
          }
        }
      }
    }
    assertTrue(phuket > 10_000, "Phuket values compared: " + phuket);

    String code = "tpmap:households_surveyed";
    for (AdminLevel l : bundled.boundaries().levels()) {
      Map<String, IndicatorValue> b = bundled.indicators().values(Y2561, l, code).get();
      Map<String, IndicatorValue> a = after.indicators().values(Y2561, l, code).get();
      assertEquals(b.keySet(), a.keySet(), l.urlName());
      String up = village.substring(0, Math.min(village.length(), l.codeLength()));
      for (String area : b.keySet()) {
        double plus = area.equals(up) ? 1 : 0;
        assertEquals(b.get(area).numerator() + plus, a.get(area).numerator(), area);
      }
    }

    Upload wrong =
        Importer.check(
            file,
            "61_village_common.csv",
            Overrides.NONE,
            new Validator.Context(bundled, CodeRemaps.NONE, "83"));
    assertFalse(wrong.publishable());
    assertEquals(lines.size() - 1, wrong.report().byKind().get("outside_scope"));
  }

  private static long sum(List<Map<String, String>> rows, String column) {
    return rows.stream().mapToLong(r -> Long.parseLong(r.get(column))).sum();
  }

  private static BufferedReader gz(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
  }

  private static List<Map<String, String>> villageRows(String name) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (BufferedReader r = gz(TPMAP.resolve(name));
        CSVParser csv = CSVParser.parse(r, CSVFormat.DEFAULT)) {
      List<String> header = null;
      for (CSVRecord rec : csv) {
        if (header == null) {
          header = rec.toList();
          continue;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), rec.get(i));
        }
        out.add(cells);
      }
    }
    return out;
  }
}
