package org.phaenthi.boundaries.catalog;

import java.util.List;
import java.util.Objects;

/**
 * What to publish: the parts to serve together (a store writes only those it does not hold yet) and
 * the publication's who, note and source fingerprint.
 */
public record Draft(
    BoundarySet boundarySet,
    List<IndicatorSet> indicatorSets,
    List<ValueSet> valueSets,
    String who,
    String note,
    String source) {
  public Draft {
    Objects.requireNonNull(boundarySet, "boundarySet");
    indicatorSets = List.copyOf(indicatorSets);
    valueSets = List.copyOf(valueSets);
    for (ValueSet v : valueSets) {
      if (indicatorSets.stream().noneMatch(i -> i.id().equals(v.indicatorSet()))) {
        throw new IllegalArgumentException(
            "value set "
                + v.id()
                + " belongs to indicator set "
                + v.indicatorSet()
                + ", not given");
      }
    }
  }

  /** The same parts with another who and note (a rollback keeps the parts). */
  public Draft by(String who, String note) {
    return new Draft(boundarySet, indicatorSets, valueSets, who, note, source);
  }
}
