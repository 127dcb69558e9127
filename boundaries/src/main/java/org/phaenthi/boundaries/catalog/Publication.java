package org.phaenthi.boundaries.catalog;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the publication history: the parts served together. Numbered from 1 and only ever
 * appended; the newest is what every node serves.
 *
 * @param who who published it (an account or token name, or {@code bundled data})
 * @param note why, as the publisher wrote it
 * @param republishOf for a rollback, the publication whose parts were published again; else null
 * @param source a fingerprint of the source files it was imported from (so a start with unchanged
 *     files does not import again), or null
 */
public record Publication(
    long id,
    Instant publishedAt,
    String boundarySet,
    List<String> indicatorSets,
    List<String> valueSets,
    String who,
    String note,
    Long republishOf,
    String source) {
  public Publication {
    indicatorSets = List.copyOf(indicatorSets);
    valueSets = List.copyOf(valueSets);
  }

  /** Every part id it names. */
  public List<String> parts() {
    List<String> all = new java.util.ArrayList<>();
    all.add(boundarySet);
    all.addAll(indicatorSets);
    all.addAll(valueSets);
    return all;
  }

  /**
   * The content version of what it serves: a hash of its part ids, so publishing the same parts
   * again (a rollback) serves the same version and the same ETags as before.
   */
  public String dataVersion() {
    return PartIds.hash(String.join(",", parts())).substring(0, 16);
  }
}
