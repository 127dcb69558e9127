package org.phaenthi.boundaries.catalog;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.YearInfo;

/**
 * The values of one indicator set in one survey year, as an immutable part: per level, per
 * indicator code, per area code, the summed counts and the value made from them (aggregated from
 * the lowest level given). An area without an entry has no data (never zero).
 *
 * @param id the part version (a hash of what built it)
 * @param indicatorSet the id of the indicator set these values belong to
 * @param report what building it counted (rows, remaps, rows not on the map)
 */
public record ValueSet(
    String id,
    String indicatorSet,
    YearInfo year,
    Instant createdAt,
    Map<AdminLevel, Map<String, Map<String, IndicatorValue>>> values,
    Map<String, Long> report) {
  public ValueSet {
    Objects.requireNonNull(id, "id");
    PartIds.check(id, PartIds.VALUES);
    Objects.requireNonNull(indicatorSet, "indicatorSet");
    Objects.requireNonNull(year, "year");
    // a read-only view, not a copy: the nested maps hold the whole country's values
    values = values == null ? null : Collections.unmodifiableMap(values);
    report = report == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(report));
  }
}
