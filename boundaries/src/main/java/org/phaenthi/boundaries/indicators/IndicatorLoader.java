package org.phaenthi.boundaries.indicators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.AreaCodes;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.Levels;

/**
 * The one entry point for indicator data: catalogue + TPMAP 2561 village files (kept per village
 * and summed to every level above) + the TPMAP y66 province file as year 2566. Only indicators with
 * data are exposed; bmn-2566, bmn-summary, nrd2c and cia rows stay in the catalogue only. The
 * catalogue's template row {@code tpmap:ind_k} becomes 31 indicators {@code tpmap:ind_1}…{@code
 * tpmap:ind_31}, named after the BMN indicator they count ({@link #expandTemplates}).
 *
 * <p>Value semantics for 2561 (numerator and denominator are always what was summed, so a client
 * can re-derive the value; an area absent from the files has no entry):
 *
 * <ul>
 *   <li>{@code bmn-2560:1}…{@code :31} — PERCENT pass rate: numerator = {@code indicator{k}.ALL} −
 *       {@code indicator{k}.CNT} (units passing), denominator = {@code indicator{k}.ALL} (eligible
 *       units, person-expanded); denominator 0 → value null, reason "no eligible units".
 *   <li>{@code tpmap:households_surveyed} ({@code household.CNT}), {@code tpmap:people_surveyed}
 *       ({@code HOUSEMEMBER_CNT}) — COUNT, no denominator.
 *   <li>{@code tpmap:welfare_registered}, {@code welfare_validated}, {@code elderly}, {@code
 *       disabled}, {@code chronic} — PERCENT of people surveyed ({@code HOUSEMEMBER_CNT}); 0 people
 *       → null, reason "no people surveyed".
 *   <li>{@code tpmap:poor_households}, {@code poor_people}, {@code poor_registered}, {@code
 *       target_poor}, {@code dim_*} — COUNT, as TPMAP shows them (dimensions overlap).
 *   <li>{@code tpmap:ind_1}…{@code :31} — COUNT of target poor failing BMN indicator k ({@code
 *       poor.JPT.MOFval.ind{k}.CNT}; a person can fail several, so they do not add up).
 *   <li>{@code tpmap:target_poor_rate} — PERCENT: {@code poor.JPT.MOFval.CNT} / {@code
 *       HOUSEMEMBER_CNT} × 100, which is TPMAP's {@code JPT.MOFval.pov.rate}.
 *   <li>{@code tpmap:happiness} — WEIGHTED_MEAN: numerator Σ(village happiness × households),
 *       denominator Σ households of villages with a score; approximate (a mean of means).
 * </ul>
 *
 * <p>Year 2566 (y66 file, province only): the poor/target-poor/dimension/ind_k counts as COUNT, and
 * {@code tpmap:target_poor_rate} with the file's own rate as value, the target-poor count as
 * numerator and a null denominator (people surveyed is not in that file).
 *
 * <p>Counters filled for the load summary: {@code villageRows}, {@code villageRows11111}, {@code
 * villageUnits}, {@code villageIdsNotUnits}, {@code subdistrictUnits}, {@code districtUnits},
 * {@code provinceUnits}, {@code municipalPseudoSubdistricts}, {@code
 * householdsInPseudoSubdistricts}, {@code codesRemapped} (village rows of the common file whose
 * code was remapped), {@code rowsUnplaceable} (all three files), {@code villageIdsNonNumeric},
 * {@code provinceIdMismatch}, {@code duplicateVillageIds}, {@code subdistrictsOnlyInOneFile},
 * {@code happinessMissing}, {@code y66Provinces}, {@code indicators}, {@code loadMillis}.
 */
public final class IndicatorLoader {
  public static final SurveyYear Y2561 = new SurveyYear(2561);
  public static final SurveyYear Y2566 = new SurveyYear(2566);
  static final String SOURCE_2561 =
      "TPMAP (NESDC/NECTEC) 2561 public data: CDD จปฐ. household survey + MOF welfare registry";
  static final String SOURCE_Y66 =
      "TPMAP y66 (province level only; indicator-set year unknown), via Open Parliament Hack 2024";

  private IndicatorLoader() {}

  /**
   * Loads everything under {@code dataDir} (the shared data folder holding {@code indicators/}, or
   * the {@code indicators} folder itself). A missing or unreadable file → IllegalArgumentException
   * naming it.
   *
   * @param remaps the code remaps of the boundary vintage the data will be shown on (those of
   *     {@code BoundaryLoader.Result}); {@link CodeRemaps#NONE} for boundaries of no vintage
   */
  public static IndicatorData load(Path dataDir, Map<String, Long> counters, CodeRemaps remaps) {
    long start = System.nanoTime();
    Path dir =
        Files.isDirectory(dataDir.resolve("indicators")) ? dataDir.resolve("indicators") : dataDir;
    List<CatalogEntry> catalog = IndicatorCatalogReader.read(dir.resolve("catalog.csv"));
    TpmapLoader villages = new TpmapLoader(remaps::remap);
    Path poorFile = dir.resolve("real/tpmap-2561/61_village_11111.csv.gz");
    // the two village files are independent; reading them side by side halves the wall time
    CompletableFuture<CountTable> poorLoad =
        CompletableFuture.supplyAsync(
            () -> villages.load(poorFile),
            task -> {
              Thread t = new Thread(task, "tpmap-11111-reader");
              t.setDaemon(true);
              t.start();
            });
    CountTable common = villages.load(dir.resolve("real/tpmap-2561/61_village_common.csv.gz"));
    CountTable poor = join(poorLoad);
    Map<String, Long> y66Stats = new HashMap<>();
    Map<String, Map<String, IndicatorValue>> y66 =
        Y66Loader.load(
            dir.resolve("real/tpmap-2566/y66_province_poverty_with_province_name.csv"), y66Stats);
    IndicatorData data = build(catalog, common, poor, y66);
    count(counters, common, poor, y66Stats, data);
    counters.put("loadMillis", (System.nanoTime() - start) / 1_000_000);
    return data;
  }

  static final String TARGET_POOR_FAILING_TEMPLATE = "tpmap:ind_k";

  /**
   * The catalogue with its {@code tpmap:ind_k} row replaced by one row per BMN indicator k = 1…31,
   * named "target poor failing BMN k: (the {@code bmn-2560:k} name)" in Thai and English.
   */
  static List<CatalogEntry> expandTemplates(List<CatalogEntry> catalog) {
    Map<String, CatalogEntry> byCode = new HashMap<>();
    catalog.forEach(e -> byCode.put(e.code(), e));
    List<CatalogEntry> out = new ArrayList<>();
    for (CatalogEntry e : catalog) {
      if (!e.code().equals(TARGET_POOR_FAILING_TEMPLATE)) {
        out.add(e);
        continue;
      }
      for (int k = 1; k <= 31; k++) {
        CatalogEntry bmn = byCode.get("bmn-2560:" + k);
        String th = "คนจนเป้าหมายที่ตกเกณฑ์ จปฐ. ข้อ " + k;
        String en = "Target poor failing BMN " + k;
        out.add(
            new CatalogEntry(
                e.set(),
                TpmapMeasures.targetPoorFailingCode(k),
                k,
                e.categoryCode(),
                e.categoryTh(),
                e.categoryEn(),
                bmn == null ? th : th + ": " + bmn.nameTh(),
                bmn == null ? en : en + ": " + bmn.nameEn(),
                e.unit(),
                e.higherIsBetter(),
                e.valueDefinition(),
                e.numerator(),
                e.denominator(),
                e.threshold(),
                bmn == null ? e.tpmapDimension() : bmn.tpmapDimension(),
                TpmapMeasures.targetPoorFailingColumn(k),
                e.verification(),
                e.source()));
      }
    }
    return out;
  }

  private static CountTable join(CompletableFuture<CountTable> load) {
    try {
      return load.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Assembles the data from already-read parts (the catalogue as read); y66 may be empty. */
  static IndicatorData build(
      List<CatalogEntry> catalogAsRead,
      CountTable common,
      CountTable poor,
      Map<String, Map<String, IndicatorValue>> y66) {
    List<CatalogEntry> catalog = expandTemplates(catalogAsRead);
    List<TpmapMeasures.Measure> measures = TpmapMeasures.measures(common, poor);
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> v2561 =
        TpmapMeasures.values(measures, common, poor);
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> v2566 = new TreeMap<>();
    Map<String, Map<String, IndicatorValue>> y66Present = new HashMap<>(y66);
    y66Present.values().removeIf(Map::isEmpty);
    if (!y66Present.isEmpty()) {
      v2566.put(AdminLevel.PROVINCE, Collections.unmodifiableMap(y66Present));
    }
    Map<String, CatalogEntry> byCode = new HashMap<>();
    catalog.forEach(e -> byCode.put(e.code(), e));
    List<Indicator> indicators = new ArrayList<>();
    for (CatalogEntry e : catalog) {
      TpmapMeasures.Measure m =
          measures.stream().filter(x -> x.code().equals(e.code())).findFirst().orElse(null);
      boolean in2561 = m != null && v2561.values().stream().anyMatch(l -> l.containsKey(e.code()));
      boolean in2566 = y66Present.containsKey(e.code());
      if (in2561 || in2566) {
        indicators.add(indicator(e, m, in2566));
      }
    }
    for (TpmapMeasures.Measure m : measures) {
      if (!byCode.containsKey(m.code())) {
        throw new IllegalArgumentException("indicator catalogue has no row for " + m.code());
      }
    }
    Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> values =
        new HashMap<>();
    values.put(Y2561, v2561);
    List<YearInfo> years = new ArrayList<>();
    years.add(
        new YearInfo(
            Y2561,
            "TPMAP 2561 (จปฐ. 2561, indicator set bmn-2560)",
            SOURCE_2561,
            Set.copyOf(Levels.WITH_VILLAGES.all()),
            false));
    if (!v2566.isEmpty()) {
      values.put(Y2566, Collections.unmodifiableMap(v2566));
      years.add(new YearInfo(Y2566, SOURCE_Y66, SOURCE_Y66, Set.of(AdminLevel.PROVINCE), false));
    }
    return new IndicatorData(indicators, years, Collections.unmodifiableMap(values));
  }

  private static Indicator indicator(CatalogEntry e, TpmapMeasures.Measure m, boolean in2566) {
    if (m == null) {
      // its value kind, unit and definition come from the TPMAP measure
      throw new IllegalArgumentException(
          "indicator " + e.code() + " has 2566 values but no TPMAP measure definition");
    }
    boolean happiness = m.kind() == ValueKind.WEIGHTED_MEAN;
    String unit = m.unit() != null ? m.unit() : e.unit();
    return new Indicator(
        e.code(),
        e.set(),
        e.categoryCode(),
        e.categoryTh(),
        e.categoryEn(),
        happiness ? e.nameTh() + " (ค่าประมาณ)" : e.nameTh(),
        happiness ? e.nameEn() + " (approximate)" : e.nameEn(),
        unit,
        e.higherIsBetter(),
        m.kind(),
        m.valueUnit(),
        m.definition(),
        m.numeratorLabel(),
        m.denominatorLabel(),
        e.tpmapDimension().isEmpty() ? null : e.tpmapDimension(),
        in2566 ? SOURCE_2561 + "; 2566: " + SOURCE_Y66 : SOURCE_2561);
  }

  private static void count(
      Map<String, Long> counters,
      CountTable common,
      CountTable poor,
      Map<String, Long> y66Stats,
      IndicatorData data) {
    Map<String, CountTable.Sums> subdistricts = common.level(AdminLevel.SUBDISTRICT);
    int households = common.countIndex(TpmapMeasures.HOUSEHOLDS);
    long pseudo = 0;
    long pseudoHouseholds = 0;
    for (Map.Entry<String, CountTable.Sums> e : subdistricts.entrySet()) {
      if (AreaCodes.isMunicipalPseudoSubdistrict(e.getKey())) {
        pseudo++;
        pseudoHouseholds += e.getValue().count(households);
      }
    }
    counters.put("villageRows", common.stat("rows"));
    counters.put("villageRows11111", poor.stat("rows"));
    counters.put("subdistrictUnits", (long) subdistricts.size());
    counters.put("villageUnits", (long) common.level(AdminLevel.VILLAGE).size());
    counters.put("villageIdsNotUnits", common.stat("villageIdsNotUnits"));
    counters.put("districtUnits", (long) common.level(AdminLevel.DISTRICT).size());
    counters.put("provinceUnits", (long) common.level(AdminLevel.PROVINCE).size());
    counters.put("municipalPseudoSubdistricts", pseudo);
    counters.put("householdsInPseudoSubdistricts", pseudoHouseholds);
    counters.put("codesRemapped", common.stat("codesRemapped"));
    counters.put(
        "rowsUnplaceable",
        common.stat("rowsUnplaceable")
            + poor.stat("rowsUnplaceable")
            + y66Stats.getOrDefault("rowsUnplaceable", 0L));
    counters.put("villageIdsNonNumeric", common.stat("idsNonNumeric"));
    counters.put(
        "provinceIdMismatch", common.stat("provinceIdMismatch") + poor.stat("provinceIdMismatch"));
    counters.put("duplicateVillageIds", common.stat("duplicateIds") + poor.stat("duplicateIds"));
    counters.put("subdistrictsOnlyInOneFile", onlyInOne(common, poor));
    counters.put("happinessMissing", common.stat("meanMissing"));
    counters.put(
        "y66Provinces",
        (long)
            data.values(Y2566, AdminLevel.PROVINCE, Y66Loader.RATE_CODE).map(Map::size).orElse(0));
    counters.put("indicators", (long) data.indicators().size());
  }

  /** Subdistricts in one village file but not the other (the files should list the same units). */
  private static long onlyInOne(CountTable common, CountTable poor) {
    Set<String> a = common.level(AdminLevel.SUBDISTRICT).keySet();
    Set<String> b = poor.level(AdminLevel.SUBDISTRICT).keySet();
    return a.stream().filter(c -> !b.contains(c)).count()
        + b.stream().filter(c -> !a.contains(c)).count();
  }
}
