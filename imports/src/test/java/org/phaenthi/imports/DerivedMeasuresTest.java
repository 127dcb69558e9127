package org.phaenthi.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.indicators.Derivation;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.store.EmbeddedStore;

/**
 * A user's indicator-definitions file declares a derived rate (numerator indicator / denominator
 * indicator) and a weighted mean (score column × weight column) as TPMAP's set declares its
 * target-poor rate and happiness; a value file of the Phuket fixture's villages then gives, at
 * every level (village, subdistrict, district, province), exactly the values recomputed here from
 * the file's rows: sums first, then divided; denominator 0 and a missing denominator give no value
 * (not 0); a village without a score is left out of the mean.
 */
class DerivedMeasuresTest {
  @TempDir Path tmp;

  static final String DEFINITIONS =
      "code,name_th,name_en,unit,kind,higher_is_better,numerator_indicator,denominator_indicator,"
          + "score_column,weight_column\n"
          + "poor,คนจนเป้าหมาย,Target poor,person,count,false,,,,\n"
          + "people,คนที่สำรวจ,People surveyed,person,count,,,,,\n"
          + "poor_rate,สัดส่วนคนจนเป้าหมาย,Target-poor rate,person,percent,false,poor,people,,\n"
          + "score,ความสุขเฉลี่ย,Mean happiness,score,weighted_mean,true,,,Happy Score,HH\n";

  private static Overrides options(Format f) {
    return new Overrides(f, null, null, null, 2561, "mine", null, null, null, null);
  }

  private static Upload check(String text, String name, Format f, Dataset current) {
    Upload u =
        Importer.check(
            text.getBytes(StandardCharsets.UTF_8), name, options(f), Fixture.all(current));
    assertEquals(0, u.report().errors(), u.report().issues().toString());
    return u;
  }

  /** Village rows of the fixture: ID → {target poor, people, happiness, households} as text. */
  static Map<String, String[]> villages() throws IOException {
    Map<String, String[]> rows = new TreeMap<>();
    Path dir = TestData.fixtureDir().resolve("indicators/real/tpmap-2561");
    for (CSVRecord r : records(dir.resolve("61_village_common.csv.gz"))) {
      rows.put(
          r.get(0),
          new String[] {"", r.get("HOUSEMEMBER_CNT"), r.get("happiness"), r.get("household.CNT")});
    }
    for (CSVRecord r : records(dir.resolve("61_village_11111.csv.gz"))) {
      rows.get(r.get(0))[0] = r.get("poor.JPT.MOFval.CNT");
    }
    return rows;
  }

  private static List<CSVRecord> records(Path gz) throws IOException {
    try (Reader in =
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().get())) {
      return p.getRecords();
    }
  }

  @Test
  void aDerivedRateAndAWeightedMeanOfAnUploadAreRightAtEveryLevel() throws IOException {
    Dataset bundled = Dataset.unsaved(BundledPublicationTest.fixtureDraft(TestData.fixtureDir()));
    // detected as definitions although no row holds a number (one header row, not three)
    Upload defs = check(DEFINITIONS, "definitions.csv", null, bundled);
    assertEquals(Format.INDICATORS, defs.detection().format());
    Dataset defined = Dataset.unsaved(Importer.draft(bundled, defs, "test", "definitions"));
    IndicatorSet mine = set(defined, "mine");
    assertEquals(
        Derivation.ratio("mine:poor", "mine:people"),
        indicator(mine, "mine:poor_rate").derivation());
    assertEquals(
        Derivation.weightedMean("Happy Score", "HH"), indicator(mine, "mine:score").derivation());

    Map<String, String[]> rows = villages();
    List<String> ids = new ArrayList<>(rows.keySet());
    rows.get(ids.get(0))[1] = "0"; // no people surveyed: the rate has no value, not 0
    rows.get(ids.get(1))[1] = ""; // people not in the data: no rate, not 0
    rows.get(ids.get(2))[2] = "NA"; // no score: left out of the mean, not 0
    rows.get(ids.get(3))[3] = ""; // no weight: the village is left out of the mean
    rows.get(ids.get(4))[2] = " 7.25 "; // a decimal score, spaces around it
    StringBuilder file = new StringBuilder("code,poor_numerator,people_numerator,Happy Score,HH\n");
    rows.forEach((id, r) -> file.append(id).append(',').append(String.join(",", r)).append('\n'));
    Upload u = check(file.toString(), "mine-villages.csv", Format.WIDE, defined);
    assertEquals("village", u.level());
    assertEquals(List.of("mine:poor", "mine:people", "mine:score"), List.copyOf(u.valueCodes()));
    Dataset after = Dataset.unsaved(Importer.draft(defined, u, "test", "values"));

    SurveyYear y = new SurveyYear(2561);
    long compared = 0;
    for (AdminLevel l :
        List.of(
            AdminLevel.VILLAGE, AdminLevel.SUBDISTRICT, AdminLevel.DISTRICT, AdminLevel.PROVINCE)) {
      Map<String, double[]> poor = new TreeMap<>();
      Map<String, double[]> people = new TreeMap<>();
      Map<String, double[]> score = new TreeMap<>();
      rows.forEach(
          (id, r) -> {
            String a = id.substring(0, l.codeLength());
            if (!r[0].isBlank()) {
              poor.computeIfAbsent(a, k -> new double[1])[0] += Double.parseDouble(r[0]);
            }
            if (!r[1].isBlank()) {
              people.computeIfAbsent(a, k -> new double[1])[0] += Double.parseDouble(r[1]);
            }
            if (!r[3].isBlank()) {
              double[] s = score.computeIfAbsent(a, k -> new double[2]);
              if (!r[2].trim().equals("NA")) {
                s[0] += Double.parseDouble(r[2].trim()) * Double.parseDouble(r[3]);
                s[1] += Double.parseDouble(r[3]);
              }
            }
          });
      Map<String, IndicatorValue> rate = values(after, y, l, "mine:poor_rate");
      assertEquals(poor.keySet(), rate.keySet(), l + " rate areas");
      for (var e : poor.entrySet()) {
        IndicatorValue v = rate.get(e.getKey());
        double[] p = people.get(e.getKey());
        assertEquals(e.getValue()[0], v.numerator(), l + " " + e.getKey());
        if (p == null) {
          assertNull(v.value());
          assertNull(v.denominator());
          assertEquals(DerivedRates.NO_DENOMINATOR, v.missingReason());
        } else if (p[0] == 0) {
          assertNull(v.value(), "denominator 0: no value, not 0");
          assertEquals(UploadMerger.NO_ELIGIBLE, v.missingReason());
        } else {
          assertEquals(p[0], v.denominator(), l + " " + e.getKey());
          assertEquals(e.getValue()[0] * 100 / p[0], v.value(), 1e-12, l + " " + e.getKey());
        }
        compared++;
      }
      Map<String, IndicatorValue> mean = values(after, y, l, "mine:score");
      assertEquals(score.keySet(), mean.keySet(), l + " mean areas");
      for (var e : score.entrySet()) {
        IndicatorValue v = mean.get(e.getKey());
        double[] s = e.getValue();
        assertEquals(s[0], v.numerator(), 1e-9 * Math.max(1, s[0]), l + " " + e.getKey());
        assertEquals(s[1], v.denominator(), l + " " + e.getKey());
        if (s[1] == 0) {
          assertNull(v.value(), "no village with a score: no value, not 0");
          assertEquals(UploadMerger.NO_SCORE, v.missingReason());
        } else {
          assertEquals(s[0] / s[1], v.value(), 1e-12, l + " " + e.getKey());
        }
        compared++;
      }
    }
    // the edited villages are what the asserts above say they are
    var villageRate = values(after, y, AdminLevel.VILLAGE, "mine:poor_rate");
    assertNull(villageRate.get(ids.get(0)).value());
    assertNull(villageRate.get(ids.get(1)).value());
    var villageMean = values(after, y, AdminLevel.VILLAGE, "mine:score");
    assertEquals(UploadMerger.NO_SCORE, villageMean.get(ids.get(2)).missingReason());
    assertTrue(!villageMean.containsKey(ids.get(3)), "no weight: no entry");
    assertEquals(7.25, villageMean.get(ids.get(4)).value(), 1e-12);
    // the province's values, checked against TPMAP's own (happiness and target-poor rate)
    var bundledRate = values(after, y, AdminLevel.DISTRICT, "tpmap:target_poor_rate");
    assertEquals(
        bundledRate.keySet(), values(after, y, AdminLevel.DISTRICT, "mine:poor_rate").keySet());
    assertTrue(compared > 2 * (168 + 18 + 3 + 1) - 10, "values compared: " + compared);

    // the definitions survive the store, derivations included
    try (EmbeddedStore store = new EmbeddedStore(tmp.resolve("store"))) {
      store.publish(Importer.draft(defined, u, "test", "values"));
      assertEquals(set(after, "mine").indicators(), set(store.load(), "mine").indicators());
    }
  }

  @Test
  void aRateDefinedAfterItsCountsIsMadeFromThemAtOnce() throws IOException {
    Dataset bundled = Dataset.unsaved(BundledPublicationTest.fixtureDraft(TestData.fixtureDir()));
    String counts = DEFINITIONS.lines().limit(3).reduce((a, b) -> a + "\n" + b).get() + "\n";
    Dataset defined =
        Dataset.unsaved(
            Importer.draft(bundled, check(counts, "d.csv", Format.INDICATORS, bundled), "t", "d"));
    StringBuilder file = new StringBuilder("code,poor_numerator,people_numerator\n");
    villages().forEach((id, r) -> file.append(id + "," + r[0] + "," + r[1] + "\n"));
    Dataset values =
        Dataset.unsaved(
            Importer.draft(
                defined, check(file.toString(), "v.csv", Format.WIDE, defined), "t", "v"));
    SurveyYear y = new SurveyYear(2561);
    assertTrue(values.indicators().values(y, AdminLevel.PROVINCE, "mine:poor_rate").isEmpty());
    Upload rate = check(DEFINITIONS, "d2.csv", Format.INDICATORS, values);
    Dataset after = Dataset.unsaved(Importer.draft(values, rate, "t", "rate"));
    IndicatorValue phuket = values(after, y, AdminLevel.PROVINCE, "mine:poor_rate").get("83");
    IndicatorValue tpmap =
        values(after, y, AdminLevel.PROVINCE, "tpmap:target_poor_rate").get("83");
    assertEquals(tpmap.numerator(), phuket.numerator());
    assertEquals(tpmap.denominator(), phuket.denominator());
    assertEquals(tpmap.value(), phuket.value(), 1e-12);
  }

  @Test
  void badDerivationsAreErrorsNamingRowAndColumn() {
    Dataset bundled = Dataset.unsaved(BundledPublicationTest.fixtureDraft(TestData.fixtureDir()));
    String file =
        "code,name_th,name_en,kind,numerator_indicator,denominator_indicator,score_column,weight_column\n"
            + "poor,คนจน,Poor,count,,,,\n"
            + "share,สัดส่วน,Share,percent,poor,,,\n"
            + "r2,อัตรา,Rate 2,percent,poor,nobody,,\n"
            + "r3,อัตรา,Rate 3,percent,poor,share,,\n"
            + "r4,อัตรา,Rate 4,count,poor,poor,,\n"
            + "m1,คะแนน,Mean 1,weighted_mean,,,score,\n"
            + "m2,คะแนน,Mean 2,percent,,,score,weight\n"
            + "m3,คะแนน,Mean 3,,poor,poor,score,weight\n"
            + "r5,อัตรา,Rate 5,percent,r5,poor,,\n";
    Upload u =
        Importer.check(
            file.getBytes(StandardCharsets.UTF_8), "defs.csv", options(null), Fixture.all(bundled));
    Map<Integer, String> byRow = new LinkedHashMap<>();
    u.report().issues().forEach(i -> byRow.put(i.row(), i.column() + ": " + i.messageEn()));
    assertEquals(
        Map.of(
            3,
                "denominator_indicator: row 3: mine:share: a derived rate needs both"
                    + " numerator_indicator and denominator_indicator",
            4,
                "denominator_indicator: row 4: mine:r2: denominator_indicator mine:nobody is not an"
                    + " indicator of the set mine",
            5,
                "denominator_indicator: row 5: mine:r3: denominator_indicator mine:share is not an"
                    + " indicator of the set mine",
            6, "kind: row 6: mine:r4: a derived rate (numerator_indicator) must be of kind percent",
            7,
                "weight_column: row 7: mine:m1: a weighted mean needs both score_column and"
                    + " weight_column",
            8, "kind: row 8: mine:m2: a weighted mean (score_column) must be of kind weighted_mean",
            9,
                "score_column: row 9: mine:m3: a derived rate (numerator_indicator) and a weighted"
                    + " mean (score_column) at once",
            10, "numerator_indicator: row 10: mine:r5: numerator_indicator is the rate itself"),
        byRow);
    assertTrue(u.report().issues().stream().allMatch(i -> !i.messageTh().isBlank()));
    assertTrue(!u.publishable());
  }

  private static Map<String, IndicatorValue> values(
      Dataset d, SurveyYear y, AdminLevel l, String code) {
    return d.indicators().values(y, l, code).orElse(Map.of());
  }

  private static IndicatorSet set(Dataset d, String name) {
    return d.indicatorSets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static Indicator indicator(IndicatorSet s, String code) {
    return s.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
  }
}
