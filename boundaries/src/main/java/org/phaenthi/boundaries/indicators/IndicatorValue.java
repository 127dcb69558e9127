package org.phaenthi.boundaries.indicators;

/**
 * An indicator's value for one area and year, made from summed counts.
 *
 * @param numerator null when unknown
 * @param denominator null when the kind has none or it is unknown
 * @param value null when missing; then {@code missingReason} says why
 */
public record IndicatorValue(
    String areaCode, Double numerator, Double denominator, Double value, String missingReason) {

  public static IndicatorValue missing(String areaCode, String reason) {
    return new IndicatorValue(areaCode, null, null, null, reason);
  }

  public boolean hasValue() {
    return value != null;
  }

  /**
   * The record's own text ({@code IndicatorValue[areaCode=…, numerator=…, …]}, null as {@code
   * null}), written out: part ids hash it for millions of values, and the generated {@code
   * toString} of Java 17 goes through {@code String.format}, ten times slower.
   */
  @Override
  public String toString() {
    return "IndicatorValue[areaCode="
        + areaCode
        + ", numerator="
        + numerator
        + ", denominator="
        + denominator
        + ", value="
        + value
        + ", missingReason="
        + missingReason
        + "]";
  }
}
