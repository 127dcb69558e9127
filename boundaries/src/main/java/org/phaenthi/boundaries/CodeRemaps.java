package org.phaenthi.boundaries;

import java.util.List;

/**
 * Maps subdistrict codes created after the 2019 boundary vintage to the polygon that covers them,
 * so indicator rows that use new codes still join a shape (boundaries README, "Known problems" 1).
 * A rule matches a 6-digit subdistrict code and every longer code (8-digit village, 10-digit
 * village ID) that starts with it; the rest of a longer code is kept. Codes of 2 or 4 digits never
 * change: a remap inside one district leaves the district alone, and 530407 → 530306 moves the unit
 * from district 5304 to 5303 only through its subdistrict code.
 */
public final class CodeRemaps {
  /**
   * One remap rule.
   *
   * @param districtPrefix the 4-digit district the new codes are under
   * @param newCodes what the rule matches, for docs ("1047xx" or "530407")
   * @param target the 6-digit subdistrict whose polygon covers them
   * @param reason why, for docs
   */
  public record Rule(String districtPrefix, String newCodes, String target, String reason) {
    boolean matches(String subdistrict) {
      if (newCodes.endsWith("xx")) {
        return subdistrict.startsWith(districtPrefix) && !subdistrict.equals(target);
      }
      return subdistrict.equals(newCodes);
    }
  }

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "1047", "1047xx", "104701", "บางนา split after 2019; its 2019 polygon covers them"),
          new Rule(
              "1050", "1050xx", "105001", "บางบอน split after 2019; its 2019 polygon covers them"),
          new Rule(
              "5304",
              "530407",
              "530306",
              "ท่าแฝก: coded 530407 under อ.น้ำปาด, its 2019 polygon is 530306 under อ.ท่าปลา"));

  private CodeRemaps() {}

  /** The rules, in the order they are tried. */
  public static List<Rule> rules() {
    return RULES;
  }

  /**
   * The code to join on: unchanged unless its first six characters match a rule, then the rule's
   * target followed by the rest of the code. Null stays null.
   */
  public static String remap(String code) {
    if (code == null || code.length() < 6) {
      return code;
    }
    String subdistrict = code.substring(0, 6);
    for (Rule rule : RULES) {
      if (rule.matches(subdistrict)) {
        return rule.target() + code.substring(6);
      }
    }
    return code;
  }

  /** True if {@link #remap} changes this code. */
  public static boolean isRemapped(String code) {
    return code != null && !code.equals(remap(code));
  }
}
