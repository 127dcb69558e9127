package org.phaenthi.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.Attribution;

/**
 * The Thai side of what the API words in English: why a value is missing, value units and sources,
 * so the Thai interface shows no English from the server (served next to the English as {@code
 * reason_th}, {@code value_unit_th}, {@code source_th}, {@code empty_reason_th}). A text it does
 * not know (a user's import may bring its own) has no Thai: null, and the app then says only "no
 * data".
 */
public final class ThaiText {
  private ThaiText() {}

  private static final Map<String, String> REASONS =
      Map.of(
          "no data: " + Attribution.BANGKOK_NOT_SURVEYED,
          "ไม่มีข้อมูล: " + Attribution.BANGKOK_NOT_SURVEYED_TH,
          Attribution.BANGKOK_NOT_SURVEYED,
          Attribution.BANGKOK_NOT_SURVEYED_TH,
          "no data for this area in this year",
          "ไม่มีข้อมูลของพื้นที่นี้ในปีนี้",
          "no eligible units",
          "ไม่มีหน่วยที่ต้องสำรวจตามตัวชี้วัดนี้",
          "no people surveyed",
          "ไม่มีคนที่ได้รับการสำรวจ",
          "people surveyed not in data",
          "ไม่มีจำนวนคนที่สำรวจในข้อมูล",
          "no households with a score",
          "ไม่มีครัวเรือนที่มีคะแนน",
          "no units with a score",
          "ไม่มีหน่วยที่มีคะแนน",
          "denominator not in data",
          "ไม่มีตัวหารในข้อมูล",
          "no denominator",
          "ไม่มีตัวหาร");

  private static final Pattern NO_DATA_IN = Pattern.compile("no data in (\\d{4})(?:: (.*))?");
  private static final Pattern COUNT_ZERO =
      Pattern.compile("the count was 0 in (\\d{4}): no per cent change");

  /** The Thai for a reason the server gives (including a change map's), or null if unknown. */
  public static String reason(String english) {
    if (english == null) {
      return null;
    }
    String known = REASONS.get(english);
    if (known != null) {
      return known;
    }
    Matcher m = NO_DATA_IN.matcher(english);
    if (m.matches()) {
      String detail = m.group(2) == null ? null : reason(m.group(2));
      if (m.group(2) != null && detail == null) {
        return "ไม่มีข้อมูลปี " + m.group(1);
      }
      return "ไม่มีข้อมูลปี " + m.group(1) + (detail == null ? "" : ": " + detail);
    }
    m = COUNT_ZERO.matcher(english);
    if (m.matches()) {
      return "ปี " + m.group(1) + " มีค่าเป็น 0 จึงคิดร้อยละการเปลี่ยนแปลงไม่ได้";
    }
    return null;
  }

  private static final Map<String, String> UNITS =
      Map.of(
          "%", "%",
          "people", "คน",
          "person", "คน",
          "households", "ครัวเรือน",
          "household", "ครัวเรือน",
          "score", "คะแนน",
          "village", "หมู่บ้าน",
          "percentage points", "จุดร้อยละ",
          "baht/person/year", "บาท/คน/ปี");

  /** A value unit in Thai ("people" → "คน"); null if unknown. */
  public static String unit(String english) {
    return english == null ? null : UNITS.get(english);
  }

  /**
   * The short Thai name of one source as a year's data names it (the Thai source up to its details:
   * "ข้อมูลสาธารณะ TPMAP (สศช./เนคเทค) ปี 2561"), for sentences such as a change map's caveat; null
   * if the source has no Thai.
   */
  public static String sourceName(String english) {
    String th = SourceNames.th(english);
    return th == null ? null : th.split(":| \\(ระดับ")[0].trim();
  }

  /**
   * The indicator's source in Thai, part by part ("A; ปี 2566: B"); null if a part is unknown (the
   * Thai interface then leaves the source line out, the credits still name the data).
   */
  public static String source(Indicator i) {
    return SourceNames.th(i);
  }

  /**
   * The Thai of {@link org.phaenthi.server.MissingData#emptyReason}: where the indicator has data.
   */
  public static String emptyReason(
      IndicatorData data, Indicator i, AdminLevel level, SurveyYear year) {
    List<String> where = new ArrayList<>();
    data.yearsAvailable(i.code())
        .forEach((l, ys) -> ys.forEach(y -> where.add("ระดับ" + l.nameTh() + " ปี " + y.be())));
    return "ตัวชี้วัดนี้ไม่มีข้อมูลระดับ"
        + level.nameTh()
        + " ปี "
        + year.be()
        + (where.isEmpty() ? "" : " มีข้อมูล: " + String.join(", ", where));
  }
}
