package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;

/** The JSON shapes shared by several endpoints. */
public final class AreaJson {
  private AreaJson() {}

  public static Map<String, Object> summary(Area a) {
    return obj(
        "level", a.level().urlName(),
        "code", a.code(),
        "name_th", a.nameTh(),
        "name_en", a.nameEn(),
        "parent_code", a.parentCode());
  }

  public static double[] bbox(Envelope e) {
    return new double[] {
      round6(e.getMinX()), round6(e.getMinY()), round6(e.getMaxX()), round6(e.getMaxY())
    };
  }

  public static Map<String, Object> year(SurveyYear y) {
    return obj("be", y.be(), "ce", y.ce());
  }

  /**
   * numerator, denominator, value, reason; plus {@code "small_denominator": true} for a rate over
   * fewer than {@value Indicator#SMALL_DENOMINATOR} eligible units (left out otherwise).
   */
  public static Map<String, Object> value(Indicator indicator, IndicatorValue v) {
    Map<String, Object> out =
        obj(
            "numerator", v.numerator(),
            "denominator", v.denominator(),
            "value", v.value(),
            "reason", v.missingReason());
    if (v.missingReason() != null) {
      out.put("reason_th", ThaiText.reason(v.missingReason()));
    }
    if (indicator.smallDenominator(v)) {
      out.put("small_denominator", true);
    }
    return out;
  }

  static double round6(double d) {
    return Math.round(d * 1e6) / 1e6;
  }
}
