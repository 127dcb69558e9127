package org.phaenthi.server.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.MissingData;
import org.phaenthi.server.Params;
import org.phaenthi.server.Resolver;
import org.phaenthi.server.api.Change;

/**
 * The areas of one level (optionally under a parent) joined with at most one indicator in one
 * survey year. Areas without data get a null value and a reason, never a zero (as in {@code
 * /api/values}).
 *
 * @param indicator null for a boundaries-only selection (then year and values are null too)
 * @param values by area code; empty when the indicator has no data at this level and year
 * @param emptyReason why {@code values} is empty, else null
 * @param change with {@code compare=YEAR}: the change from that base year to {@code year}, else
 *     null
 * @param baseValues the base year's values by area code with a change (empty when it has none at
 *     this level), else null
 */
public record Selection(
    Dataset dataset,
    AdminLevel level,
    String parent,
    Indicator indicator,
    SurveyYear year,
    Map<String, IndicatorValue> values,
    String emptyReason,
    Change change,
    Map<String, IndicatorValue> baseValues) {

  /** Read-only views of the dataset's value maps (kept in their order, not copied per request). */
  public Selection {
    values = values == null ? null : Collections.unmodifiableMap(values);
    baseValues = baseValues == null ? null : Collections.unmodifiableMap(baseValues);
  }

  /** Property names without an indicator, in output order. */
  public static final List<String> AREA_PROPERTIES =
      List.of("code", "name_th", "name_en", "level", "parent_code");

  /** Property names added by an indicator, in output order. */
  public static final List<String> VALUE_PROPERTIES =
      List.of(
          "indicator",
          "year_be",
          "year_ce",
          "numerator",
          "denominator",
          "value",
          "unit",
          "reason",
          "small_denominator");

  /**
   * Parses and validates the request texts (400 for malformed, 404 for unknown level, indicator,
   * year or parent). Year without indicator is a 400.
   */
  public static Selection parse(
      Dataset d, AdminLevel level, String parentText, String indicatorCode, String yearText) {
    String parent = Params.parent(parentText, level);
    Params.knownParent(d.boundaries(), level, parent);
    boolean noIndicator = indicatorCode == null || indicatorCode.isBlank();
    if (noIndicator) {
      if (yearText != null && !yearText.isBlank()) {
        throw ApiException.badRequest("parameter 'year' needs parameter 'indicator'");
      }
      return new Selection(d, level, parent, null, null, null, null, null, null);
    }
    IndicatorData data = d.indicators();
    Indicator indicator = Params.indicator(data, indicatorCode);
    SurveyYear year = Resolver.year(data, yearText, level, indicator.code());
    var values = data.values(year, level, indicator.code());
    String empty =
        values.isPresent() ? null : MissingData.emptyReason(data, indicator, level, year);
    return new Selection(
        d, level, parent, indicator, year, values.orElse(Map.of()), empty, null, null);
  }

  /**
   * This selection as the change from the base year {@code compareText} (the {@code compare}
   * parameter) to its year, validated as on {@code /api/values} ({@link Change#of}: 400 when
   * malformed or the same year, 404 for an unknown year); itself when {@code compareText} is null.
   * 400 naming {@code compare} without an indicator.
   */
  public Selection withCompare(String compareText) {
    if (compareText == null) {
      return this;
    }
    if (!hasIndicator()) {
      throw ApiException.badRequest("parameter '" + Change.PARAM + "' needs parameter 'indicator'");
    }
    IndicatorData data = dataset.indicators();
    Change c = Change.of(data, indicator, year, compareText);
    var base = data.values(c.from(), level, indicator.code());
    String empty = emptyReason;
    if (empty == null && base.isEmpty()) {
      empty = MissingData.emptyReason(data, indicator, level, c.from());
    }
    return new Selection(
        dataset, level, parent, indicator, year, values, empty, c, base.orElse(Map.of()));
  }

  public boolean hasChange() {
    return change != null;
  }

  public List<Area> areas() {
    return dataset.boundaries().children(level, parent);
  }

  /**
   * The version of the parts this selection reads: the boundary set alone without an indicator;
   * with one, the boundary set, the indicator's set and the value set of its year ({@link
   * Dataset#valueVersion}). Publishing values of another year (or another indicator) leaves it.
   */
  public String partsVersion() {
    if (hasChange()) {
      // both years' value sets, as /api/values?compare= (ValuesHandler.version)
      return org.phaenthi.server.api.ValuesHandler.version(dataset, change);
    }
    return hasIndicator()
        ? dataset.valueVersion(indicator.code(), year)
        : dataset.boundaryVersion();
  }

  /**
   * When the newest of the parts read ({@link #partsVersion}) was made: the time written into the
   * files (XLSX core properties, GeoPackage {@code last_change}), so their bytes, like the ETag,
   * depend on those parts only, not on when the publication holding them was made.
   */
  public java.time.Instant partsTime() {
    java.time.Instant t = dataset.boundarySet().createdAt();
    if (!hasIndicator()) {
      return t;
    }
    java.util.Optional<org.phaenthi.boundaries.catalog.IndicatorSet> set =
        dataset.indicatorSetOf(indicator.code());
    if (set.isEmpty()) {
      return t;
    }
    if (set.get().createdAt().isAfter(t)) {
      t = set.get().createdAt();
    }
    for (org.phaenthi.boundaries.catalog.ValueSet v : dataset.valueSets()) {
      if (v.indicatorSet().equals(set.get().id())
          && (v.year().year().equals(year)
              || (hasChange() && v.year().year().equals(change.from())))
          && v.createdAt().isAfter(t)) {
        t = v.createdAt();
      }
    }
    return t;
  }

  public boolean hasIndicator() {
    return indicator != null;
  }

  /**
   * Property names added by a change ({@code compare=YEAR}), after {@link #VALUE_PROPERTIES} (which
   * then hold the later year): the base year's counts and value, and the change between the two.
   */
  public static final List<String> CHANGE_PROPERTIES =
      List.of(
          "compare_year_be",
          "compare_numerator",
          "compare_denominator",
          "compare_value",
          "change",
          "change_unit",
          "change_reason");

  /** Property names of every feature, in output order. */
  public List<String> propertyNames() {
    List<String> names = new ArrayList<>(AREA_PROPERTIES);
    if (hasIndicator()) {
      names.addAll(VALUE_PROPERTIES);
    }
    if (hasChange()) {
      names.addAll(CHANGE_PROPERTIES);
    }
    return names;
  }

  /** The area's value, a missing value with its reason, or null without an indicator. */
  public IndicatorValue value(Area a) {
    if (!hasIndicator()) {
      return null;
    }
    IndicatorValue v = values.get(a.code());
    if (v != null) {
      return v;
    }
    return IndicatorValue.missing(
        a.code(), emptyReason != null ? emptyReason : MissingData.missingReason(a));
  }

  /**
   * Whether numerator and denominator are sums of whole counts (people, households: every kind but
   * a weighted mean, whose numerator is Σ mean × weight), so they are written as integers.
   */
  public boolean countsAreWhole() {
    return hasIndicator() && indicator.kind() != ValueKind.WEIGHTED_MEAN;
  }

  /** A whole count as a {@link Long} (7436, not 7436.0); a fraction stays a {@link Double}. */
  static Object whole(Double d) {
    if (d == null) {
      return null;
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) d.longValue() : d;
  }

  /** All properties of one feature, in {@link #propertyNames()} order; nulls kept. */
  public Map<String, Object> properties(Area a) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("code", a.code());
    p.put("name_th", a.nameTh());
    p.put("name_en", a.nameEn());
    p.put("level", a.level().urlName());
    p.put("parent_code", a.parentCode());
    if (hasIndicator()) {
      IndicatorValue v = value(a);
      p.put("indicator", indicator.code());
      p.put("year_be", year.be());
      p.put("year_ce", year.ce());
      boolean counts = countsAreWhole();
      p.put("numerator", counts ? whole(v.numerator()) : v.numerator());
      p.put("denominator", counts ? whole(v.denominator()) : v.denominator());
      p.put("value", indicator.kind() == ValueKind.COUNT ? whole(v.value()) : v.value());
      p.put("unit", indicator.valueUnit());
      p.put("reason", v.value() == null ? v.missingReason() : null);
      // true for a rate over fewer than 30 eligible units; null where there is no value
      p.put("small_denominator", v.value() == null ? null : indicator.smallDenominator(v));
    }
    if (hasChange()) {
      IndicatorValue b = baseValues.get(a.code());
      IndicatorValue to = values.get(a.code());
      boolean counts = countsAreWhole();
      p.put("compare_year_be", change.from().be());
      p.put("compare_numerator", b == null ? null : counts ? whole(b.numerator()) : b.numerator());
      p.put(
          "compare_denominator",
          b == null ? null : counts ? whole(b.denominator()) : b.denominator());
      p.put(
          "compare_value",
          b == null ? null : indicator.kind() == ValueKind.COUNT ? whole(b.value()) : b.value());
      p.put("change", change.of(b, to));
      p.put("change_unit", change.unit());
      p.put("change_reason", change.reason(b, to, MissingData.missingReason(a)));
    }
    return p;
  }
}
