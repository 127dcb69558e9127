package org.phaenthi.boundaries.indicators;

/**
 * How an indicator's values are made from other data than a count column of its own, as its
 * indicator set declares it (so a user's definitions file can declare the same):
 *
 * <ul>
 *   <li>{@link Kind#RATIO}, a <b>derived rate</b>: {@code numerator} and {@code denominator} are
 *       the codes of two count indicators of the same indicator set; at every level and in every
 *       area value = Σ numerator count / Σ denominator count × 100 of the counts summed up to that
 *       area (never a mean of the lower areas' rates). Denominator 0 → no value; an area without a
 *       denominator count has no value (not 0); an area without a numerator count has no entry.
 *   <li>{@link Kind#WEIGHTED_MEAN}, a <b>weighted mean</b>: {@code numerator} and {@code
 *       denominator} are the names of the value file's score and weight columns; each row adds
 *       score × weight (a decimal) to the numerator and its weight to the denominator, summed up
 *       the hierarchy like counts; value = Σ score × weight / Σ weight. A row without a score adds
 *       nothing (not 0); Σ weight 0 → no value.
 * </ul>
 *
 * @param numerator RATIO: the numerator indicator's code; WEIGHTED_MEAN: the score column
 * @param denominator RATIO: the denominator indicator's code; WEIGHTED_MEAN: the weight column
 */
public record Derivation(Kind kind, String numerator, String denominator) {
  /** The two kinds of derived values. */
  public enum Kind {
    RATIO,
    WEIGHTED_MEAN
  }

  public Derivation {
    if (kind == null || numerator == null || denominator == null) {
      throw new IllegalArgumentException("a derivation needs its kind, numerator and denominator");
    }
  }

  /** A derived rate of two count indicators of the same set. */
  public static Derivation ratio(String numeratorIndicator, String denominatorIndicator) {
    return new Derivation(Kind.RATIO, numeratorIndicator, denominatorIndicator);
  }

  /** A mean of a score column weighted by a weight column. */
  public static Derivation weightedMean(String scoreColumn, String weightColumn) {
    return new Derivation(Kind.WEIGHTED_MEAN, scoreColumn, weightColumn);
  }
}
