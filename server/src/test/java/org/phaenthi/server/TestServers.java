package org.phaenthi.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.LoadReport;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.PartIds;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.boundaries.indicators.YearInfo;
import org.phaenthi.boundaries.load.BoundaryLoader;
import org.phaenthi.boundaries.load.PropertyMapping;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.tiles.TileKey;

/** Builds small real datasets and servers for handler tests. */
public final class TestServers {
  private TestServers() {}

  /**
   * The committed test data directory (Phuket and Samut Songkhram; see
   * boundaries/src/test/fixture-data). Its indicator rows join {@link #fixtureBoundaries()} only.
   */
  public static Path dataDir() {
    return org.phaenthi.boundaries.TestData.fixtureDir();
  }

  /**
   * The shared real data (the whole country): only for tests marked {@code @SharedData} and ITs.
   */
  public static Path realDataDir() {
    return org.phaenthi.boundaries.TestData.dir();
  }

  /** The Phuket fixture boundaries (1 province, 3 districts, 17 subdistricts). */
  public static Boundaries phuket() {
    return new BoundaryLoader(PropertyMapping.DEFAULT)
        .load(List.of(org.phaenthi.boundaries.TestData.fixture83()))
        .boundaries();
  }

  /** Both fixture provinces' boundary files (83 Phuket, 75 Samut Songkhram). */
  public static List<Path> fixtureBoundaries() {
    return org.phaenthi.boundaries.TestData.fixtureBoundaries();
  }

  /**
   * The two fixture provinces' boundaries: Phuket (islands) and Samut Songkhram (mainland), which
   * share no border.
   */
  public static Boundaries twoProvinces() {
    return new BoundaryLoader(PropertyMapping.DEFAULT).load(fixtureBoundaries()).boundaries();
  }

  /**
   * A rate of the set "test" (category T1), lower is better, in %; the caller names it and says
   * what it counts.
   */
  public static Indicator.Builder testRate(String code) {
    return Indicator.builder(code, "test")
        .category("T1", "ทดสอบ", "Test")
        .unit("person")
        .higherIsBetter(false)
        .kind(ValueKind.PERCENT, "%")
        .source("test");
  }

  /** A count of TPMAP's category (TP) in {@code set}: households unless the caller says. */
  public static Indicator.Builder tpmapCount(String code, String set) {
    return Indicator.builder(code, set)
        .category("TP", "ทีพีแมพ", "TPMAP")
        .unit("household")
        .kind(ValueKind.COUNT, "households")
        .definition("count", null)
        .counts("households", null)
        .source("test");
  }

  /**
   * A hand-made indicator table over Phuket with known sums: one rate indicator (2561, all levels,
   * one subdistrict with denominator 0, one subdistrict absent, one municipal pseudo-subdistrict
   * 830151 without a polygon) and households; one count indicator with a province-only 2566.
   */
  public static IndicatorData indicators() {
    Indicator rate =
        testRate("test:rate")
            .names("อัตรา", "Rate")
            .definition("failing / eligible × 100", null)
            .counts("failing", "eligible")
            .build();
    Indicator households =
        tpmapCount("tpmap:households_surveyed", "tpmap-2561")
            .names("ครัวเรือน", "Households surveyed")
            .build();
    Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> v = new HashMap<>();
    SurveyYear y61 = new SurveyYear(2561);
    SurveyYear y66 = new SurveyYear(2566);
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> l61 = new TreeMap<>();
    Map<String, IndicatorValue> sub = new LinkedHashMap<>();
    sub.put("830101", new IndicatorValue("830101", 10.0, 100.0, 10.0, null));
    sub.put("830102", new IndicatorValue("830102", 0.0, 0.0, null, "no eligible units"));
    sub.put("830151", new IndicatorValue("830151", 5.0, 50.0, 10.0, null));
    // a rate over 12 eligible units: flagged as a small denominator
    sub.put("830103", new IndicatorValue("830103", 3.0, 12.0, 25.0, null));
    Map<String, IndicatorValue> hh = new LinkedHashMap<>();
    hh.put("830101", new IndicatorValue("830101", 40.0, null, 40.0, null));
    hh.put("830102", new IndicatorValue("830102", 7.0, null, 7.0, null));
    hh.put("830151", new IndicatorValue("830151", 25.0, null, 25.0, null));
    l61.put(AdminLevel.SUBDISTRICT, Map.of("test:rate", sub, "tpmap:households_surveyed", hh));
    l61.put(
        AdminLevel.DISTRICT,
        Map.of(
            "test:rate",
            Map.of("8301", new IndicatorValue("8301", 15.0, 150.0, 10.0, null)),
            "tpmap:households_surveyed",
            Map.of("8301", new IndicatorValue("8301", 72.0, null, 72.0, null))));
    l61.put(
        AdminLevel.PROVINCE,
        Map.of(
            "test:rate",
            Map.of("83", new IndicatorValue("83", 15.0, 150.0, 10.0, null)),
            "tpmap:households_surveyed",
            Map.of("83", new IndicatorValue("83", 72.0, null, 72.0, null))));
    v.put(y61, l61);
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> l66 = new TreeMap<>();
    l66.put(
        AdminLevel.PROVINCE,
        Map.of(
            "tpmap:households_surveyed",
            Map.of("83", new IndicatorValue("83", 80.0, null, 80.0, null))));
    v.put(y66, l66);
    return new IndicatorData(
        List.of(rate, households),
        List.of(
            new YearInfo(y61, "test 2561", "test", Set.copyOf(AdminLevel.standard()), false),
            new YearInfo(y66, "test 2566", "test", Set.of(AdminLevel.PROVINCE), false)),
        v);
  }

  /**
   * {@link #dataset()} with a village level (values only): three villages of 830101 (one split, one
   * without a value) and one of the municipal pseudo-subdistrict 830151, with test:rate values that
   * sum to their subdistricts' (830101: 10 of 100; 830151: 5 of 50).
   */
  public static Dataset withVillages() {
    Boundaries phuket = phuket();
    List<org.phaenthi.boundaries.Area> areas = new java.util.ArrayList<>();
    for (AdminLevel l : phuket.levels()) {
      areas.addAll(phuket.areas(l));
    }
    AdminLevel v = AdminLevel.VILLAGE;
    areas.add(
        new org.phaenthi.boundaries.Area("8301010101", "บ้านกะรน", "Moo 1", "830101", v, null));
    areas.add(
        new org.phaenthi.boundaries.Area(
            "8301010102", "บ้านกะรน (02)", "Moo 1 (02)", "830101", v, null));
    areas.add(
        new org.phaenthi.boundaries.Area("8301010201", "หมู่ที่ 2", "Moo 2", "830101", v, null));
    areas.add(
        new org.phaenthi.boundaries.Area(
            "8301510101", "ชุมชนตลาด", "Community 1", "830151", v, null));
    IndicatorData base = indicators();
    Map<SurveyYear, Map<AdminLevel, Map<String, Map<String, IndicatorValue>>>> values =
        new HashMap<>();
    base.all().forEach((y, byLevel) -> values.put(y, new TreeMap<>(byLevel)));
    Map<String, IndicatorValue> rate = new LinkedHashMap<>();
    rate.put("8301010101", new IndicatorValue("8301010101", 9.0, 60.0, 15.0, null));
    rate.put("8301010102", new IndicatorValue("8301010102", 1.0, 40.0, 2.5, null));
    rate.put("8301510101", new IndicatorValue("8301510101", 5.0, 50.0, 10.0, null));
    values.get(new SurveyYear(2561)).put(v, Map.of("test:rate", rate));
    List<YearInfo> years = new java.util.ArrayList<>(base.years().values());
    Set<AdminLevel> with = new java.util.TreeSet<>(years.get(0).levels());
    with.add(v);
    YearInfo y61 = years.get(0);
    years.set(0, new YearInfo(y61.year(), y61.label(), y61.source(), with, false));
    return Dataset.of(
        "testvillages1",
        Instant.parse("2026-01-01T00:00:00Z"),
        new Boundaries(org.phaenthi.boundaries.Levels.WITH_VILLAGES, areas),
        new IndicatorData(base.indicators(), years, values),
        Map.of(),
        new LoadReport(Map.of("areas", 25L)));
  }

  public static Dataset dataset() {
    return Dataset.of(
        "testversion1",
        Instant.parse("2026-01-01T00:00:00Z"),
        phuket(),
        indicators(),
        Map.of(),
        new LoadReport(Map.of("areas", 21L)));
  }

  /**
   * A started server on a free port over an embedded store in {@code dir}, with any further options
   * ({@code "--cors-origins", "https://a.example"}).
   */
  public static PhaenthiServer start(Dataset ds, Path dir, String... options) {
    EmbeddedStore store = new EmbeddedStore(dir.resolve("store"));
    store.publish(ds.asDraft("test", "test"));
    return serve(dir, store, options);
  }

  /** An embedded store in {@code dir/store} with {@code first} published (note "first"). */
  public static EmbeddedStore publishedStore(Path dir, Dataset first) {
    EmbeddedStore store = new EmbeddedStore(dir.resolve("store"));
    store.publish(first.asDraft("test", "first"));
    return store;
  }

  /**
   * A started server on a free port over {@code store} (kept open by the caller, who closes it
   * after the server), serving its latest publication, with any further options.
   */
  public static PhaenthiServer serve(Path dir, EmbeddedStore store, String... options) {
    return serve(dir, store.load(), store, options);
  }

  /** A started server on a free port serving {@code served} over {@code store}. */
  public static PhaenthiServer serve(Path dir, Dataset served, Store store, String... options) {
    return new PhaenthiServer(config(dir, options), new LiveData(served), store).start();
  }

  /** A tile's URL path ({@code /tiles/{level}/{z}/{x}/{y}.mvt}). */
  public static String tilePath(TileKey k) {
    return "/tiles/"
        + k.level().urlName()
        + "/"
        + k.coord().z()
        + "/"
        + k.coord().x()
        + "/"
        + k.coord().y()
        + ".mvt";
  }

  /** The config of a test server on a free loopback port over the store in {@code dir/store}. */
  public static Config config(Path dir, String... options) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--port", "0", "--host", "127.0.0.1", "--store", dir.resolve("store").toString()));
    args.addAll(List.of(options));
    return Config.read(args.toArray(String[]::new), Map.of());
  }

  /**
   * A server over an embedded store that the test keeps using (to publish, roll back, read parts):
   * the store, the started server and a client of it; closing stops the server, then the store.
   */
  public record OnStore(EmbeddedStore store, PhaenthiServer server, HttpTestClient http)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        server.close();
      } finally {
        store.close();
      }
    }
  }

  /**
   * An embedded store in {@code dir/store} with {@code first} published (note "first"), served on a
   * free port with any further options.
   */
  public static OnStore onStore(Path dir, Dataset first, String... options) {
    EmbeddedStore store = publishedStore(dir, first);
    PhaenthiServer server = serve(dir, store, options);
    return new OnStore(store, server, new HttpTestClient(server.port()));
  }

  /**
   * A new publication of {@code d}'s parts with every 2561 numerator of {@code test:rate} + 1 (a
   * new value set for 2561; boundary and indicator sets unchanged).
   */
  public static Draft rateNumeratorsPlusOne(Dataset d) {
    List<ValueSet> sets = new ArrayList<>();
    for (ValueSet v : d.valueSets()) {
      if (v.year().year().be() != 2561) {
        sets.add(v);
        continue;
      }
      Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> changed = new TreeMap<>();
      v.values()
          .forEach(
              (level, byIndicator) -> {
                Map<String, Map<String, IndicatorValue>> ind = new LinkedHashMap<>(byIndicator);
                Map<String, IndicatorValue> rate = new LinkedHashMap<>();
                byIndicator
                    .get("test:rate")
                    .forEach(
                        (code, x) ->
                            rate.put(
                                code,
                                x.numerator() == null
                                    ? x
                                    : new IndicatorValue(
                                        code,
                                        x.numerator() + 1,
                                        x.denominator(),
                                        x.value() == null
                                            ? null
                                            : (x.numerator() + 1) / x.denominator() * 100,
                                        null)));
                ind.put("test:rate", rate);
                changed.put(level, ind);
              });
      sets.add(
          new ValueSet(
              PartIds.of(PartIds.VALUES, "2561 numerators + 1"),
              v.indicatorSet(),
              v.year(),
              v.createdAt(),
              changed,
              v.report()));
    }
    if (sets.isEmpty()) {
      throw new IllegalStateException("no value sets");
    }
    return new Draft(d.boundarySet(), d.indicatorSets(), sets, "test", "new 2561 values", null);
  }
}
