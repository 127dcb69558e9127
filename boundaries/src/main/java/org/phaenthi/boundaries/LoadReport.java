package org.phaenthi.boundaries;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts from one import, so nothing is dropped silently.
 *
 * @param counts named counters, e.g. {@code geometriesRepaired}, {@code subdistrictsRemapped},
 *     {@code unitsNotOnMap}, {@code householdsNotOnMap}
 */
public record LoadReport(Map<String, Long> counts) {
  public LoadReport {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts)); // keeps the summary order
  }

  public long get(String key) {
    return counts.getOrDefault(key, 0L);
  }
}
