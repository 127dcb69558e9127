package org.phaenthi.server;

import java.util.Optional;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.coverage.LevelBands;
import org.phaenthi.boundaries.load.DerivedData;

/**
 * The one decoded copy of each level's gap-free bands, shared by tiles, GeoJSON and OGC output: the
 * boundary set decodes each blob once and releases its bytes ({@link
 * org.phaenthi.boundaries.catalog.BoundarySet#bands}), so a publication that keeps the boundary set
 * keeps the decoded bands too.
 */
public final class DecodedBands {
  private DecodedBands() {}

  public static Optional<LevelBands> of(Dataset dataset, AdminLevel level) {
    return dataset.boundarySet().bands(DerivedData.bandsKey(level));
  }
}
