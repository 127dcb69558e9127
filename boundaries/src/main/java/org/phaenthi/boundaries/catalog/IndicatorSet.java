package org.phaenthi.boundaries.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.phaenthi.boundaries.indicators.Indicator;

/**
 * Indicator definitions as an immutable part: codes, Thai/English names and definitions, units,
 * kinds, direction, TPMAP dimension and source.
 *
 * @param id the part version (a hash of the definitions)
 * @param name a short human name, e.g. {@code tpmap-2561}
 * @param licence the licence statement that travels with values of these indicators
 */
public record IndicatorSet(
    String id, String name, Instant createdAt, List<Indicator> indicators, String licence) {
  public IndicatorSet {
    Objects.requireNonNull(id, "id");
    PartIds.check(id, PartIds.INDICATORS);
    indicators = List.copyOf(indicators);
  }
}
