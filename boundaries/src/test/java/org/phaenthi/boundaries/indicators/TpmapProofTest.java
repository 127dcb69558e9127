package org.phaenthi.boundaries.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.TestData;

/**
 * The proof: sums of TPMAP's village rows equal TPMAP's own tambon, amphoe, province and country
 * files exactly, for every count column of both files, and every exposed value equals the value
 * made from the file's own counts. Without remaps the match is exact at every level; with {@link
 * CodeRemaps} the tambon and amphoe files are regrouped by the remapped code first.
 */
class TpmapProofTest {
  private static final Map<AdminLevel, String> FILE_LEVEL =
      Map.of(
          AdminLevel.SUBDISTRICT,
          "tambol",
          AdminLevel.DISTRICT,
          "amphur",
          AdminLevel.PROVINCE,
          "province");
  private static Path dir;
  private static CountTable common;
  private static CountTable poor;
  private static IndicatorData data;

  @BeforeAll
  static void load() {
    dir = TestData.dir().resolve("indicators/real/tpmap-2561");
    TpmapLoader identity = new TpmapLoader(UnaryOperator.identity());
    common = identity.load(dir.resolve("61_village_common.csv.gz"));
    poor = identity.load(dir.resolve("61_village_11111.csv.gz"));
    List<CatalogEntry> catalog =
        IndicatorCatalogReader.read(TestData.dir().resolve("indicators/catalog.csv"));
    data = IndicatorLoader.build(catalog, common, poor, Map.of());
  }

  @Test
  void everyCountColumnOfEveryUnitMatchesTpmapFilesExactly() throws IOException {
    long cells = 0;
    for (String mask : List.of("common", "11111")) {
      CountTable table = mask.equals("common") ? common : poor;
      for (AdminLevel level : AdminLevel.values()) {
        Map<String, Map<String, String>> file =
            readLevel("61_" + FILE_LEVEL.get(level) + "_" + mask + ".csv");
        assertEquals(file.keySet(), table.level(level).keySet(), mask + " " + level + " units");
        for (Map.Entry<String, Map<String, String>> row : file.entrySet()) {
          CountTable.Sums sums = table.level(level).get(row.getKey());
          for (String column : table.countColumns()) {
            long expected = Long.parseLong(row.getValue().get(column));
            assertEquals(
                expected, sums.count(table.countIndex(column)), row.getKey() + " " + column);
            cells++;
          }
        }
      }
      Map<String, String> country = readLevel("61_country_" + mask + ".csv").get("");
      for (String column : table.countColumns()) {
        int i = table.countIndex(column);
        long sum =
            table.level(AdminLevel.PROVINCE).values().stream().mapToLong(s -> s.count(i)).sum();
        assertEquals(Long.parseLong(country.get(column)), sum, "country " + column);
      }
    }
    // 8,542 units (7,588 + 878 + 76) × (69 common + 40 poor) count columns
    assertEquals(931_078, cells);
  }

  @Test
  void everyExposedValueEqualsTheValueFromTheFilesOwnCounts() throws IOException {
    for (AdminLevel level : AdminLevel.values()) {
      Map<String, Map<String, String>> c = readLevel("61_" + FILE_LEVEL.get(level) + "_common.csv");
      Map<String, Map<String, String>> p = readLevel("61_" + FILE_LEVEL.get(level) + "_11111.csv");
      for (Indicator indicator : data.indicators()) {
        Map<String, IndicatorValue> values =
            data.values(IndicatorLoader.Y2561, level, indicator.code()).orElseThrow();
        assertEquals(c.keySet(), values.keySet(), indicator.code() + " " + level);
        for (IndicatorValue v : values.values()) {
          checkValue(indicator.code(), v, c.get(v.areaCode()), p.get(v.areaCode()));
        }
      }
    }
  }

  private static void checkValue(
      String code, IndicatorValue v, Map<String, String> c, Map<String, String> p) {
    String where = code + " " + v.areaCode();
    double people = num(c, "HOUSEMEMBER_CNT");
    if (code.startsWith("bmn-2560:")) {
      String k = code.substring(9);
      double all = num(c, "indicator" + k + ".ALL");
      double passing = all - num(c, "indicator" + k + ".CNT");
      assertEquals(passing, v.numerator(), where);
      assertEquals(all, v.denominator(), where);
      if (all == 0) {
        assertEquals(null, v.value(), where);
        assertEquals("no eligible units", v.missingReason(), where);
      } else {
        assertEquals(passing / all * 100, v.value(), 1e-12, where);
      }
      return;
    }
    if (code.startsWith("tpmap:ind_")) {
      String k = code.substring("tpmap:ind_".length());
      assertEquals(num(p, "poor.JPT.MOFval.ind" + k + ".CNT"), v.value(), where);
      assertEquals(null, v.denominator(), where);
      return;
    }
    switch (code) {
      case "tpmap:households_surveyed" -> assertEquals(num(c, "household.CNT"), v.value(), where);
      case "tpmap:people_surveyed" -> assertEquals(people, v.value(), where);
      case "tpmap:welfare_registered" -> checkShare(v, num(c, "MOF_REG_CNT"), people, where);
      case "tpmap:welfare_validated" -> checkShare(v, num(c, "MOF_VAL_CNT"), people, where);
      case "tpmap:elderly" -> checkShare(v, num(c, "ELDERLY_CNT"), people, where);
      case "tpmap:disabled" -> checkShare(v, num(c, "DISABLED_CNT"), people, where);
      case "tpmap:chronic" -> checkShare(v, num(c, "CHRONICPATIENT_CNT"), people, where);
      case "tpmap:poor_households" -> assertEquals(num(p, "poor.household.CNT"), v.value(), where);
      case "tpmap:poor_people" -> assertEquals(num(p, "poor.JPT.CNT"), v.value(), where);
      case "tpmap:poor_registered" -> assertEquals(num(p, "poor.JPT.MOFreg.CNT"), v.value(), where);
      case "tpmap:target_poor" -> assertEquals(num(p, "poor.JPT.MOFval.CNT"), v.value(), where);
      case "tpmap:dim_health" -> assertEquals(num(p, "poor.JPT.MOFval.health"), v.value(), where);
      case "tpmap:dim_living" -> assertEquals(num(p, "poor.JPT.MOFval.living"), v.value(), where);
      case "tpmap:dim_education" ->
          assertEquals(num(p, "poor.JPT.MOFval.education"), v.value(), where);
      case "tpmap:dim_income" -> assertEquals(num(p, "poor.JPT.MOFval.income"), v.value(), where);
      case "tpmap:dim_access" ->
          assertEquals(num(p, "poor.JPT.MOFval.accessibility"), v.value(), where);
      case "tpmap:target_poor_rate" -> {
        assertEquals(num(p, "poor.JPT.MOFval.CNT"), v.numerator(), where);
        assertEquals(people, v.denominator(), where);
        assertEquals(num(p, "JPT.MOFval.pov.rate"), v.value(), 1e-9, where);
      }
      case "tpmap:happiness" -> {
        assertEquals(num(c, "household.CNT"), v.denominator(), where);
        assertEquals(num(c, "happiness"), v.value(), 1e-9, where);
      }
      default -> throw new AssertionError("unexpected indicator " + code);
    }
  }

  private static void checkShare(IndicatorValue v, double numerator, double people, String where) {
    assertEquals(numerator, v.numerator(), where);
    assertEquals(people, v.denominator(), where);
    assertEquals(numerator / people * 100, v.value(), 1e-12, where);
  }

  @Test
  void withRemapsTambonAndAmphoeFilesRegroupedStillMatchExactly() throws IOException {
    TpmapLoader remapped = new TpmapLoader(CodeRemaps::remap);
    CountTable table = remapped.load(dir.resolve("61_village_common.csv.gz"));
    assertEquals(9, table.stat("codesRemapped"));
    Map<String, Map<String, String>> tambons = readLevel("61_tambol_common.csv");
    for (AdminLevel level :
        List.of(AdminLevel.SUBDISTRICT, AdminLevel.DISTRICT, AdminLevel.PROVINCE)) {
      Map<String, Map<String, Long>> expected = new HashMap<>();
      for (Map.Entry<String, Map<String, String>> row : tambons.entrySet()) {
        String code = CodeRemaps.remap(row.getKey()).substring(0, level.codeLength());
        Map<String, Long> sums = expected.computeIfAbsent(code, k -> new HashMap<>());
        for (String column : table.countColumns()) {
          sums.merge(column, Long.parseLong(row.getValue().get(column)), Long::sum);
        }
      }
      assertEquals(expected.keySet(), table.level(level).keySet(), level.urlName());
      expected.forEach(
          (code, sums) ->
              sums.forEach(
                  (column, value) ->
                      assertEquals(
                          value,
                          table.level(level).get(code).count(table.countIndex(column)),
                          code + " " + column)));
    }
    assertTrue(table.sums(AdminLevel.SUBDISTRICT, "530306").isPresent());
    assertFalse(table.sums(AdminLevel.SUBDISTRICT, "530407").isPresent());
  }

  /** A TPMAP level file as ID → column → cell; the country file has no ID column (key ""). */
  static Map<String, Map<String, String>> readLevel(String name) throws IOException {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8)) {
      CsvReader csv = new CsvReader(r, name);
      List<String> header = csv.next();
      boolean hasId = header.get(0).endsWith("_ID");
      for (List<String> row = csv.next(); row != null; row = csv.next()) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          cells.put(header.get(i), row.get(i));
        }
        out.put(hasId ? row.get(0) : "", cells);
      }
    }
    return out;
  }

  private static double num(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
