package org.phaenthi.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.SharedData;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;

/**
 * Every TPMAP 2561 level file (province, amphoe, tambon and the two village files) and the y66
 * province file, imported as wide files through the importer and published over the bundled
 * publication, give exactly the bundled values: numerator, denominator and value of every area of
 * every indicator the file maps, at the file's level and every coarser one (0 differences), and of
 * the weighted mean and derived rate the importer makes from them.
 */
@SharedData
class TpmapRoundTripTest {

  @ParameterizedTest
  @CsvSource({
    "tpmap-2561/61_province_common.csv, province, 2561, 38",
    "tpmap-2561/61_province_11111.csv, province, 2561, 40",
    "tpmap-2561/61_amphur_common.csv, district, 2561, 38",
    "tpmap-2561/61_amphur_11111.csv, district, 2561, 40",
    "tpmap-2561/61_tambol_common.csv, subdistrict, 2561, 38",
    "tpmap-2561/61_tambol_11111.csv, subdistrict, 2561, 40",
    "tpmap-2561/61_village_common.csv.gz, village, 2561, 38",
    "tpmap-2561/61_village_11111.csv.gz, village, 2561, 40",
    "tpmap-2566/y66_province_poverty_with_province_name.csv, province, 2566, 40"
  })
  void importedValuesEqualTheBundledPublication(String file, String level, int year, int indicators)
      throws IOException {
    Dataset bundled = RealData.dataset();
    Path path = TestData.dir().resolve("indicators/real").resolve(file);
    Upload u =
        Importer.check(
            Files.readAllBytes(path),
            path.getFileName().toString(),
            Overrides.NONE,
            new Validator.Context(bundled, RealData.REMAPS, "all"));
    assertEquals(Format.WIDE, u.detection().format());
    assertEquals(level, u.level());
    assertEquals(year, u.year());
    assertEquals(
        0,
        u.report().errors(),
        () -> u.report().issues().subList(0, Math.min(5, u.report().issues().size())).toString());
    assertEquals(indicators, u.counts().size(), "indicators mapped: " + u.counts().keySet());
    Dataset after = Dataset.unsaved(Importer.draft(bundled, u, "test", "round trip"));
    SurveyYear y = new SurveyYear(year);
    List<String> diffs = new ArrayList<>();
    long compared = 0;
    for (AdminLevel l : bundled.boundaries().levels()) {
      if (l.depth() > u.storedLevel().depth()) {
        continue;
      }
      for (String code : compared(bundled, u)) {
        Map<String, IndicatorValue> want = bundled.indicators().values(y, l, code).orElse(Map.of());
        Map<String, IndicatorValue> got = after.indicators().values(y, l, code).orElse(Map.of());
        assertEquals(want.keySet(), got.keySet(), l + " " + code + " areas");
        for (var e : want.entrySet()) {
          IndicatorValue a = e.getValue();
          IndicatorValue b = got.get(e.getKey());
          compared++;
          if (!same(a.numerator(), b.numerator())
              || !same(a.denominator(), b.denominator())
              || !same(a.value(), b.value())) {
            diffs.add(l + " " + code + " " + e.getKey() + ": " + a + " vs " + b);
          }
        }
      }
    }
    System.out.printf(
        "%s: %,d rows, %,d values compared, %d differences%n",
        file, u.rows(), compared, diffs.size());
    assertEquals(List.of(), diffs.subList(0, Math.min(10, diffs.size())));
    assertTrue(compared > 1000 || level.equals("province"), "compared " + compared);
  }

  /**
   * What the upload changes: its counts, its weighted means (the common files' {@code happiness})
   * and the derived rates made from them ({@code tpmap:target_poor_rate}; the y66 file's own rate
   * stays, as that file has no people-surveyed column).
   */
  private static List<String> compared(Dataset bundled, Upload u) {
    List<String> codes = new ArrayList<>(u.valueCodes());
    for (var set : bundled.indicatorSets()) {
      for (var i : set.indicators()) {
        var d = i.derivation();
        if (d != null
            && d.kind() == org.phaenthi.boundaries.indicators.Derivation.Kind.RATIO
            && (codes.contains(d.numerator()) || codes.contains(d.denominator()))
            && !codes.contains(i.code())) {
          codes.add(i.code());
        }
      }
    }
    return codes;
  }

  private static boolean same(Double a, Double b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  }

  /**
   * The comparison bites, and one province's upload replaces only its rows: a file holding only the
   * first province, with one count changed, changes that count and nothing of the other provinces.
   */
  @Test
  void oneProvinceWithAChangedCountChangesOnlyThatProvince() throws IOException {
    Dataset bundled = RealData.dataset();
    List<String> lines = Files.readAllLines(RealData.tpmap("61_province_common.csv"));
    String[] cells = lines.get(1).split(",", -1);
    cells[1] = String.valueOf(Long.parseLong(cells[1]) + 1); // household.CNT
    String file = lines.get(0) + "\n" + String.join(",", cells) + "\n";
    Upload u =
        Importer.check(
            file.getBytes(StandardCharsets.UTF_8),
            "61_province_common.csv",
            Overrides.NONE,
            new Validator.Context(bundled, RealData.REMAPS, "all"));
    assertEquals(0, u.report().errors());
    String province = cells[0].replace("\"", "");
    assertEquals(java.util.Set.of(province), u.provinces());
    Dataset after = Dataset.unsaved(Importer.draft(bundled, u, "test", "changed"));
    SurveyYear y = new SurveyYear(2561);
    String code = "tpmap:households_surveyed";
    Map<String, IndicatorValue> before =
        bundled.indicators().values(y, AdminLevel.PROVINCE, code).get();
    Map<String, IndicatorValue> now = after.indicators().values(y, AdminLevel.PROVINCE, code).get();
    assertEquals(before.get(province).numerator() + 1, now.get(province).numerator());
    assertEquals(before.keySet(), now.keySet());
    for (String p : before.keySet()) {
      if (!p.equals(province)) {
        assertEquals(before.get(p), now.get(p), p);
      }
    }
    // the province's districts would no longer add up to it: they go; other provinces' stay
    Map<String, IndicatorValue> districts =
        after.indicators().values(y, AdminLevel.DISTRICT, code).get();
    Map<String, IndicatorValue> oldDistricts =
        bundled.indicators().values(y, AdminLevel.DISTRICT, code).get();
    assertTrue(districts.keySet().stream().noneMatch(c -> c.startsWith(province)));
    assertEquals(
        oldDistricts.keySet().stream().filter(c -> !c.startsWith(province)).toList(),
        List.copyOf(districts.keySet()));
    // indicators the file does not carry are untouched
    assertEquals(
        bundled.indicators().values(y, AdminLevel.DISTRICT, "tpmap:target_poor").get(),
        after.indicators().values(y, AdminLevel.DISTRICT, "tpmap:target_poor").get());
  }

  /**
   * A province's village file is kept at the village level: its villages' rows are replaced (one
   * changed count changes that village, its subdistrict, district and province by exactly that
   * much), every other province's village rows stay as they were.
   */
  @Test
  void aProvinceVillageFileReplacesItsVillagesAndKeepsTheOthers() throws IOException {
    Dataset bundled = RealData.dataset();
    List<String> lines = new ArrayList<>();
    try (var in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(
                    Files.newInputStream(RealData.tpmap("61_village_common.csv.gz"))),
                StandardCharsets.UTF_8))) {
      lines.add(in.readLine());
      in.lines().filter(l -> l.startsWith("\"65")).forEach(lines::add);
    }
    String[] cells = lines.get(1).split(",", -1);
    String village = cells[0].replace("\"", "");
    cells[1] = String.valueOf(Long.parseLong(cells[1]) + 1); // household.CNT
    lines.set(1, String.join(",", cells));
    Upload u =
        Importer.check(
            (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
            "61_village_common.csv",
            Overrides.NONE,
            new Validator.Context(bundled, RealData.REMAPS, "65"));
    assertEquals(0, u.report().errors(), () -> u.report().issues().toString());
    assertEquals(AdminLevel.VILLAGE, u.storedLevel());
    assertEquals(java.util.Set.of("65"), u.provinces());
    Dataset after = Dataset.unsaved(Importer.draft(bundled, u, "test", "65 villages"));
    SurveyYear y = new SurveyYear(2561);
    String code = "tpmap:households_surveyed";
    Map<String, IndicatorValue> before =
        bundled.indicators().values(y, AdminLevel.VILLAGE, code).get();
    Map<String, IndicatorValue> now = after.indicators().values(y, AdminLevel.VILLAGE, code).get();
    assertEquals(before.keySet(), now.keySet(), "every village of every province is still there");
    long phitsanulok = 0;
    for (String v : before.keySet()) {
      double plus = v.equals(village) ? 1 : 0;
      assertEquals(before.get(v).numerator() + plus, now.get(v).numerator(), v);
      phitsanulok += v.startsWith("65") ? 1 : 0;
    }
    assertEquals(lines.size() - 1, phitsanulok, "the file's villages are the province's");
    for (AdminLevel l : List.of(AdminLevel.SUBDISTRICT, AdminLevel.DISTRICT, AdminLevel.PROVINCE)) {
      Map<String, IndicatorValue> b = bundled.indicators().values(y, l, code).get();
      Map<String, IndicatorValue> a = after.indicators().values(y, l, code).get();
      assertEquals(b.keySet(), a.keySet(), l.urlName());
      String up = village.substring(0, l.codeLength());
      for (String area : b.keySet()) {
        assertEquals(
            b.get(area).numerator() + (area.equals(up) ? 1 : 0), a.get(area).numerator(), area);
      }
    }
  }
}
