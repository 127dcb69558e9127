package org.phaenthi.boundaries.indicators;

/**
 * One catalogue indicator that has data.
 *
 * @param code the catalogue's code, used in URLs (e.g. {@code bmn-2560:16})
 * @param set the catalogue's set (e.g. {@code bmn-2560}, {@code tpmap-2561})
 * @param higherIsBetter null when the catalogue does not say (counts of people surveyed)
 * @param unit what is counted: person, household, score
 * @param valueUnit what the value is in: "%", "people", "households", "score"
 * @param definition how the value is computed, in English (the catalogue's formula)
 * @param definitionTh the same in Thai as the set's author wrote it; null when the set gives none
 *     (the server then words it from the kind)
 * @param derivation how the values are made from other indicators' counts (a derived rate) or from
 *     a score and a weight column (a weighted mean); null for an indicator imported from count
 *     columns of its own
 */
public record Indicator(
    String code,
    String set,
    String categoryCode,
    String categoryTh,
    String categoryEn,
    String nameTh,
    String nameEn,
    String unit,
    Boolean higherIsBetter,
    ValueKind kind,
    String valueUnit,
    String definition,
    String numeratorLabel,
    String denominatorLabel,
    String tpmapDimension,
    String source,
    String definitionTh,
    Derivation derivation) {

  /** An indicator imported from count columns of its own. */
  public Indicator(
      String code,
      String set,
      String categoryCode,
      String categoryTh,
      String categoryEn,
      String nameTh,
      String nameEn,
      String unit,
      Boolean higherIsBetter,
      ValueKind kind,
      String valueUnit,
      String definition,
      String numeratorLabel,
      String denominatorLabel,
      String tpmapDimension,
      String source,
      String definitionTh) {
    this(
        code,
        set,
        categoryCode,
        categoryTh,
        categoryEn,
        nameTh,
        nameEn,
        unit,
        higherIsBetter,
        kind,
        valueUnit,
        definition,
        numeratorLabel,
        denominatorLabel,
        tpmapDimension,
        source,
        definitionTh,
        null);
  }

  /** An indicator whose set gives no Thai definition (the bundled catalogue). */
  public Indicator(
      String code,
      String set,
      String categoryCode,
      String categoryTh,
      String categoryEn,
      String nameTh,
      String nameEn,
      String unit,
      Boolean higherIsBetter,
      ValueKind kind,
      String valueUnit,
      String definition,
      String numeratorLabel,
      String denominatorLabel,
      String tpmapDimension,
      String source) {
    this(
        code,
        set,
        categoryCode,
        categoryTh,
        categoryEn,
        nameTh,
        nameEn,
        unit,
        higherIsBetter,
        kind,
        valueUnit,
        definition,
        numeratorLabel,
        denominatorLabel,
        tpmapDimension,
        source,
        (String) null);
  }

  /**
   * A rate over fewer eligible units than this is unreliable (one newborn more or less moves it by
   * several points): such values are flagged, never hidden (the data README's rule).
   */
  public static final int SMALL_DENOMINATOR = 30;

  /**
   * Whether {@code v} is a rate (PERCENT) with a value over fewer than {@value #SMALL_DENOMINATOR}
   * eligible units.
   */
  public boolean smallDenominator(IndicatorValue v) {
    return kind == ValueKind.PERCENT
        && v.value() != null
        && v.denominator() != null
        && v.denominator() > 0
        && v.denominator() < SMALL_DENOMINATOR;
  }
}
