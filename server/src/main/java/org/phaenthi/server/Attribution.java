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

  /**
   * The survey behind the indicators, named in full in English: every English text that names it
   * (credits, sources, year labels, Bangkok's reason, pictures, exports) uses this constant, no
   * "จปฐ." in English.
   */
  public static final String BMN_SURVEY =
      "Community Development Department (CDD) Basic Minimum Needs (BMN) survey";

  /** The same survey in Thai. */
  public static final String BMN_SURVEY_TH =
      "การสำรวจข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ของกรมการพัฒนาชุมชน";

  public static final String INDICATORS =
      "Indicators: TPMAP (Thai People Map and Analytics Platform, NESDC/NECTEC) public data,"
          + " from the "
          + BMN_SURVEY
          + " and the Ministry of Finance (MOF) state-welfare registry."
          + " Values aggregated by Phaenthi by summing counts.";
  public static final String INDICATORS_SHORT = "Indicators: TPMAP (NESDC/NECTEC), " + BMN_SURVEY;

  /**
   * The bundled 2561 data's source in full (stored as {@code TpmapDefinitions.SOURCE_2561}):
   * TPMAP's public files, made from the BMN survey and the MOF welfare registry.
   */
  public static final String SOURCE_2561 =
      "TPMAP (Thai People Map and Analytics Platform, NESDC/NECTEC) 2561 public data: the "
          + BMN_SURVEY
          + " of households and the Ministry of Finance (MOF) state-welfare registry";

  public static final String SOURCE_2561_TH =
      "ข้อมูลสาธารณะ TPMAP (สศช./เนคเทค) ปี 2561: ข้อมูลครัวเรือนจาก"
          + BMN_SURVEY_TH
          + " และทะเบียนสวัสดิการแห่งรัฐ กระทรวงการคลัง";

  /**
   * The bundled 2566 province file's source ({@code TpmapDefinitions.SOURCE_Y66}): TPMAP's "y66"
   * province file as published in the ParliamentHACKTH/Budget-For-All repository of the Open
   * Parliament Hack 2024 (data README, section 4); which BMN year and indicator set it rests on is
   * not known.
   */
  public static final String SOURCE_Y66 =
      "TPMAP y66 target-poor data (province level only; indicator-set year unknown), from the"
          + " ParliamentHACKTH Budget-For-All repository of the Open Parliament Hack 2024";

  public static final String SOURCE_Y66_TH =
      "TPMAP ปี 2566 (ระดับจังหวัดเท่านั้น ไม่ทราบปีของชุดตัวชี้วัด) ข้อมูลคนจนเป้าหมายรายจังหวัด"
          + " จากคลังข้อมูล Budget-For-All ของ ParliamentHACKTH ผ่านโครงการ Open Parliament Hack 2024";

  /** The 2561 year's label ({@code TpmapDefinitions.LABEL_2561}) in full. */
  public static final String LABEL_2561 =
      "TPMAP 2561 (" + BMN_SURVEY + " 2561, indicator set bmn-2560)";

  public static final String LABEL_2561_TH = "TPMAP ปี 2561 (จปฐ. ปี 2561 ชุดตัวชี้วัด bmn-2560)";

  /** Why Bangkok has no values. */
  public static final String BANGKOK_NOT_SURVEYED = "Bangkok is not covered by the " + BMN_SURVEY;

  public static final String BANGKOK_NOT_SURVEYED_TH = "กรุงเทพมหานครไม่อยู่ในการสำรวจ จปฐ.";

  // the same in Thai, for the Thai interface (served as the *_th keys of /api/meta)
  public static final String BOUNDARIES_TH =
      "ขอบเขตการปกครอง © กรมแผนที่ทหาร (RTSD) ผ่าน OCHA ROAP / Humanitarian Data Exchange"
          + " (COD-AB Thailand) สัญญาอนุญาต CC BY 3.0 IGO ดัดแปลงโดยโครงการนี้: รวม ทำความสะอาด"
          + " ลดความละเอียด และระบุที่มาใหม่";
  public static final String BOUNDARIES_SHORT_TH =
      "ขอบเขตการปกครอง: กรมแผนที่ทหาร / OCHA HDX (CC BY 3.0 IGO)";
  public static final String INDICATORS_TH =
      "ตัวชี้วัด: ข้อมูลสาธารณะของ TPMAP (ระบบบริหารจัดการข้อมูลการพัฒนาคนแบบชี้เป้า สศช./เนคเทค)"
          + " จาก"
          + BMN_SURVEY_TH
          + " และทะเบียนสวัสดิการแห่งรัฐ กระทรวงการคลัง ค่าของแต่ละพื้นที่ Phaenthi รวมจำนวนก่อนแล้วจึงหาร";
  public static final String INDICATORS_SHORT_TH =
      "ตัวชี้วัด: TPMAP (สศช./เนคเทค), จปฐ. กรมการพัฒนาชุมชน";
}
