package org.phaenthi.server.render;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.phaenthi.server.Attribution;

/**
 * The words of a picture in Thai and English, as the web app writes them ({@code i18n.js}), numbers
 * formatted as its {@code formatNumber} and dates in the Buddhist Era.
 */
public record Texts(String lang) {
  private static final Map<String, String[]> WORDS =
      Map.ofEntries(
          Map.entry("year", new String[] {"ปี (พ.ศ.)", "Year (B.E.)"}),
          Map.entry("change", new String[] {"การเปลี่ยนแปลง", "change"}),
          Map.entry("country", new String[] {"ประเทศไทย", "Thailand"}),
          Map.entry("noData", new String[] {"ไม่มีข้อมูล", "No data"}),
          Map.entry("source", new String[] {"ที่มา", "Source"}),
          Map.entry("date", new String[] {"ข้อมูลปี", "Data year"}),
          Map.entry("made", new String[] {"จัดทำเมื่อ", "made"}),
          Map.entry(
              "smallBase",
              new String[] {"สีจาง: ฐานน้อยกว่า 30 หน่วย", "Faded: fewer than 30 eligible units"}),
          Map.entry(
              "notOnMap",
              new String[] {
                "หน่วยเขตเทศบาล {units} แห่ง ({households} ครัวเรือน) ไม่มีขอบเขตบนแผนที่",
                "{units} municipal units ({households} households) have no polygon on the map"
              }),
          Map.entry(
              "bangkok",
              new String[] {
                Attribution.BANGKOK_NOT_SURVEYED_TH + ": แสดงเป็นไม่มีข้อมูล",
                Attribution.BANGKOK_NOT_SURVEYED + ": shown as no data"
              }),
          Map.entry(
              "licence",
              new String[] {
                "ขอบเขตการปกครอง © กรมแผนที่ทหาร ผ่าน OCHA HDX (CC BY 3.0 IGO) · ตัวชี้วัด: TPMAP"
                    + " (สศช./เนคเทค) จาก จปฐ. กรมการพัฒนาชุมชน ไม่ระบุสัญญาอนุญาต",
                "Boundaries © RTSD via OCHA HDX (CC BY 3.0 IGO) · Indicators: TPMAP (NESDC/NECTEC),"
                    + " "
                    + Attribution.BMN_SURVEY
                    + ", no licence stated"
              }),
          Map.entry("rank", new String[] {"อันดับ", "Rank"}),
          Map.entry("of", new String[] {"จาก", "of"}),
          Map.entry("highestFirst", new String[] {"เรียงจากค่าสูงสุด", "highest first"}),
          Map.entry(
              "largestRiseFirst",
              new String[] {"เรียงจากเพิ่มขึ้นมากที่สุด", "largest rise first"}),
          Map.entry(
              "radar",
              new String[] {
                "ห้ามิติความยากจน (TPMAP) ร้อยละของคนที่สำรวจ",
                "Five TPMAP poverty dimensions, % of people surveyed"
              }),
          Map.entry(
              "radarTargetPoor",
              new String[] {
                "ห้ามิติความยากจน (TPMAP) ร้อยละของคนจนเป้าหมาย",
                "Five TPMAP poverty dimensions, % of target poor"
              }),
          Map.entry("health", new String[] {"สุขภาพ", "Health"}),
          Map.entry("living", new String[] {"ความเป็นอยู่", "Living"}),
          Map.entry("education", new String[] {"การศึกษา", "Education"}),
          Map.entry("income", new String[] {"รายได้", "Income"}),
          Map.entry("access", new String[] {"การเข้าถึงบริการรัฐ", "Public services"}),
          Map.entry(
              "best", new String[] {"ตัวชี้วัดที่ดีที่สุด 3 อันดับ", "Three best indicators"}),
          Map.entry(
              "worst",
              new String[] {"ตัวชี้วัดที่อ่อนที่สุด 3 อันดับ", "Three weakest indicators"}),
          Map.entry(
              "bestNote",
              new String[] {
                "อันดับในหมู่{level}ที่อยู่ใน{parent}เดียวกัน (1 = ดีที่สุด)",
                "rank among the {level} of the same {parent} (1 = best)"
              }),
          Map.entry("noDimensions", new String[] {"ไม่มีข้อมูลห้ามิติ", "No dimension data"}),
          Map.entry("reportOf", new String[] {"รายงานพื้นที่", "Area report"}));

  public Texts {
    if (!lang.equals("th") && !lang.equals("en")) {
      throw new IllegalArgumentException("lang must be th or en, not " + lang);
    }
  }

  public boolean thai() {
    return lang.equals("th");
  }

  public String t(String key) {
    String[] w = WORDS.get(key);
    if (w == null) {
      throw new IllegalArgumentException("no text " + key);
    }
    return w[thai() ? 0 : 1];
  }

  /** The Thai or English of a pair, the Thai when the English is missing. */
  public String name(String th, String en) {
    return thai() || en == null || en.isBlank() ? th : en;
  }

  /** As the web app's {@code formatNumber}: grouped, two decimals unless whole, "–" for none. */
  public String number(Double v) {
    if (v == null || !Double.isFinite(v)) {
      return "–";
    }
    NumberFormat f =
        NumberFormat.getNumberInstance(thai() ? Locale.forLanguageTag("th-TH") : Locale.UK);
    int d = v == Math.rint(v) ? 0 : 2;
    f.setMinimumFractionDigits(d);
    f.setMaximumFractionDigits(d);
    return f.format(v);
  }

  /**
   * "2 ธันวาคม 2569" / "2 December 2569 B.E.": the Buddhist Era year in both languages, said
   * explicitly in English (where a bare 2569 reads as a typo), as the web app's picture writes it.
   */
  public String date(LocalDate day) {
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern(
                "d MMMM yyyy", thai() ? Locale.forLanguageTag("th-TH") : Locale.UK)
            .withChronology(ThaiBuddhistChronology.INSTANCE);
    return thai() ? f.format(day) : f.format(day) + " B.E.";
  }

  /**
   * "76 จังหวัด" / "76 provinces": a count of areas of a level, the English level name in lower
   * case and in the plural unless there is one ("1 province").
   */
  public String areasOf(long n, String levelTh, String levelEn) {
    if (thai() || levelEn == null || levelEn.isBlank()) {
      return n + " " + levelTh;
    }
    String one = levelEn.toLowerCase(Locale.ROOT);
    if (n == 1) {
      return n + " " + one;
    }
    boolean sibilant = one.matches(".*(s|x|z|ch|sh)");
    String many =
        one.endsWith("y") && !one.matches(".*[aeiou]y")
            ? one.substring(0, one.length() - 1) + "ies"
            : one + (sibilant ? "es" : "s");
    return n + " " + many;
  }
}
