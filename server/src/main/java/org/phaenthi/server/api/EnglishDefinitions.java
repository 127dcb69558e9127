package org.phaenthi.server.api;

import org.phaenthi.boundaries.indicators.Indicator;

/**
 * How an indicator's value is computed, in plain English for the English side of the app: the
 * catalogue's {@code definition} is a formula over TPMAP column names ({@code indicator7.ALL −
 * indicator7.CNT}), kept for the exports and for analysts. Worded as {@link ThaiDefinitions}, from
 * the indicator's code and kind, so the two languages say the same thing.
 */
public final class EnglishDefinitions {
  private EnglishDefinitions() {}

  public static String of(Indicator i) {
    String code = i.code();
    if (code.startsWith("bmn-2560:")) {
      return "Pass rate % = (units passing ÷ units to be surveyed for this indicator) × 100;"
          + " counts are summed up from the villages before dividing";
    }
    if (code.equals("tpmap:target_poor_rate")) {
      return "Per cent = (target poor ÷ people surveyed) × 100; counts are summed up from the"
          + " villages before dividing";
    }
    if (code.startsWith("tpmap:ind_")) {
      return "Target poor failing Basic Minimum Needs (BMN) indicator "
          + code.substring("tpmap:ind_".length())
          + " (one person may fail several indicators, so these counts do not add up)";
    }
    if (code.startsWith("tpmap:dim_")) {
      return "Target poor with a problem in this dimension (one person may have several, so these"
          + " counts do not add up)";
    }
    return switch (i.kind()) {
      case PERCENT ->
          "Per cent of the people surveyed; counts are summed up from the villages before dividing";
      case COUNT -> "Count, summed up from the villages";
      case WEIGHTED_MEAN -> "Mean of the village scores weighted by households (approximate)";
    };
  }
}
