package org.phaenthi.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.AreaIndex;
import org.phaenthi.boundaries.indicators.Derivation;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.ValueColumn;

/**
 * The derived rates of a value set ({@link Derivation.Kind#RATIO}): at every level, per area, Σ
 * numerator count / Σ denominator count × 100 of the two count indicators' values as the value set
 * holds them (already summed up to that area, so a province's rate is made from its summed counts,
 * never from its districts' rates). Numerator and denominator are kept with the value, so a client
 * can re-derive it. An area the numerator has and the denominator lacks has no value ({@value
 * #NO_DENOMINATOR}, not 0); denominator 0 → no value ({@value UploadMerger#NO_ELIGIBLE}). A level
 * that lacks one of the two indicators is left as it is: it gets no rate, and keeps one it has (the
 * y66 file's own target-poor rate: that file has no people-surveyed column).
 */
final class DerivedRates {
  static final String NO_DENOMINATOR = "denominator not in data";

  private DerivedRates() {}

  /**
   * Remakes, in {@code values} (level → indicator → area, changed in place), every derived rate of
   * {@code defs} whose numerator, denominator or own code is in {@code changed} (all of them when
   * it is null). A rate none of whose inputs changed keeps its values (e.g. a rate a file gave as
   * it is).
   */
  static void apply(
      List<Indicator> defs,
      Collection<String> changed,
      Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> values,
      AreaIndex.Pool pool) {
    for (Indicator rate : defs) {
      Derivation d = rate.derivation();
      if (d == null || d.kind() != Derivation.Kind.RATIO) {
        continue;
      }
      if (changed != null
          && !changed.contains(d.numerator())
          && !changed.contains(d.denominator())
          && !changed.contains(rate.code())) {
        continue;
      }
      for (Map<String, Map<String, IndicatorValue>> level : values.values()) {
        Map<String, IndicatorValue> num = level.get(d.numerator());
        Map<String, IndicatorValue> den = level.get(d.denominator());
        if (num == null || den == null) {
          continue; // nothing to derive from here: what the level has stays
        }
        List<IndicatorValue> col = column(num, den);
        if (col.isEmpty()) {
          level.remove(rate.code());
        } else {
          level.put(rate.code(), ValueColumn.of(col, pool));
        }
      }
    }
  }

  /** The rate of each area of {@code num} (in its order); empty when either column is absent. */
  static List<IndicatorValue> column(
      Map<String, IndicatorValue> num, Map<String, IndicatorValue> den) {
    List<IndicatorValue> out = new ArrayList<>();
    if (num == null || den == null) {
      return out;
    }
    for (IndicatorValue n : num.values()) {
      Double t = n.numerator();
      if (t == null) {
        continue;
      }
      IndicatorValue p = den.get(n.areaCode());
      Double people = p == null ? null : p.numerator();
      if (people == null) {
        out.add(new IndicatorValue(n.areaCode(), t, null, null, NO_DENOMINATOR));
      } else if (people == 0) {
        out.add(new IndicatorValue(n.areaCode(), t, 0.0, null, UploadMerger.NO_ELIGIBLE));
      } else {
        out.add(new IndicatorValue(n.areaCode(), t, people, t * 100.0 / people, null));
      }
    }
    return out;
  }
}
