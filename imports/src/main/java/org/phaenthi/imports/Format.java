package org.phaenthi.imports;

import java.util.Arrays;
import java.util.Optional;

/** The layouts an upload can have (see docs/IMPORTS.md). */
public enum Format {
  /** {@code code, indicator, year, numerator, denominator}: one row per area and indicator. */
  LONG("long"),
  /** One row per area, two (or more) columns per indicator, e.g. TPMAP indicatorN.ALL / .CNT. */
  WIDE("wide"),
  /** The CDD report table: Thai headers, จำนวนที่สำรวจ / ผ่านเกณฑ์ / ไม่ผ่านเกณฑ์ per indicator. */
  CDD("cdd"),
  /** กชช.2ค: one row per village, a problem level 1/2/3 per indicator. */
  KCC2C("kcc2c"),
  /** Indicator definitions: code, names, unit, kind, direction, definitions. */
  INDICATORS("indicators");

  private final String wireName;

  Format(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Format> of(String name) {
    return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
  }
}
