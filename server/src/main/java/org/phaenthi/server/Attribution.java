package org.phaenthi.server;

/** Attribution texts that the UI and every export must show (boundaries README, CC BY 3.0 IGO). */
public final class Attribution {
  private Attribution() {}

  public static final String BOUNDARIES =
      "Administrative boundaries © Royal Thai Survey Department (RTSD), via OCHA ROAP /"
          + " Humanitarian Data Exchange (COD-AB Thailand), CC BY 3.0 IGO. Modified: merged,"
          + " cleaned, simplified and re-attributed by this project.";
  public static final String BOUNDARIES_SHORT = "Boundaries: RTSD / OCHA HDX (CC BY 3.0 IGO)";
  public static final String BOUNDARIES_LICENCE_URL =
      "https://creativecommons.org/licenses/by/3.0/igo/";
  public static final String INDICATORS =
      "Indicators: TPMAP (Thai People Map and Analytics Platform, NESDC/NECTEC) public data,"
          + " from the CDD Basic Minimum Needs survey (จปฐ.) and the MOF state-welfare registry."
          + " Values aggregated by Phaenthi by summing counts.";
  public static final String INDICATORS_SHORT = "Indicators: TPMAP (NESDC/NECTEC), CDD จปฐ.";

  // the same in Thai, for the Thai interface (served as the *_th keys of /api/meta)
  public static final String BOUNDARIES_TH =
      "ขอบเขตการปกครอง © กรมแผนที่ทหาร (RTSD) ผ่าน OCHA ROAP / Humanitarian Data Exchange"
          + " (COD-AB Thailand) สัญญาอนุญาต CC BY 3.0 IGO ดัดแปลงโดยโครงการนี้: รวม ทำความสะอาด"
          + " ลดความละเอียด และระบุที่มาใหม่";
  public static final String BOUNDARIES_SHORT_TH =
      "ขอบเขตการปกครอง: กรมแผนที่ทหาร / OCHA HDX (CC BY 3.0 IGO)";
  public static final String INDICATORS_TH =
      "ตัวชี้วัด: ข้อมูลสาธารณะของ TPMAP (ระบบบริหารจัดการข้อมูลการพัฒนาคนแบบชี้เป้า สศช./เนคเทค)"
          + " จากการสำรวจข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ของกรมการพัฒนาชุมชน"
          + " และทะเบียนสวัสดิการแห่งรัฐ กระทรวงการคลัง ค่าของแต่ละพื้นที่ Phaenthi รวมจำนวนก่อนแล้วจึงหาร";
  public static final String INDICATORS_SHORT_TH =
      "ตัวชี้วัด: TPMAP (สศช./เนคเทค), จปฐ. กรมการพัฒนาชุมชน";
}
