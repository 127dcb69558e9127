package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.Derivation;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.YearInfo;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Snapshot;

/** {@code GET /api/indicators}: the indicators that have data, and the survey years. */
public final class IndicatorsHandler implements Handler {
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data

  public IndicatorsHandler(LiveData live) {
    this.live = live::snapshot;
  }

  @Override
  public void handle(Context ctx) {
    IndicatorData data = live.get().dataset().indicators();
    List<Map<String, Object>> list = new ArrayList<>();
    for (Indicator i : data.indicators()) {
      list.add(describe(i, data));
    }
    List<Map<String, Object>> years = new ArrayList<>();
    for (YearInfo y : data.years().values()) {
      years.add(
          obj(
              "be", y.year().be(),
              "ce", y.year().ce(),
              "label", y.label(),
              "label_en", SourceNames.en(y.label()),
              "label_th", SourceNames.th(y.label()),
              "source", y.source(),
              "source_en", SourceNames.en(y.source()),
              "source_th", SourceNames.th(y.source()),
              "synthetic", y.synthetic(),
              "levels", y.levels().stream().sorted().map(AdminLevel::urlName).toList()));
    }
    Json.send(ctx, obj("indicators", list, "years", years));
  }

  public static Map<String, Object> describe(Indicator i, IndicatorData data) {
    Map<String, Object> years = new LinkedHashMap<>();
    for (var e : data.yearsAvailable(i.code()).entrySet()) {
      years.put(e.getKey().urlName(), e.getValue().stream().map(SurveyYear::be).toList());
    }
    return obj(
        "code", i.code(),
        "set", i.set(),
        "category",
            obj("code", i.categoryCode(), "name_th", i.categoryTh(), "name_en", i.categoryEn()),
        "name_th", i.nameTh(),
        "name_en", i.nameEn(),
        "unit", i.unit(),
        "kind", i.kind().name().toLowerCase(Locale.ROOT),
        "value_unit", i.valueUnit(),
        "higher_is_better", i.higherIsBetter(),
        "tpmap_dimension", i.tpmapDimension(),
        "definition", i.definition(),
        "definition_th", i.definitionTh() != null ? i.definitionTh() : ThaiDefinitions.of(i),
        "definition_en", EnglishDefinitions.of(i),
        "value_unit_th", ThaiText.unit(i.valueUnit()),
        "source_en", SourceNames.en(i),
        "source_th", ThaiText.source(i),
        "numerator", i.numeratorLabel(),
        "denominator", i.denominatorLabel(),
        "derivation", derivation(i.derivation()),
        "numerator_code", rate(i.derivation()) ? i.derivation().numerator() : null,
        "denominator_code", rate(i.derivation()) ? i.derivation().denominator() : null,
        "source", i.source(),
        "years", years);
  }

  /**
   * How the indicator's values are made, as the API names it: {@code rate} (Σ numerator count ÷ Σ
   * denominator count × 100 of two count indicators), {@code weighted_mean} (Σ score × weight ÷ Σ
   * weight of two value-file columns), null for a plain count or value of columns of its own.
   */
  static String derivation(Derivation d) {
    if (d == null) {
      return null;
    }
    return switch (d.kind()) {
      case RATIO -> "rate";
      case WEIGHTED_MEAN -> "weighted_mean";
    };
  }

  private static boolean rate(Derivation d) {
    return d != null && d.kind() == Derivation.Kind.RATIO;
  }
}
