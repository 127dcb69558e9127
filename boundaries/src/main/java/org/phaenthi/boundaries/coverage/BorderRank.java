package org.phaenthi.boundaries.coverage;

/**
 * The highest admin level a border line belongs to; the tile layer's {@code rank} attribute.
 *
 * <p>Order matters: a lower ordinal is a more important line (drawn thicker, kept at lower zooms).
 */
public enum BorderRank {
  /** The outer edge of the coverage: coast or the national border. */
  COUNTRY("country"),
  PROVINCE("province"),
  DISTRICT("district"),
  SUBDISTRICT("subdistrict");

  private final String tag;

  BorderRank(String tag) {
    this.tag = tag;
  }

  /** The value written into tiles and JSON. */
  public String tag() {
    return tag;
  }

  /**
   * The rank of the line between two areas, from their DOPA codes (a parent's code is the prefix of
   * its children's): different provinces give {@link #PROVINCE}, different districts of one
   * province {@link #DISTRICT}, otherwise {@link #SUBDISTRICT}.
   *
   * @param otherCode null for the outer edge
   */
  public static BorderRank between(String code, String otherCode) {
    if (otherCode == null) {
      return COUNTRY;
    }
    if (code.equals(otherCode)) {
      throw new IllegalArgumentException("no border between " + code + " and itself");
    }
    if (!prefix(code, 2).equals(prefix(otherCode, 2))) {
      return PROVINCE;
    }
    if (!prefix(code, 4).equals(prefix(otherCode, 4))) {
      return DISTRICT;
    }
    return SUBDISTRICT;
  }

  public static BorderRank fromTag(String tag) {
    for (BorderRank r : values()) {
      if (r.tag.equals(tag)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown border rank " + tag);
  }

  private static String prefix(String code, int n) {
    return code.length() <= n ? code : code.substring(0, n);
  }
}
