package org.phaenthi.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.phaenthi.boundaries.indicators.AreaIndex;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.ValueColumn;

/**
 * Heap of a synthetic value catalogue: {@code --years} survey years (10) × {@code --indicators}
 * (100) × 4 levels (village, subdistrict, district, province), one pass-rate value per area, built
 * either as {@link ValueColumn}s ({@code --representation columns}) or as main's boxed {@code
 * LinkedHashMap<String, IndicatorValue>} per (year, level, indicator) ({@code boxed}, with the code
 * strings shared as {@code TpmapMeasures} shares them). Prints the live heap after full GCs before
 * and after building, the values held and bytes per value. Not run by CI. From the repository root:
 *
 * <pre>
 * JAVA_OPTS=-Xmx3g server/src/bench/heap.sh SyntheticCatalogueBench --representation columns
 * JAVA_OPTS=-Xmx6g server/src/bench/heap.sh SyntheticCatalogueBench --representation boxed --years 1
 * </pre>
 *
 * <p>The areas are TPMAP 2561's: the 84,090 village IDs of {@code 61_village_common.csv.gz} and
 * their 7,588 subdistrict-level, 878 district and 76 province prefixes, regions from {@code
 * province_regions.csv}. Counts follow §5 of the indicators README, generated at village level and
 * summed up: households per subdistrict LogNormal by region, split to villages by Dirichlet(2);
 * people per household Normal(region median, 0.35) clipped to [1.5, 5]; eligible = people × the
 * calibration's {@code eligible_people_share}; failing ~ Binomial(eligible, p) with logit p = logit
 * (regional fail %) − 0.15 × year + province, district and subdistrict effects (variance shares of
 * {@code logit_total_sd}², AR(1) with ρ 0.8 over years, half shared by the indicators of one TPMAP
 * dimension) and a structural zero per subdistrict that brings the zero share to {@code
 * tambon_zero_fail_share}. Indicator i uses calibration row i mod 31. Every draw comes from a
 * counter-based generator keyed by (seed, purpose, year, indicator, area), so the output does not
 * depend on iteration order.
 */
public final class SyntheticCatalogueBench {
  private static final String[] LEVELS = {"village", "subdistrict", "district", "province"};
  private static final int[] DIGITS = {10, 6, 4, 2};
  private static final String[] REGION_COLUMNS = {
    "fail_pct_north", "fail_pct_central", "fail_pct_northeast",
    "fail_pct_west", "fail_pct_east", "fail_pct_south"
  };
  // README §5.3, by TPMAP geo_id 1..6 (N, C, NE, W, E, S)
  private static final double[] HH_MU = {7.36, 7.12, 7.32, 7.16, 7.19, 7.21};
  private static final double[] HH_SIGMA = {0.49, 0.68, 0.43, 0.54, 0.74, 0.55};
  private static final double[] PERSONS = {2.72, 2.90, 3.24, 3.01, 2.91, 3.00};
  private static final double RHO = 0.8;
  private static final double TREND = -0.15;

  private SyntheticCatalogueBench() {}

  /** Calibration of one indicator (a row of synthetic_calibration_bmn2560.csv). */
  private record Calibration(
      String code,
      double[] failPctByRegion,
      double zeroShare,
      double eligibleShare,
      double[] varianceByLevel, // province, district, subdistrict
      String dimension) {}

  public static void main(String[] args) throws IOException {
    Map<String, String> opt = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path data = Path.of(opt.getOrDefault("data", "/work/shared/data")).resolve("indicators");
    int years = Integer.parseInt(opt.getOrDefault("years", "10"));
    int indicators = Integer.parseInt(opt.getOrDefault("indicators", "100"));
    long seed = Long.parseLong(opt.getOrDefault("seed", "2561"));
    boolean columns = opt.getOrDefault("representation", "columns").equals("columns");

    Geography geo = Geography.read(data);
    List<Calibration> calibration = calibration(data);
    long before = HeapMeter.liveBytes();
    long t0 = System.nanoTime();
    Map<Integer, Map<String, Map<String, Map<String, IndicatorValue>>>> catalogue =
        new Generator(geo, calibration, seed, columns).build(years, indicators);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long after = HeapMeter.liveBytes();
    long values = 0;
    for (var y : catalogue.values()) {
      for (var l : y.values()) {
        for (var i : l.values()) {
          values += i.size();
        }
      }
    }
    System.out.printf(
        "synthetic catalogue, representation %s: %d years x %d indicators x 4 levels"
            + " (%,d villages, %,d subdistricts, %,d districts, %,d provinces), seed %d%n",
        columns ? "columns" : "boxed",
        years,
        indicators,
        geo.codes[0].length,
        geo.codes[1].length,
        geo.codes[2].length,
        geo.codes[3].length,
        seed);
    System.out.printf(
        "built in %.1f s; %,d values; live heap after full GC: %s before, %s after;"
            + " catalogue %s = %.1f bytes/value%n",
        seconds,
        values,
        HeapMeter.mib(before),
        HeapMeter.mib(after),
        HeapMeter.mib(after - before),
        (after - before) / (double) values);
    System.out.printf(
        "check: %s = %s%n",
        "year 0, first province, " + key(0) + " (calibrated as " + calibration.get(0).code() + ")",
        catalogue.get(0).get("province").get(key(0)).values().iterator().next());
    HeapMeter.histogram(8).forEach(System.out::println);
    java.lang.ref.Reference.reachabilityFence(catalogue);
  }

  private static String key(int indicator) {
    return "synthetic:" + (indicator + 1);
  }

  /** Village IDs of TPMAP 2561 and the prefixes above them; parent ordinals per level. */
  private static final class Geography {
    final String[][] codes = new String[4][];
    final int[][] parent = new int[4][]; // ordinal of the parent at the next level up
    int[] provinceRegion; // 0..5

    static Geography read(Path dir) throws IOException {
      TreeSet<String> villages = new TreeSet<>();
      Path file = dir.resolve("real/tpmap-2561/61_village_common.csv.gz");
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
        r.readLine();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          villages.add(line.substring(0, line.indexOf(',')).replace("\"", ""));
        }
      }
      Geography g = new Geography();
      g.codes[0] = villages.toArray(String[]::new);
      for (int l = 1; l < 4; l++) {
        TreeSet<String> prefixes = new TreeSet<>();
        for (String c : g.codes[l - 1]) {
          prefixes.add(c.substring(0, DIGITS[l]));
        }
        g.codes[l] = prefixes.toArray(String[]::new);
      }
      for (int l = 0; l < 3; l++) {
        Map<String, Integer> up = ordinals(g.codes[l + 1]);
        g.parent[l] = new int[g.codes[l].length];
        for (int i = 0; i < g.codes[l].length; i++) {
          g.parent[l][i] = up.get(g.codes[l][i].substring(0, DIGITS[l + 1]));
        }
      }
      Map<String, Integer> region = new HashMap<>();
      List<String> lines = Files.readAllLines(dir.resolve("real/tpmap-2561/province_regions.csv"));
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        region.put(cells[0], Integer.parseInt(cells[3]) - 1);
      }
      g.provinceRegion = new int[g.codes[3].length];
      for (int i = 0; i < g.codes[3].length; i++) {
        g.provinceRegion[i] = region.get(g.codes[3][i]);
      }
      return g;
    }

    private static Map<String, Integer> ordinals(String[] codes) {
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i < codes.length; i++) {
        m.put(codes[i], i);
      }
      return m;
    }
  }

  private static List<Calibration> calibration(Path dir) throws IOException {
    Map<String, String> dimensions = new HashMap<>();
    List<String> catalog = Files.readAllLines(dir.resolve("catalog.csv"));
    for (String line : catalog) {
      // bmn-2560 rows: the tpmap_dimension cell is one of five words, found without a CSV parser
      if (line.startsWith("bmn-2560,")) {
        String code = line.split(",")[1];
        for (String d : List.of(",health,", ",living,", ",education,", ",income,", ",access,")) {
          if (line.contains(d)) {
            dimensions.put(code, d.replace(",", ""));
          }
        }
      }
    }
    List<String> lines = Files.readAllLines(dir.resolve("synthetic_calibration_bmn2560.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    List<Calibration> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      java.util.function.ToDoubleFunction<String> col =
          name -> Double.parseDouble(c[header.indexOf(name)]);
      double[] byRegion = new double[6];
      for (int r = 0; r < 6; r++) {
        byRegion[r] = col.applyAsDouble(REGION_COLUMNS[r]);
      }
      double sd2 = Math.pow(col.applyAsDouble("logit_total_sd"), 2);
      out.add(
          new Calibration(
              c[0],
              byRegion,
              col.applyAsDouble("tambon_zero_fail_share"),
              col.applyAsDouble("eligible_people_share"),
              new double[] {
                col.applyAsDouble("logit_var_share_province") * sd2,
                col.applyAsDouble("logit_var_share_amphoe") * sd2,
                col.applyAsDouble("logit_var_share_tambon") * sd2
              },
              dimensions.get(c[0])));
    }
    return out;
  }

  /** The generator; state is per indicator (area effects carried from year to year). */
  private static final class Generator {
    private final Geography geo;
    private final List<Calibration> calibration;
    private final long seed;
    private final boolean columns;
    private final AreaIndex.Pool pool = new AreaIndex.Pool();
    private final int[] households;
    private final int[] people;

    Generator(Geography geo, List<Calibration> calibration, long seed, boolean columns) {
      this.geo = geo;
      this.calibration = calibration;
      this.seed = seed;
      this.columns = columns;
      int villages = geo.codes[0].length;
      households = new int[villages];
      people = new int[villages];
      // households per subdistrict, split over its villages with Dirichlet(2) weights
      int subdistricts = geo.codes[1].length;
      double[] weightSum = new double[subdistricts];
      double[] weight = new double[villages];
      for (int v = 0; v < villages; v++) {
        Rng rng = new Rng(seed, 1, 0, 0, v);
        weight[v] = -Math.log(rng.uniform() * rng.uniform()); // Gamma(2)
        weightSum[geo.parent[0][v]] += weight[v];
      }
      double[] total = new double[subdistricts];
      double[] persons = new double[subdistricts];
      for (int s = 0; s < subdistricts; s++) {
        int region = geo.provinceRegion[geo.parent[2][geo.parent[1][s]]];
        Rng rng = new Rng(seed, 2, 0, 0, s);
        total[s] = Math.exp(HH_MU[region] + HH_SIGMA[region] * rng.gaussian());
        persons[s] = Math.min(5, Math.max(1.5, PERSONS[region] + 0.35 * rng.gaussian()));
      }
      for (int v = 0; v < villages; v++) {
        int s = geo.parent[0][v];
        households[v] = (int) Math.round(total[s] * weight[v] / weightSum[s]);
        people[v] = (int) Math.round(households[v] * persons[s]);
      }
    }

    Map<Integer, Map<String, Map<String, Map<String, IndicatorValue>>>> build(
        int years, int indicators) {
      Map<Integer, Map<String, Map<String, Map<String, IndicatorValue>>>> out =
          new LinkedHashMap<>();
      for (int y = 0; y < years; y++) {
        Map<String, Map<String, Map<String, IndicatorValue>>> byLevel = new LinkedHashMap<>();
        for (String level : LEVELS) {
          byLevel.put(level, new LinkedHashMap<>());
        }
        out.put(y, byLevel);
      }
      for (int i = 0; i < indicators; i++) {
        Calibration cal = calibration.get(i % calibration.size());
        Effects own = new Effects(i + 1, cal.varianceByLevel());
        Effects shared =
            cal.dimension() == null
                ? null
                : new Effects(-cal.dimension().hashCode(), cal.varianceByLevel());
        for (int y = 0; y < years; y++) {
          own.advance(y);
          if (shared != null) {
            shared.advance(y);
          }
          long[][] failing = new long[4][];
          long[][] eligible = new long[4][];
          generate(i, y, cal, own, shared, failing, eligible);
          for (int l = 0; l < 4; l++) {
            out.get(y).get(LEVELS[l]).put(key(i), column(geo.codes[l], failing[l], eligible[l]));
          }
        }
      }
      return out;
    }

    /** Village counts for one indicator and year, summed up to every level. */
    private void generate(
        int indicator,
        int year,
        Calibration cal,
        Effects own,
        Effects shared,
        long[][] failing,
        long[][] eligible) {
      int villages = geo.codes[0].length;
      int subdistricts = geo.codes[1].length;
      for (int l = 0; l < 4; l++) {
        failing[l] = new long[geo.codes[l].length];
        eligible[l] = new long[geo.codes[l].length];
      }
      for (int v = 0; v < villages; v++) {
        eligible[0][v] = Math.round(people[v] * Math.min(1, cal.eligibleShare()));
        eligible[1][geo.parent[0][v]] += eligible[0][v];
      }
      double[] logit = new double[subdistricts];
      boolean[] zero = new boolean[subdistricts];
      for (int s = 0; s < subdistricts; s++) {
        int d = geo.parent[1][s];
        int p = geo.parent[2][d];
        double pct = Math.max(0.001, cal.failPctByRegion()[geo.provinceRegion[p]]) / 100;
        logit[s] =
            Math.log(pct / (1 - pct))
                + TREND * year
                + own.effect(s, d, p, shared == null ? 1 : Math.sqrt(0.75))
                + (shared == null ? 0 : shared.effect(s, d, p, 0.5));
        double q = 1 / (1 + Math.exp(-logit[s]));
        double naturalZero = Math.pow(1 - q, eligible[1][s]);
        double structural =
            naturalZero >= 1 ? 0 : Math.max(0, (cal.zeroShare() - naturalZero) / (1 - naturalZero));
        zero[s] = new Rng(seed, 3, year, indicator, s).uniform() < structural;
      }
      for (int v = 0; v < villages; v++) {
        int s = geo.parent[0][v];
        long f =
            zero[s]
                ? 0
                : binomial(
                    eligible[0][v],
                    1 / (1 + Math.exp(-logit[s])),
                    new Rng(seed, 4, year, indicator, v));
        failing[0][v] = f;
        failing[1][s] += f;
      }
      for (int l = 2; l < 4; l++) {
        for (int a = 0; a < geo.codes[l - 1].length; a++) {
          failing[l][geo.parent[l - 1][a]] += failing[l - 1][a];
          eligible[l][geo.parent[l - 1][a]] += eligible[l - 1][a];
        }
      }
    }

    /** One pass-rate column, as TpmapMeasures computes bmn-2560 values. */
    private Map<String, IndicatorValue> column(String[] codes, long[] failing, long[] eligible) {
      if (columns) {
        ValueColumn.Builder b = ValueColumn.builder(codes.length);
        for (int a = 0; a < codes.length; a++) {
          long passing = eligible[a] - failing[a];
          b.add(
              codes[a],
              passing,
              eligible[a],
              eligible[a] == 0 ? Double.NaN : passing * 100.0 / eligible[a],
              eligible[a] == 0 ? "no eligible units" : null);
        }
        return b.build(pool);
      }
      Map<String, IndicatorValue> m = new LinkedHashMap<>(codes.length * 2);
      for (int a = 0; a < codes.length; a++) {
        long passing = eligible[a] - failing[a];
        m.put(
            codes[a],
            eligible[a] == 0
                ? new IndicatorValue(codes[a], (double) passing, 0.0, null, "no eligible units")
                : new IndicatorValue(
                    codes[a],
                    (double) passing,
                    (double) eligible[a],
                    passing * 100.0 / eligible[a],
                    null));
      }
      return m;
    }

    private static long binomial(long n, double p, Rng rng) {
      double mean = n * p;
      if (n == 0 || p <= 0) {
        return 0;
      }
      if (mean > 30) {
        long k = Math.round(mean + Math.sqrt(mean * (1 - p)) * rng.gaussian());
        return Math.max(0, Math.min(n, k));
      }
      double u = rng.uniform();
      double pmf = Math.pow(1 - p, n);
      double cdf = pmf;
      long k = 0;
      while (u > cdf && k < n) {
        pmf *= (n - k) / (double) (k + 1) * p / (1 - p);
        k++;
        cdf += pmf;
      }
      return k;
    }

    /** Area effects of one indicator (or dimension) per level, AR(1) over the years. */
    private final class Effects {
      private final int id;
      private final double[] variance;
      private final double[][] u = new double[3][];

      Effects(int id, double[] variance) {
        this.id = id;
        this.variance = variance;
        u[0] = new double[geo.codes[3].length];
        u[1] = new double[geo.codes[2].length];
        u[2] = new double[geo.codes[1].length];
      }

      void advance(int year) {
        for (int l = 0; l < 3; l++) {
          double sd = Math.sqrt(variance[l]);
          for (int a = 0; a < u[l].length; a++) {
            double e = sd * new Rng(seed, 10 + l, year, id, a).gaussian();
            u[l][a] = year == 0 ? e : RHO * u[l][a] + Math.sqrt(1 - RHO * RHO) * e;
          }
        }
      }

      double effect(int subdistrict, int district, int province, double weight) {
        return weight * (u[0][province] + u[1][district] + u[2][subdistrict]);
      }
    }
  }

  /** SplitMix64 keyed by the draw's coordinates: a counter-based generator. */
  private static final class Rng {
    private long state;

    Rng(long seed, long purpose, long year, long indicator, long area) {
      long h = mix(seed);
      h = mix(h ^ purpose);
      h = mix(h ^ year);
      h = mix(h ^ indicator);
      state = mix(h ^ area);
    }

    private static long mix(long z) {
      z += 0x9E3779B97F4A7C15L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    double uniform() {
      state = mix(state);
      return ((state >>> 11) + 0.5) * 0x1.0p-53;
    }

    double gaussian() {
      return Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    }
  }
}
