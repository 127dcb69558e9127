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
}
