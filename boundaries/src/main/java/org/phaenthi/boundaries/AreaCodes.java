package org.phaenthi.boundaries;

/**
 * DOPA / TIS 1099 codes are strings of 2, 4, 6 or 8 digits; a parent's code is the prefix. TPMAP's
 * village IDs are 10 characters (8-digit village code + 2-digit suffix).
 */
public final class AreaCodes {
  private AreaCodes() {}

  public static boolean isValid(String code) {
    if (code == null) {
      return false;
    }
    int n = code.length();
    if (n != 2 && n != 4 && n != 6 && n != 8 && n != 10) {
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

  /**
   * A unit code of any level: digits, except that after the first six (the subdistrict) a community
   * ID may carry upper-case letters ({@code 340151A001}: codes are strings).
   */
  public static boolean isValidUnit(String code) {
    if (code == null || code.length() < 2 || code.length() > 10) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!(c >= '0' && c <= '9') && !(i >= 6 && c >= 'A' && c <= 'Z')) {
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
