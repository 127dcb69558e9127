package org.phaenthi.boundaries;

/** DOPA / TIS 1099 codes are strings of 2, 4, 6 or 8 digits; a parent's code is the prefix. */
public final class AreaCodes {
  private AreaCodes() {}

  public static boolean isValid(String code) {
    if (code == null) {
      return false;
    }
    int n = code.length();
    if (n != 2 && n != 4 && n != 6 && n != 8) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The code of the unit one level up, or null for a province. */
  public static String parentOf(String code) {
    return code.length() <= 2 ? null : code.substring(0, code.length() - 2);
  }

  /**
   * CDD gives municipal areas pseudo-subdistrict codes whose tambon part is 51 or more; they have
   * no DOPA polygon.
   */
  public static boolean isMunicipalPseudoSubdistrict(String code) {
    return code.length() == 6 && Integer.parseInt(code.substring(4, 6)) >= 51;
  }
}
