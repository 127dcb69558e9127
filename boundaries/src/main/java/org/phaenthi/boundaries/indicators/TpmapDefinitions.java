package org.phaenthi.boundaries.indicators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Levels;

/**
 * The bundled indicator set's definitions: the catalogue's rows ({@code catalog.csv}) with the
 * meaning TPMAP's columns give them (kind, value unit, numerator and denominator). The values are
 * not read here: the bundled files go through the importer like any upload ({@code
 * imports/BundledPublication}). The catalogue's template row {@code tpmap:ind_k} becomes 31
 * indicators {@code tpmap:ind_1}…{@code tpmap:ind_31}, named after the BMN indicator they count.
 *
 * <p>Value semantics (numerator and denominator are always what was summed, so a client can
 * re-derive the value; an area absent from the files has no entry):
 *
 * <ul>
 *   <li>{@code bmn-2560:1}…{@code :31}: PERCENT pass rate, numerator {@code indicator{k}.ALL} −
 *       {@code indicator{k}.CNT}, denominator {@code indicator{k}.ALL}.
 *   <li>{@code tpmap:households_surveyed}, {@code people_surveyed}, the poor counts, {@code dim_*},
 *       {@code ind_k}: COUNT.
 *   <li>{@code tpmap:welfare_registered} … {@code chronic}: PERCENT of people surveyed.
 *   <li>{@code tpmap:target_poor_rate}: PERCENT target poor / people surveyed (TPMAP's {@code
 *       JPT.MOFval.pov.rate}), a derived rate ({@link Derivation#ratio}) of {@code
 *       tpmap:target_poor} over {@code tpmap:people_surveyed} that the importer makes at every
 *       level; in 2566 (province file, no people-surveyed column) the file's own rate, no
 *       denominator.
 *   <li>{@code tpmap:happiness}: WEIGHTED_MEAN, Σ(village score × households) / Σ households of
 *       villages with a score ({@link Derivation#weightedMean} of the columns {@code happiness} and
 *       {@code household.CNT}); approximate (a mean of means).
 * </ul>
 */
public final class TpmapDefinitions {
  public static final SurveyYear Y2561 = new SurveyYear(2561);
  public static final SurveyYear Y2566 = new SurveyYear(2566);
  public static final String SOURCE_2561 =
      "TPMAP (NESDC/NECTEC) 2561 public data: CDD จปฐ. household survey + MOF welfare registry";
  public static final String SOURCE_Y66 =
      "TPMAP y66 (province level only; indicator-set year unknown), via Open Parliament Hack 2024";

  /** The 2561 year's label as stored (the server words it in full in English and Thai). */
  public static final String LABEL_2561 = "TPMAP 2561 (จปฐ. 2561, indicator set bmn-2560)";

  public static final String PEOPLE = "HOUSEMEMBER_CNT";
  public static final String TARGET_POOR = "poor.JPT.MOFval.CNT";
  public static final String TARGET_POOR_RATE = "tpmap:target_poor_rate";
  public static final String HAPPINESS = "tpmap:happiness";
  static final String TARGET_POOR_FAILING_TEMPLATE = "tpmap:ind_k";

  /** One measure: catalogue code plus semantics. */
  record Measure(
      String code,
      ValueKind kind,
      String unit,
      String valueUnit,
      String definition,
      String numeratorLabel,
      String denominatorLabel,
      Derivation derivation) {
    Measure(
        String code,
        ValueKind kind,
        String unit,
        String valueUnit,
        String definition,
        String numeratorLabel,
        String denominatorLabel) {
      this(code, kind, unit, valueUnit, definition, numeratorLabel, denominatorLabel, null);
    }
  }

  private TpmapDefinitions() {}

  /** The 2561 survey year as the bundled publication names it. */
  public static YearInfo year2561() {
    return new YearInfo(
        Y2561, LABEL_2561, SOURCE_2561, Set.copyOf(Levels.WITH_VILLAGES.all()), false);
  }

  /** The y66 province file's year. */
  public static YearInfo year2566() {
    return new YearInfo(Y2566, SOURCE_Y66, SOURCE_Y66, Set.of(AdminLevel.PROVINCE), false);
  }

  static List<Measure> measures() {
    List<Measure> out = new ArrayList<>();
    for (int k = 1; k <= 31; k++) {
      out.add(
          new Measure(
              "bmn-2560:" + k,
              ValueKind.PERCENT,
              null,
              "%",
              "pass rate % = (indicator" + k + ".ALL − indicator" + k + ".CNT) / ALL × 100",
              "units passing (ALL − CNT)",
              "eligible units (indicator" + k + ".ALL)"));
    }
    out.add(count("tpmap:households_surveyed", "household.CNT", "households"));
    out.add(count("tpmap:people_surveyed", PEOPLE, "people"));
    for (String[] m :
        new String[][] {
          {"tpmap:welfare_registered", "MOF_REG_CNT"},
          {"tpmap:welfare_validated", "MOF_VAL_CNT"},
          {"tpmap:elderly", "ELDERLY_CNT"},
          {"tpmap:disabled", "DISABLED_CNT"},
          {"tpmap:chronic", "CHRONICPATIENT_CNT"}
        }) {
      out.add(
          new Measure(
              m[0],
              ValueKind.PERCENT,
              null,
              "%",
              m[1] + " / " + PEOPLE + " × 100 (share of people surveyed)",
              m[1],
              PEOPLE));
    }
    for (String[] m :
        new String[][] {
          {"tpmap:poor_households", "poor.household.CNT", "households"},
          {"tpmap:poor_people", "poor.JPT.CNT", "people"},
          {"tpmap:poor_registered", "poor.JPT.MOFreg.CNT", "people"},
          {"tpmap:target_poor", TARGET_POOR, "people"},
          {"tpmap:dim_health", "poor.JPT.MOFval.health", "people"},
          {"tpmap:dim_living", "poor.JPT.MOFval.living", "people"},
          {"tpmap:dim_education", "poor.JPT.MOFval.education", "people"},
          {"tpmap:dim_income", "poor.JPT.MOFval.income", "people"},
          {"tpmap:dim_access", "poor.JPT.MOFval.accessibility", "people"}
        }) {
      out.add(count(m[0], m[1], m[2]));
    }
    for (int k = 1; k <= 31; k++) {
      out.add(count(targetPoorFailingCode(k), targetPoorFailingColumn(k), "people"));
    }
    out.add(
        new Measure(
            TARGET_POOR_RATE,
            ValueKind.PERCENT,
            "person",
            "%",
            TARGET_POOR + " / " + PEOPLE + " × 100 (TPMAP JPT.MOFval.pov.rate)",
            TARGET_POOR,
            PEOPLE,
            Derivation.ratio("tpmap:target_poor", "tpmap:people_surveyed")));
    out.add(
        new Measure(
            HAPPINESS,
            ValueKind.WEIGHTED_MEAN,
            null,
            "score",
            "household-weighted mean of village mean scores (approximate)",
            "Σ(village happiness × households)",
            "Σ households (villages with a score)",
            Derivation.weightedMean("happiness", "household.CNT")));
    return out;
  }

  private static Measure count(String code, String column, String valueUnit) {
    return new Measure(code, ValueKind.COUNT, null, valueUnit, "count: Σ " + column, column, null);
  }

  /** {@code tpmap:ind_k}: target poor failing BMN indicator k (the catalogue's template row). */
  public static String targetPoorFailingCode(int k) {
    return "tpmap:ind_" + k;
  }

  static String targetPoorFailingColumn(int k) {
    return "poor.JPT.MOFval.ind" + k + ".CNT";
  }

  /** The catalogue of a data directory (its {@code indicators/catalog.csv}, or {@code dir}'s). */
  public static List<CatalogEntry> catalogue(Path dataDir) {
    Path dir =
        Files.isDirectory(dataDir.resolve("indicators")) ? dataDir.resolve("indicators") : dataDir;
    return IndicatorCatalogReader.read(dir.resolve("catalog.csv"));
  }

  /**
   * The definitions of every measure, in catalogue order; {@code in2566} says which have 2566
   * values (their source names both files). A measure without a catalogue row is refused.
   */
  public static List<Indicator> definitions(List<CatalogEntry> catalogAsRead, Set<String> in2566) {
    List<CatalogEntry> catalog = expandTemplates(catalogAsRead);
    Map<String, Measure> byCode = new HashMap<>();
    measures().forEach(m -> byCode.put(m.code(), m));
    Set<String> rows = new java.util.HashSet<>();
    List<Indicator> out = new ArrayList<>();
    for (CatalogEntry e : catalog) {
      rows.add(e.code());
      Measure m = byCode.get(e.code());
      if (m != null) {
        out.add(indicator(e, m, in2566.contains(e.code())));
      }
    }
    for (Measure m : measures()) {
      if (!rows.contains(m.code())) {
        throw new IllegalArgumentException("indicator catalogue has no row for " + m.code());
      }
    }
    return out;
  }

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
                targetPoorFailingCode(k),
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
                targetPoorFailingColumn(k),
                e.verification(),
                e.source()));
      }
    }
    return out;
  }

  private static Indicator indicator(CatalogEntry e, Measure m, boolean in2566) {
    boolean happiness = m.kind() == ValueKind.WEIGHTED_MEAN;
    String unit = m.unit() != null ? m.unit() : e.unit();
    return Indicator.builder(e.code(), e.set())
        .category(e.categoryCode(), e.categoryTh(), e.categoryEn())
        .names(
            happiness ? e.nameTh() + " (ค่าประมาณ)" : e.nameTh(),
            happiness ? e.nameEn() + " (approximate)" : e.nameEn())
        .unit(unit)
        .higherIsBetter(e.higherIsBetter())
        .kind(m.kind(), m.valueUnit())
        .definition(m.definition(), null)
        .counts(m.numeratorLabel(), m.denominatorLabel())
        .tpmapDimension(e.tpmapDimension().isEmpty() ? null : e.tpmapDimension())
        .source(in2566 ? SOURCE_2561 + "; 2566: " + SOURCE_Y66 : SOURCE_2561)
        .derivation(m.derivation())
        .build();
  }
}
