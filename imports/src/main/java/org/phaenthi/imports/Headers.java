package org.phaenthi.imports;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How header texts are recognised, in Thai and English. */
final class Headers {
  private Headers() {}

  private static final Pattern INDICATOR_NUMBER =
      Pattern.compile(
          "(?:ตัวชี้วัด(?:ที่)?|ข้อ(?:ที่)?|indicator|ind\\.?|ตชว\\.?)\\s*(\\d{1,3})\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,3})[.)\\s]");
  private static final Pattern YEAR = Pattern.compile("(?:ปี|พ\\.ศ\\.|year)\\s*(25\\d\\d)");

  static String norm(String s) {
    return s == null
        ? ""
        : s.replace('\u00A0', ' ').replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
  }

  /** The indicator number a header names ("ตัวชี้วัดที่ 7", "ข้อ 7", "indicator7"), or null. */
  static Integer indicatorNumber(String header) {
    String h = norm(header);
    Matcher m = INDICATOR_NUMBER.matcher(h);
    if (m.find()) {
      return Integer.valueOf(m.group(1));
    }
    m = LEADING_NUMBER.matcher(h);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** A B.E. year in a title ("ปี 2566", "พ.ศ. 2566"), or null. */
  static Integer year(String text) {
    Matcher m = YEAR.matcher(norm(text));
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  static boolean isCode(String h) {
    String n = norm(h);
    return n.contains("รหัส")
        || n.equals("code")
        || n.endsWith("_code")
        || n.endsWith(" code")
        || n.endsWith("_id")
        || n.equals("id")
        || n.equals("area")
        || n.equals("area_code");
  }

  static boolean isName(String h) {
    String n = norm(h);
    if (isCode(h)) {
      return false;
    }
    return n.contains("ชื่อ")
        || n.equals("จังหวัด")
        || n.equals("อำเภอ")
        || n.equals("ตำบล")
        || n.equals("หมู่บ้าน")
        || n.equals("อำเภอ/เขต")
        || n.equals("ตำบล/แขวง")
        || n.equals("พื้นที่")
        || n.equals("name")
        || n.equals("name_th")
        || n.equals("name_en")
        || n.startsWith("name ")
        || n.equals("area name");
  }

  /** The level a name header is about, or null. */
  static String levelOfName(String h) {
    String n = norm(h);
    if (n.contains("หมู่บ้าน") || n.contains("village") || n.contains("ชุมชน")) {
      return "village";
    }
    if (n.contains("ตำบล")
        || n.contains("แขวง")
        || n.contains("subdistrict")
        || n.contains("tambon")) {
      return "subdistrict";
    }
    if (n.contains("อำเภอ")
        || n.contains("เขต")
        || n.contains("district")
        || n.contains("amphoe")) {
      return "district";
    }
    if (n.contains("จังหวัด") || n.contains("province")) {
      return "province";
    }
    return null;
  }

  static boolean isEligible(String h) {
    String n = norm(h);
    return n.contains("จำนวนที่สำรวจ")
        || n.contains("ที่สำรวจ")
        || n.contains("สำรวจทั้งหมด")
        || n.equals("eligible")
        || n.equals("denominator")
        || n.contains("ตัวหาร")
        || n.endsWith(".all")
        || n.endsWith("_eligible")
        || n.endsWith("_denominator");
  }

  static boolean isFailing(String h) {
    String n = norm(h);
    return n.contains("ไม่ผ่าน")
        || n.contains("ตกเกณฑ์")
        || n.contains("failing")
        || n.equals("fail");
  }

  static boolean isPassing(String h) {
    String n = norm(h);
    return !isFailing(h) && (n.contains("ผ่าน") || n.contains("passing") || n.equals("pass"));
  }

  static boolean isPercent(String h) {
    String n = norm(h);
    return n.contains("ร้อยละ") || n.contains("%") || n.contains("percent");
  }

  static boolean isTotalsName(String cell) {
    String n = norm(cell).replace(" ", "");
    return n.equals("รวม")
        || n.startsWith("รวมทั้ง")
        || n.equals("รวมทั้งหมด")
        || n.equals("ทั้งจังหวัด")
        || n.equals("total")
        || n.equals("grandtotal")
        || n.equals("ยอดรวม");
  }
}
