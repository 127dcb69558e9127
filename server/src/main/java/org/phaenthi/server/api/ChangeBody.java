package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.YearInfo;
import org.phaenthi.server.MissingData;

/**
 * The body of {@code /api/values?…&compare=YEAR}: per area the change ({@code value}, in {@code
 * change.unit}) and both years' counts and values ({@code from}, {@code to}).
 */
final class ChangeBody {
  private ChangeBody() {}

  static Map<String, Object> body(Dataset d, AdminLevel level, Change c, String parent) {
    IndicatorData data = d.indicators();
    Optional<Change.Years> years = c.values(data, level);
    List<Map<String, Object>> out = new ArrayList<>();
    String emptyReason = null;
    String emptyReasonTh = null;
    if (years.isEmpty()) {
      boolean fromMissing = data.values(c.from(), level, c.indicator().code()).isEmpty();
      SurveyYear lacking = fromMissing ? c.from() : c.to();
      emptyReason = MissingData.emptyReason(data, c.indicator(), level, lacking);
      emptyReasonTh = ThaiText.emptyReason(data, c.indicator(), level, lacking);
    } else {
      for (Area a : d.boundaries().children(level, parent)) {
        IndicatorValue from = years.get().from().get(a.code());
        IndicatorValue to = years.get().to().get(a.code());
        Map<String, Object> row = AreaJson.summary(a);
        row.remove("level");
        row.put("value", c.of(from, to));
        String reason = c.reason(from, to, MissingData.missingReason(a));
        row.put("reason", reason);
        if (reason != null) {
          row.put("reason_th", ThaiText.reason(reason));
        }
        row.put("from", side(c, from));
        row.put("to", side(c, to));
        out.add(row);
      }
    }
    return obj(
        "level", level.urlName(),
        "indicator", c.indicator().code(),
        "year", AreaJson.year(c.to()),
        "compare", AreaJson.year(c.from()),
        "parent", parent,
        "data_version", ValuesHandler.version(d, c),
        "value_unit", c.unit(),
        "change",
            obj(
                "from", c.from().be(),
                "to", c.to().be(),
                "unit", c.unit(),
                "unit_th", c.unitTh(),
                "indicator_value_unit", c.indicator().valueUnit(),
                "higher_is_better", c.indicator().higherIsBetter(),
                "caveat", caveat(data, c),
                "caveat_th", caveatTh(data, c)),
        "values", out,
        "empty_reason", emptyReason,
        "empty_reason_th", emptyReasonTh);
  }

  private static Map<String, Object> side(Change c, IndicatorValue v) {
    if (v == null) {
      return null;
    }
    Map<String, Object> out = AreaJson.value(c.indicator(), v);
    out.values().removeIf(x -> x == null);
    return out;
  }

  /**
   * Said when the two years do not come from the same source, so they may not be comparable; the
   * sources named in full in English ({@link SourceNames#en(String)}).
   */
  static String caveat(IndicatorData data, Change c) {
    YearInfo a = data.years().get(c.from());
    YearInfo b = data.years().get(c.to());
    if (a == null || b == null || a.source() == null || a.source().equals(b.source())) {
      return null;
    }
    return "the two years come from different sources ("
        + c.from().be()
        + ": "
        + SourceNames.en(a.source())
        + "; "
        + c.to().be()
        + ": "
        + SourceNames.en(b.source())
        + "): check that the indicator was measured the same way";
  }

  /**
   * The same caveat in Thai, for the Thai interface, pictures and files. It names the sources by
   * their Thai names (the {@code source_th} of the indicators, shortened to the name before its
   * details); a source with no known Thai name (a user's import) is left out, the years stay.
   */
  static String caveatTh(IndicatorData data, Change c) {
    YearInfo a = data.years().get(c.from());
    YearInfo b = data.years().get(c.to());
    if (caveat(data, c) == null) {
      return null;
    }
    return "ข้อมูลสองปีมาจากแหล่งต่างกัน ("
        + sideTh(c.from().be(), a.source())
        + "; "
        + sideTh(c.to().be(), b.source())
        + ") ควรตรวจสอบว่าตัวชี้วัดวัดด้วยวิธีเดียวกันก่อนเปรียบเทียบ";
  }

  private static String sideTh(int be, String source) {
    String name = ThaiText.sourceName(source);
    return name == null ? "ปี " + be : "ปี " + be + ": " + name;
  }
}
