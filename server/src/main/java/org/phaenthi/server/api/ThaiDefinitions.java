package org.phaenthi.server.api;

import org.phaenthi.boundaries.indicators.Indicator;

/**
 * The Thai wording of how an indicator's value is computed, for the Thai side of the app and the
 * exports (the catalogue's definitions are English formulas over TPMAP column names). Derived from
 * the indicator's code and kind, so it always matches what the importer computes.
 */
public final class ThaiDefinitions {
  private ThaiDefinitions() {}

  public static String of(Indicator i) {
    String code = i.code();
    if (code.startsWith("bmn-2560:")) {
      return "ร้อยละที่ผ่านเกณฑ์ = (จำนวนที่ผ่านเกณฑ์ ÷ จำนวนที่ต้องสำรวจตามตัวชี้วัดนี้) × 100"
          + " รวมจำนวนจากระดับหมู่บ้านขึ้นมาก่อนแล้วจึงหาร";
    }
    if (code.equals("tpmap:target_poor_rate")) {
      return "ร้อยละ = (จำนวนคนจนเป้าหมาย ÷ จำนวนคนที่สำรวจ) × 100 รวมจำนวนจากระดับหมู่บ้านขึ้นมาก่อนแล้วจึงหาร";
    }
    if (code.startsWith("tpmap:ind_")) {
      return "จำนวนคนจนเป้าหมายที่ตกเกณฑ์ตัวชี้วัด จปฐ. ข้อ "
          + code.substring("tpmap:ind_".length())
          + " (หนึ่งคนอาจตกหลายข้อ จึงไม่ควรนำมารวมกัน)";
    }
    if (code.startsWith("tpmap:dim_")) {
      return "จำนวนคนจนเป้าหมายที่มีปัญหาในมิตินี้ (หนึ่งคนอาจมีปัญหาหลายมิติ จึงไม่ควรนำมารวมกัน)";
    }
    // no default: a new kind of value does not compile until it has its Thai wording
    return switch (i.kind()) {
      case PERCENT -> "ร้อยละของจำนวนคนที่สำรวจ รวมจำนวนจากระดับหมู่บ้านขึ้นมาก่อนแล้วจึงหาร";
      case COUNT -> "จำนวน รวมจากระดับหมู่บ้านขึ้นมา";
      case WEIGHTED_MEAN -> "ค่าเฉลี่ยของหมู่บ้านถ่วงน้ำหนักด้วยจำนวนครัวเรือน (ค่าประมาณ)";
    };
  }
}
