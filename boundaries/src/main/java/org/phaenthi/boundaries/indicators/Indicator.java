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

  /**
   * A builder of an indicator of {@code set} with {@code code}: the one way code makes an indicator
   * (the canonical constructor is left to the stores' JSON reader). What is not given is null: no
   * category, no Thai definition (the server then words it from the kind), no derivation (an
   * indicator imported from count columns of its own).
   */
  public static Builder builder(String code, String set) {
    return new Builder(code, set);
  }

  /** Builds an {@link Indicator}; {@link #kind} is required. */
  public static final class Builder {
    private final String code;
    private final String set;
    private String categoryCode;
    private String categoryTh;
    private String categoryEn;
    private String nameTh;
    private String nameEn;
    private String unit;
    private Boolean higherIsBetter;
    private ValueKind kind;
    private String valueUnit;
    private String definition;
    private String numeratorLabel;
    private String denominatorLabel;
    private String tpmapDimension;
    private String source;
    private String definitionTh;
    private Derivation derivation;

    private Builder(String code, String set) {
      this.code = code;
      this.set = set;
    }

    public Builder category(String code, String th, String en) {
      this.categoryCode = code;
      this.categoryTh = th;
      this.categoryEn = en;
      return this;
    }

    public Builder names(String th, String en) {
      this.nameTh = th;
      this.nameEn = en;
      return this;
    }

    /** What is counted: person, household, score. */
    public Builder unit(String unit) {
      this.unit = unit;
      return this;
    }

    public Builder higherIsBetter(Boolean higherIsBetter) {
      this.higherIsBetter = higherIsBetter;
      return this;
    }

    /** The kind and what the value is in ("%", "people", "households", "score"). */
    public Builder kind(ValueKind kind, String valueUnit) {
      this.kind = kind;
      this.valueUnit = valueUnit;
      return this;
    }

    /** How the value is computed: in English (the catalogue's formula) and in Thai (or null). */
    public Builder definition(String en, String th) {
      this.definition = en;
      this.definitionTh = th;
      return this;
    }

    /** What the numerator and the denominator count (null: none). */
    public Builder counts(String numeratorLabel, String denominatorLabel) {
      this.numeratorLabel = numeratorLabel;
      this.denominatorLabel = denominatorLabel;
      return this;
    }

    public Builder tpmapDimension(String tpmapDimension) {
      this.tpmapDimension = tpmapDimension;
      return this;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder derivation(Derivation derivation) {
      this.derivation = derivation;
      return this;
    }

    public Indicator build() {
      if (code == null || set == null || kind == null) {
        throw new IllegalArgumentException("an indicator needs its code, set and kind");
      }
      return new Indicator(
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
          derivation);
    }
  }
}
