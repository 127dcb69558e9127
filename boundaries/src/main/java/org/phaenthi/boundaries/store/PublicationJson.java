package org.phaenthi.boundaries.store;

import java.time.Instant;
import java.util.List;
import org.phaenthi.boundaries.catalog.Publication;

/** A publication as stored in JSON (the time as ISO-8601 text). */
record PublicationJson(
    long id,
    String publishedAt,
    String boundarySet,
    List<String> indicatorSets,
    List<String> valueSets,
    String who,
    String note,
    Long republishOf,
    String source) {

  static PublicationJson of(Publication p) {
    return new PublicationJson(
        p.id(),
        p.publishedAt().toString(),
        p.boundarySet(),
        p.indicatorSets(),
        p.valueSets(),
        p.who(),
        p.note(),
        p.republishOf(),
        p.source());
  }

  Publication publication() {
    return new Publication(
        id,
        Instant.parse(publishedAt),
        boundarySet,
        indicatorSets,
        valueSets,
        who,
        note,
        republishOf,
        source);
  }
}
