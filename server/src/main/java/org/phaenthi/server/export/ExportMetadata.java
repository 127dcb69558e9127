package org.phaenthi.server.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.server.Attribution;
import org.phaenthi.server.api.Change;

/**
 * What every export carries besides the rows: title, indicator definition and source, survey year,
 * data version and the attribution texts (boundaries CC BY 3.0 IGO, TPMAP indicators).
 *
 * @param typed ordered key → value, typed for JSON (a String, Boolean or Integer: {@code
 *     higher_is_better: false}, {@code survey_year_be: 2561}); keys are stable snake_case names
 */
public record ExportMetadata(Map<String, Object> typed) {
  public ExportMetadata {
    typed = Collections.unmodifiableMap(new LinkedHashMap<>(typed)); // ordered, a copy
  }

  /**
   * The indicators' licence statement (the README's TPMAP note), in every export and OGC licence
   * link next to the boundaries' CC BY 3.0 IGO.
   */
  public static final String INDICATOR_LICENCE =
      "No licence is stated for the TPMAP data; use it for development and testing, and ask NESDC"
          + " before redistributing it.";

  /** These entries with {@code crs} naming the CRS the geometries are written in. */
  public ExportMetadata withCrs(Crs crs) {
    if (crs.isDefault() || crs.latLon()) {
      return this;
    }
    Map<String, Object> m = new LinkedHashMap<>(typed);
    m.put("crs", crs.shortName() + " " + crs.title() + " (easting, northing in metres)");
    return new ExportMetadata(m);
  }

  /** The same entries as text, for tabular formats (XLSX, GeoPackage, the CSV sidecar). */
  public Map<String, String> entries() {
    Map<String, String> m = new LinkedHashMap<>();
    typed.forEach((k, v) -> m.put(k, v.toString()));
    return Collections.unmodifiableMap(m);
  }

  public static ExportMetadata of(Selection s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title(s));
    m.put("level", s.level().urlName());
    m.put("parent", s.parent());
    Indicator i = s.indicator();
    if (i != null) {
      m.put("indicator", i.code());
      m.put("indicator_name_th", i.nameTh());
      m.put("indicator_name_en", i.nameEn());
      m.put("indicator_set", i.set());
      m.put("category", join(i.categoryCode(), i.categoryEn(), i.categoryTh()));
      m.put("definition", i.definition());
      m.put(
          "definition_th",
          i.definitionTh() != null
              ? i.definitionTh()
              : org.phaenthi.server.api.ThaiDefinitions.of(i));
      m.put("numerator", i.numeratorLabel());
      m.put("denominator", i.denominatorLabel());
      m.put("unit", i.valueUnit());
      m.put("counted_unit", i.unit());
      m.put("higher_is_better", i.higherIsBetter());
      // the source named in full in English (the stored one writes the survey "จปฐ.") and in Thai
      m.put("source", org.phaenthi.server.api.SourceNames.en(i));
      m.put("source_th", org.phaenthi.server.api.SourceNames.th(i));
      m.put("survey_year_be", s.year().be());
      m.put("survey_year_ce", s.year().ce());
      s.dataset()
          .indicators()
          .year(s.year().be())
          .ifPresent(
              y -> {
                m.put(
                    "survey_year_source",
                    join(
                        org.phaenthi.server.api.SourceNames.en(y.label()),
                        org.phaenthi.server.api.SourceNames.en(y.source())));
                m.put(
                    "survey_year_source_th",
                    join(
                        org.phaenthi.server.api.SourceNames.th(y.label()),
                        org.phaenthi.server.api.SourceNames.th(y.source())));
              });
      m.put(
          "missing_values",
          "An empty value means no data (see the reason column), never zero."
              + (s.emptyReason() == null ? "" : " " + s.emptyReason()));
      if (i.kind() == ValueKind.PERCENT) {
        m.put(
            "small_denominator",
            "true where the rate rests on fewer than "
                + Indicator.SMALL_DENOMINATOR
                + " eligible units (the denominator): shown, but read with care.");
      }
      if (s.hasChange()) {
        Change c = s.change();
        m.put("compare_year_be", c.from().be());
        m.put("change_unit", c.unit());
        m.put("change_unit_th", c.unitTh());
        m.put(
            "change",
            "change from "
                + c.from().be()
                + " (compare_value) to "
                + s.year().be()
                + " (value) in "
                + c.unit()
                + (i.kind() == ValueKind.COUNT
                    ? " of the " + c.from().be() + " count"
                    : ", the difference of the two values made from each year's summed counts")
                + "; empty (see change_reason) where either year has no value, never zero.");
        m.put("change_caveat", c.caveat(s.dataset().indicators()));
        m.put("change_caveat_th", c.caveatTh(s.dataset().indicators()));
      }
      m.put("indicator_attribution", Attribution.INDICATORS);
      m.put("indicator_licence", INDICATOR_LICENCE);
    }
    m.put("boundary_attribution", Attribution.BOUNDARIES);
    m.put("boundary_licence", Attribution.BOUNDARIES_LICENCE_URL);
    m.put("crs", "EPSG:4326 / OGC:CRS84 (longitude, latitude)");
    // the parts read, not the whole publication: the file's bytes (and ETag) stay when another
    // year's values are published
    m.put("data_version", s.partsVersion());
    m.put("produced_by", "Phaenthi");
    m.values().removeIf(java.util.Objects::isNull);
    return new ExportMetadata(m);
  }

  static String title(Selection s) {
    String where =
        s.level().nameEn()
            + (s.level().hasGeometry() ? " boundaries" : " units")
            + (s.parent() == null ? "" : " in " + s.parent());
    if (s.indicator() == null) {
      return "Thailand " + where;
    }
    return s.indicator().nameEn()
        + " ("
        + s.indicator().code()
        + "), "
        + (s.hasChange() ? "change " + s.change().from().be() + " to " : "")
        + s.year().be()
        + " B.E. / "
        + s.year().ce()
        + ", by "
        + s.level().urlName()
        + (s.parent() == null ? "" : " in " + s.parent());
  }

  private static String join(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        b.append(b.length() == 0 ? "" : " — ").append(p);
      }
    }
    return b.length() == 0 ? null : b.toString();
  }
}
