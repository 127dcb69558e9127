package org.phaenthi.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.SharedData;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.TpmapDefinitions;

/**
 * The proof, on the path that builds the bundled publication ({@link BundledPublication}: the
 * village files through the importer, as uploads go): every exposed 2561 value of every tambon,
 * amphoe and province equals the value made from TPMAP's own file of that level, 0 mismatches, for
 * the village rows placed as they are and for the served path (placed with the bundled boundary
 * vintage's remaps), all 31 BMN pass rates and all 31 target-poor-failing counts included, since
 * ท่าแฝก is no longer folded into another subdistrict. A control proves the check bites.
 */
@SharedData
class TpmapProofTest {
  private static final Map<AdminLevel, String> FILE_LEVEL =
      Map.of(
          AdminLevel.SUBDISTRICT,
          "tambol",
          AdminLevel.DISTRICT,
          "amphur",
          AdminLevel.PROVINCE,
          "province");
  private static final java.util.regex.Pattern FOLD =
      java.util.regex.Pattern.compile("^\"530407(\\d\\d)");
  private static Path dir;
  private static Boundaries polygons;

  @BeforeAll
  static void load() {
    dir = TestData.dir().resolve("indicators/real/tpmap-2561");
    polygons = RealData.lite();
  }

  static Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> values(CodeRemaps remaps) {
    Path ind = TestData.dir().resolve("indicators");
    return BundledPublication.values(
            ind,
            polygons,
            TpmapDefinitions.catalogue(ind),
            remaps,
            "test",
            "proof",
            new ArrayList<>())
        .get(2561);
  }

  @Test
  void everyValueOfTheVillageRowsAsTheyAreEqualsTheFilesOwn() throws IOException {
    Proof proof = prove(dir, values(CodeRemaps.NONE));
    assertEquals(List.of(), proof.mismatches(), "identity-placed values against the files");
    assertEquals(8_542 * 80, proof.values(), "values compared: 8,542 units × 80 indicators");
  }

  /**
   * What is served: the village files imported with the bundled vintage's remaps. District and
   * province values equal TPMAP's published amphoe and province files for every indicator.
   */
  @Test
  void servedValuesOnTheBundledVintageEqualThePublishedFilesWithNoMismatch() throws IOException {
    var served = values(RealData.REMAPS);
    var codes = served.get(AdminLevel.DISTRICT).keySet();
    for (int k = 1; k <= 31; k++) {
      assertTrue(codes.contains("bmn-2560:" + k), "bmn-2560:" + k);
      assertTrue(codes.contains("tpmap:ind_" + k), "tpmap:ind_" + k);
    }
    Proof proof = prove(dir, served);
    System.out.printf(
        "TPMAP proof on the served path: %,d values (%,d at district level), %d mismatches%n",
        proof.values(), proof.districtValues(), proof.mismatches().size());
    assertEquals(List.of(), proof.mismatches());
    assertEquals(878 * 80, proof.districtValues());
  }

  /**
   * The proof bites: folding ท่าแฝก's villages into the 2019 polygon 530306 (the old remap) moves
   * them from district 5304 to 5303, and the comparison finds exactly those districts' differences.
   */
  @Test
  void theOldFoldIntoDistrict5303IsCaughtByTheProof(@TempDir Path tmp) throws IOException {
    // a join may no longer cross districts, so the fold is made in copies of the village files,
    // checked against the polygons as filed in 2019 (where 530306 still exists)
    Path ind = TestData.dir().resolve("indicators");
    for (String f : BundledPublication.FILES) {
      Path to = tmp.resolve(f);
      Files.createDirectories(to.getParent());
      if (!f.endsWith(".gz")) {
        Files.copy(ind.resolve(f), to);
        continue;
      }
      try (var in =
              new BufferedReader(
                  new InputStreamReader(
                      new GZIPInputStream(Files.newInputStream(ind.resolve(f))),
                      StandardCharsets.UTF_8));
          var out =
              new OutputStreamWriter(
                  new GZIPOutputStream(Files.newOutputStream(to)), StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          // village numbers moved up by 60 so they do not repeat 530306's own villages
          out.write(
              FOLD.matcher(line)
                  .replaceFirst(m -> "\"530306" + (Integer.parseInt(m.group(1)) + 60)));
          out.write('\n');
        }
      }
    }
    Proof proof =
        prove(
            dir,
            BundledPublication.values(
                    tmp,
                    RealData.liteAsFiled(),
                    TpmapDefinitions.catalogue(ind),
                    CodeRemaps.NONE,
                    "test",
                    "fold",
                    new ArrayList<>())
                .get(2561));
    List<String> district =
        proof.mismatches().stream().filter(m -> m.startsWith("district ")).toList();
    long pairs =
        district.stream().map(m -> m.split(" ")[1] + " " + m.split(" ")[2]).distinct().count();
    System.out.printf(
        "the old fold: %d district mismatches in %d (district, indicator) values, e.g. %s%n",
        district.size(), pairs, district.get(0));
    assertFalse(district.isEmpty());
    assertTrue(
        district.stream().allMatch(m -> m.contains(" 5303 ") || m.contains(" 5304 ")),
        "" + district);
    assertTrue(
        proof.mismatches().stream().noneMatch(m -> m.startsWith("province ")),
        "both districts are in province 53, whose total is unchanged");
    assertTrue(
        proof.mismatches().stream().anyMatch(m -> m.startsWith("subdistrict units")),
        "530306 is not a unit of the tambon file");
  }

  /** Every exposed 2561 value of every level compared with the files; the differences, listed. */
  record Proof(long values, long districtValues, List<String> mismatches) {}

  /**
   * The proof over the TPMAP 2561 files of {@code tpmapDir} (the whole country's, or the committed
   * fixture's two provinces): every served value of every unit of those files, compared.
   */
  static Proof prove(Path tpmapDir, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> d)
      throws IOException {
    List<String> out = new ArrayList<>();
    long values = 0;
    long districtValues = 0;
    for (AdminLevel level : AdminLevel.standard()) {
      String file = "61_" + FILE_LEVEL.get(level);
      Map<String, Map<String, String>> c = readLevel(tpmapDir.resolve(file + "_common.csv"));
      Map<String, Map<String, String>> p = readLevel(tpmapDir.resolve(file + "_11111.csv"));
      for (var e : d.get(level).entrySet()) {
        String code = e.getKey();
        Map<String, IndicatorValue> served = e.getValue();
        if (!c.keySet().equals(served.keySet())) {
          out.add(level.urlName() + " units of " + code + " differ from the file");
        }
        for (IndicatorValue v : served.values()) {
          if (!c.containsKey(v.areaCode())) {
            continue;
          }
          String where = level.urlName() + " " + v.areaCode() + " " + code;
          checkValue(new Check(where, out), code, v, c.get(v.areaCode()), p.get(v.areaCode()));
          values++;
          if (level == AdminLevel.DISTRICT) {
            districtValues++;
          }
        }
      }
    }
    return new Proof(values, districtValues, out);
  }

  /** Collects differences instead of stopping at the first, so a failure shows all of them. */
  private record Check(String where, List<String> out) {
    void eq(Double expected, Double actual, double tolerance, String what) {
      boolean same =
          expected == null
              ? actual == null
              : actual != null && Math.abs(expected - actual) <= tolerance;
      if (!same) {
        out.add(where + " " + what + ": file " + expected + ", served " + actual);
      }
    }

    void eq(Double expected, Double actual, String what) {
      eq(expected, actual, 0, what);
    }

    void eq(String expected, String actual, String what) {
      if (!java.util.Objects.equals(expected, actual)) {
        out.add(where + " " + what + ": file " + expected + ", served " + actual);
      }
    }
  }

  private static void checkValue(
      Check ck, String code, IndicatorValue v, Map<String, String> c, Map<String, String> p) {
    double people = num(c, "HOUSEMEMBER_CNT");
    if (code.startsWith("bmn-2560:")) {
      String k = code.substring(9);
      double all = num(c, "indicator" + k + ".ALL");
      double passing = all - num(c, "indicator" + k + ".CNT");
      ck.eq(passing, v.numerator(), "numerator");
      ck.eq(all, v.denominator(), "denominator");
      if (all == 0) {
        ck.eq((Double) null, v.value(), "value");
        ck.eq("no eligible units", v.missingReason(), "reason");
      } else {
        ck.eq(passing / all * 100, v.value(), 1e-12, "value");
      }
      return;
    }
    if (code.startsWith("tpmap:ind_")) {
      String k = code.substring("tpmap:ind_".length());
      ck.eq(num(p, "poor.JPT.MOFval.ind" + k + ".CNT"), v.value(), "value");
      ck.eq((Double) null, v.denominator(), "denominator");
      return;
    }
    switch (code) {
      case "tpmap:households_surveyed" -> ck.eq(num(c, "household.CNT"), v.value(), "value");
      case "tpmap:people_surveyed" -> ck.eq(people, v.value(), "value");
      case "tpmap:welfare_registered" -> checkShare(ck, v, num(c, "MOF_REG_CNT"), people);
      case "tpmap:welfare_validated" -> checkShare(ck, v, num(c, "MOF_VAL_CNT"), people);
      case "tpmap:elderly" -> checkShare(ck, v, num(c, "ELDERLY_CNT"), people);
      case "tpmap:disabled" -> checkShare(ck, v, num(c, "DISABLED_CNT"), people);
      case "tpmap:chronic" -> checkShare(ck, v, num(c, "CHRONICPATIENT_CNT"), people);
      case "tpmap:poor_households" -> ck.eq(num(p, "poor.household.CNT"), v.value(), "value");
      case "tpmap:poor_people" -> ck.eq(num(p, "poor.JPT.CNT"), v.value(), "value");
      case "tpmap:poor_registered" -> ck.eq(num(p, "poor.JPT.MOFreg.CNT"), v.value(), "value");
      case "tpmap:target_poor" -> ck.eq(num(p, "poor.JPT.MOFval.CNT"), v.value(), "value");
      case "tpmap:dim_health" -> ck.eq(num(p, "poor.JPT.MOFval.health"), v.value(), "value");
      case "tpmap:dim_living" -> ck.eq(num(p, "poor.JPT.MOFval.living"), v.value(), "value");
      case "tpmap:dim_education" -> ck.eq(num(p, "poor.JPT.MOFval.education"), v.value(), "value");
      case "tpmap:dim_income" -> ck.eq(num(p, "poor.JPT.MOFval.income"), v.value(), "value");
      case "tpmap:dim_access" -> ck.eq(num(p, "poor.JPT.MOFval.accessibility"), v.value(), "value");
      case "tpmap:target_poor_rate" -> {
        ck.eq(num(p, "poor.JPT.MOFval.CNT"), v.numerator(), "numerator");
        ck.eq(people, v.denominator(), "denominator");
        ck.eq(num(p, "JPT.MOFval.pov.rate"), v.value(), 1e-9, "value");
      }
      case "tpmap:happiness" -> {
        ck.eq(num(c, "household.CNT"), v.denominator(), "denominator");
        ck.eq(num(c, "happiness"), v.value(), 1e-9, "value");
      }
      default -> throw new AssertionError("unexpected indicator " + code);
    }
  }

  private static void checkShare(Check ck, IndicatorValue v, double numerator, double people) {
    ck.eq(numerator, v.numerator(), "numerator");
    ck.eq(people, v.denominator(), "denominator");
    ck.eq(numerator / people * 100, v.value(), 1e-12, "value");
  }

  /** A TPMAP level file as ID → column → cell (Commons CSV). */
  static Map<String, Map<String, String>> readLevel(Path file) throws IOException {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(r, CSVFormat.DEFAULT)) {
      List<String> header = null;
      for (CSVRecord rec : csv) {
        List<String> row = rec.toList();
        if (header == null) {
          header = row;
          continue;
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), row.get(i));
        }
        out.put(row.get(0), cells);
      }
    }
    return out;
  }

  private static double num(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
