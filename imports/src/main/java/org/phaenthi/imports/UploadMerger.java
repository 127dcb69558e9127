package org.phaenthi.imports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.catalog.Draft;
import org.phaenthi.boundaries.catalog.IndicatorSet;
import org.phaenthi.boundaries.catalog.PartIds;
import org.phaenthi.boundaries.catalog.ValueSet;
import org.phaenthi.boundaries.indicators.AreaIndex;
import org.phaenthi.boundaries.indicators.Derivation;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.ValueColumn;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.boundaries.indicators.YearInfo;

/**
 * Turns a validated upload into the draft of the next publication: the current publication's parts
 * with, for each uploaded indicator in the upload's year, the rows under the uploaded provinces
 * replaced by the upload's counts summed up to every coarser level (levels finer than the upload's
 * lose those provinces' rows, which would no longer add up); every other province's rows, every
 * other indicator and every other year stay as they are. Definitions create or extend an indicator
 * set by name; value sets of an extended set move to its new id unchanged.
 */
public final class UploadMerger {
  static final String NO_ELIGIBLE = "no eligible units";
  static final String NO_SCORE = "no units with a score";

  private UploadMerger() {}

  public static Draft draft(Dataset current, Upload u, String who, String note) {
    return draft(current, u, who, note, true);
  }

  /**
   * As {@link #draft(Dataset, Upload, String, String)}; without {@code contentIds} a merged value
   * set gets a throw-away id instead of the hash of its content (hashing millions of values costs
   * seconds), for a draft that is merged again before it is published ({@link BundledPublication}).
   */
  static Draft draft(Dataset current, Upload u, String who, String note, boolean contentIds) {
    if (!u.publishable()) {
      throw new IllegalArgumentException("the upload's report has errors; it cannot be published");
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<IndicatorSet> sets = new ArrayList<>(current.indicatorSets());
    List<ValueSet> values = new ArrayList<>(current.valueSets());
    if (!u.definitions().isEmpty()) {
      extend(sets, values, u.definitionSet(), u.definitions(), now);
    }
    if (!u.valueCodes().isEmpty()) {
      Map<String, IndicatorSet> setOf = new LinkedHashMap<>();
      for (IndicatorSet s : sets) {
        s.indicators().forEach(i -> setOf.putIfAbsent(i.code(), s));
      }
      Map<IndicatorSet, List<String>> bySet = new LinkedHashMap<>();
      for (String code : u.valueCodes()) {
        IndicatorSet s = setOf.get(code);
        if (s == null) {
          throw new IllegalArgumentException("indicator " + code + " is in no indicator set");
        }
        bySet.computeIfAbsent(s, k -> new ArrayList<>()).add(code);
      }
      SurveyYear year = new SurveyYear(u.year());
      for (var e : bySet.entrySet()) {
        IndicatorSet s = e.getKey();
        int at = -1;
        for (int i = 0; i < values.size(); i++) {
          if (values.get(i).indicatorSet().equals(s.id())
              && values.get(i).year().year().equals(year)) {
            at = i;
          }
        }
        ValueSet old = at < 0 ? null : values.get(at);
        ValueSet merged = merge(current, s, old, year, e.getValue(), u, who, now, contentIds);
        if (at < 0) {
          values.add(merged);
        } else {
          values.set(at, merged);
        }
      }
    }
    return new Draft(
        current.boundarySet(), sets, values, who, note, current.publication().source());
  }

  private static void extend(
      List<IndicatorSet> sets,
      List<ValueSet> values,
      String name,
      List<Indicator> defs,
      Instant now) {
    int at = -1;
    for (int i = 0; i < sets.size(); i++) {
      if (sets.get(i).name().equals(name)) {
        at = i;
      }
    }
    Map<String, Indicator> merged = new LinkedHashMap<>();
    if (at >= 0) {
      sets.get(at).indicators().forEach(i -> merged.put(i.code(), i));
    }
    defs.forEach(i -> merged.put(i.code(), i));
    List<Indicator> list = List.copyOf(merged.values());
    String id = PartIds.of(PartIds.INDICATORS, name, PartIds.hashOf(list));
    IndicatorSet fresh =
        new IndicatorSet(id, name, now, list, at >= 0 ? sets.get(at).licence() : null);
    if (at < 0) {
      sets.add(fresh);
      return;
    }
    String oldId = sets.get(at).id();
    sets.set(at, fresh);
    // a derived rate defined now is made at once from the counts the set already has
    List<Indicator> rates =
        defs.stream()
            .filter(i -> i.derivation() != null)
            .filter(i -> i.derivation().kind() == Derivation.Kind.RATIO)
            .toList();
    for (int i = 0; i < values.size(); i++) {
      ValueSet v = values.get(i);
      if (v.indicatorSet().equals(oldId)) {
        Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> vals = v.values();
        if (!rates.isEmpty()) {
          vals = new TreeMap<>();
          for (var e : v.values().entrySet()) {
            vals.put(e.getKey(), new LinkedHashMap<>(e.getValue()));
          }
          DerivedRates.apply(rates, null, vals, new AreaIndex.Pool());
          vals.values().removeIf(Map::isEmpty);
        }
        values.set(
            i,
            new ValueSet(
                PartIds.of(PartIds.VALUES, id, v.id()),
                id,
                v.year(),
                v.createdAt(),
                vals,
                v.report()));
      }
    }
  }

  private static ValueSet merge(
      Dataset current,
      IndicatorSet set,
      ValueSet old,
      SurveyYear year,
      List<String> codes,
      Upload u,
      String who,
      Instant now,
      boolean contentIds) {
    AdminLevel stored = u.storedLevel();
    Set<String> provinces = u.provinces();
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> out = new TreeMap<>();
    if (old != null) {
      old.values().forEach((l, m) -> out.put(l, new LinkedHashMap<>(m)));
    }
    AreaIndex.Pool pool = new AreaIndex.Pool();
    Map<String, Indicator> defs = new LinkedHashMap<>();
    set.indicators().forEach(i -> defs.put(i.code(), i));
    Set<AdminLevel> levels = new HashSet<>(old == null ? Set.of() : old.year().levels());
    List<AdminLevel> all = current.boundaries().levels().all();
    for (AdminLevel l : all) {
      if (l.depth() <= stored.depth()) {
        levels.add(l);
      }
    }
    // the counts maps of one upload are filled row by row, so maps of the same areas iterate in
    // the same order: the first indicator's sort order serves every indicator with its key order
    Order first = null;
    for (String code : codes) {
      if (u.counts().get(code) != null) {
        first = Order.of(u.counts().get(code), null);
        break;
      }
    }
    Order firstOrder = first;
    // each indicator's columns are independent of the others': built side by side (they only read
    // out), then put in the order the codes and levels come, so every level's map is ordered as
    // one indicator after the other would order it
    List<ValueColumn[]> built =
        codes.parallelStream()
            .map(
                code ->
                    columns(
                        out,
                        all,
                        stored,
                        provinces,
                        u.counts().get(code) == null
                            ? null
                            : Order.of(u.counts().get(code), firstOrder),
                        u.means().get(code),
                        defs.get(code),
                        code,
                        pool))
            .toList();
    for (int c = 0; c < codes.size(); c++) {
      String code = codes.get(c);
      ValueColumn[] cols = built.get(c);
      for (int i = 0; i < all.size(); i++) {
        Map<String, Map<String, IndicatorValue>> level =
            out.computeIfAbsent(all.get(i), k -> new LinkedHashMap<>());
        if (cols[i] == null) {
          level.remove(code);
        } else {
          level.put(code, cols[i]);
        }
      }
    }
    DerivedRates.apply(set.indicators(), codes, out, pool);
    out.values().removeIf(Map::isEmpty);
    YearInfo info =
        old != null
            ? new YearInfo(
                old.year().year(),
                old.year().label(),
                old.year().source(),
                levels,
                old.year().synthetic())
            : new YearInfo(
                year,
                "upload " + year + " (" + set.name() + ")",
                "upload by " + who,
                levels,
                false);
    Map<String, Long> report = new TreeMap<>(old == null ? Map.of() : old.report());
    report.merge("uploadRows", (long) u.rows(), Long::sum);
    String id =
        PartIds.of(
            PartIds.VALUES,
            set.id(),
            current.boundarySet().vintage(),
            PartIds.hashOf(info),
            contentIds ? PartIds.hashOf(out) : java.util.UUID.randomUUID().toString());
    return new ValueSet(id, set.id(), info, now, out, report);
  }

  /** One indicator's counts in ascending code order. */
  private record Order(
      String[] keys, int[] order, String[] codes, long[] numerators, long[] denominators) {
    /**
     * The counts of {@code m} sorted by code, with {@code known}'s order when its keys come alike.
     */
    static Order of(Map<String, long[]> m, Order known) {
      int n = m.size();
      String[] keys = new String[n];
      long[][] counts = new long[n][];
      int i = 0;
      for (var e : m.entrySet()) {
        keys[i] = e.getKey();
        counts[i] = e.getValue();
        i++;
      }
      int[] order;
      String[] codes;
      if (known != null && Arrays.equals(known.keys, keys)) {
        keys = known.keys;
        order = known.order;
        codes = known.codes;
      } else {
        Integer[] boxed = new Integer[n];
        Arrays.setAll(boxed, k -> k);
        String[] unsorted = keys;
        Arrays.sort(boxed, (x, y) -> unsorted[x].compareTo(unsorted[y]));
        order = new int[n];
        codes = new String[n];
        for (int k = 0; k < n; k++) {
          order[k] = boxed[k];
          codes[k] = keys[order[k]];
        }
      }
      long[] num = new long[n];
      long[] den = new long[n];
      for (int k = 0; k < n; k++) {
        long[] v = counts[order[k]];
        num[k] = v[0];
        den[k] = v[1];
      }
      return new Order(keys, order, codes, num, den);
    }
  }

  /**
   * One indicator's column at each level (null: none): the rows outside the upload's provinces as
   * they were, and at the upload's level and above its counts summed per area. The codes are
   * sorted, so the codes that share an area's prefix are a run: one pass per level sums them.
   */
  private static ValueColumn[] columns(
      Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> out,
      List<AdminLevel> all,
      AdminLevel stored,
      Set<String> provinces,
      Order lowest,
      Map<String, double[]> means,
      Indicator ind,
      String code,
      AreaIndex.Pool pool) {
    ValueColumn[] cols = new ValueColumn[all.size()];
    for (int i = 0; i < all.size(); i++) {
      AdminLevel l = all.get(i);
      Map<String, IndicatorValue> before =
          out.getOrDefault(l, Map.of()).getOrDefault(code, Map.of());
      TreeMap<String, IndicatorValue> kept = new TreeMap<>();
      before.forEach(
          (area, v) -> {
            if (!provinces.contains(area.substring(0, 2))) {
              kept.put(area, v);
            }
          });
      List<IndicatorValue> sums = new ArrayList<>();
      if (l.depth() <= stored.depth()) {
        if (means != null) {
          meansSummed(means, l.codeLength(), sums);
        } else if (lowest != null) {
          sum(lowest, l.codeLength(), ind, sums);
        }
      }
      if (kept.isEmpty()) {
        // the sums alone, already in code order
        cols[i] = sums.isEmpty() ? null : ValueColumn.of(sums, pool);
      } else {
        sums.forEach(v -> kept.put(v.areaCode(), v));
        cols[i] = ValueColumn.of(kept.values(), pool);
      }
    }
    return cols;
  }

  /** A weighted mean's Σ score × weight and Σ weight per area of codes of this length, in order. */
  private static void meansSummed(
      Map<String, double[]> means, int length, List<IndicatorValue> out) {
    Map<String, double[]> sums = new TreeMap<>();
    for (var e : means.entrySet()) {
      double[] s = sums.computeIfAbsent(e.getKey().substring(0, length), k -> new double[2]);
      s[0] += e.getValue()[0];
      s[1] += e.getValue()[1];
    }
    sums.forEach(
        (area, s) ->
            out.add(
                s[1] == 0
                    ? new IndicatorValue(area, s[0], 0.0, null, NO_SCORE)
                    : new IndicatorValue(area, s[0], s[1], s[0] / s[1], null)));
  }

  /** The counts summed per area of codes of this length (ascending codes give ascending areas). */
  private static void sum(Order lowest, int length, Indicator ind, List<IndicatorValue> out) {
    String[] codes = lowest.codes();
    long[] num = lowest.numerators();
    long[] den = lowest.denominators();
    String area = null;
    long[] s = null;
    for (int k = 0; k < codes.length; k++) {
      if (area == null || !codes[k].startsWith(area)) {
        if (area != null) {
          out.add(value(area, s, ind));
        }
        area = codes[k].substring(0, length);
        s = new long[] {0, 0};
      }
      s[0] += num[k];
      s[1] = s[1] < 0 || den[k] < 0 ? -1 : s[1] + den[k];
    }
    if (area != null) {
      out.add(value(area, s, ind));
    }
  }

  /** The value of summed counts as the indicator's kind makes it. */
  static IndicatorValue value(String area, long[] s, Indicator ind) {
    double num = s[0];
    Double den = s[1] < 0 ? null : (double) s[1];
    if (ind.kind() == ValueKind.COUNT || den == null) {
      return new IndicatorValue(
          area,
          num,
          den,
          ind.kind() == ValueKind.COUNT ? num : null,
          ind.kind() == ValueKind.COUNT ? null : "no denominator");
    }
    if (s[1] == 0) {
      return new IndicatorValue(area, num, 0.0, null, NO_ELIGIBLE);
    }
    if (ind.kind() == ValueKind.WEIGHTED_MEAN) {
      return new IndicatorValue(area, num, den, num / den, null);
    }
    return new IndicatorValue(area, num, den, num * 100.0 / den, null);
  }
}
