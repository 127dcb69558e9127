package org.phaenthi.boundaries.indicators;

/** How an indicator's value is made from its summed counts. */
public enum ValueKind {
  /** value = numerator / denominator × 100; denominator 0 → no value. */
  PERCENT,
  /** value = numerator (a count); denominator is not used. */
  COUNT,
  /**
   * value = Σ(mean × weight) / Σ weight: numerator holds Σ(mean × weight), denominator Σ weight.
   */
  WEIGHTED_MEAN
}
