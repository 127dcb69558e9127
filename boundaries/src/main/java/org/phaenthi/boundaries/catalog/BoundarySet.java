package org.phaenthi.boundaries.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.phaenthi.boundaries.Boundaries;

/**
 * One boundary vintage as an immutable part: its areas with full-detail polygons and the derived
 * data computed once for them (the gap-free bands of each level, by blob name).
 *
 * @param id the part version: a hash of what built it (inputs, settings, builder version)
 * @param vintage what the boundaries are, e.g. {@code rtsd-2019} for the bundled RTSD files
 * @param report what building it counted (repairs, areas per level)
 */
public record BoundarySet(
    String id,
    String vintage,
    Instant createdAt,
    Boundaries boundaries,
    Map<String, byte[]> blobs,
    Map<String, Long> report) {
  public BoundarySet {
    Objects.requireNonNull(id, "id");
    PartIds.check(id, PartIds.BOUNDARY);
  }
}
