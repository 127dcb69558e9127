package org.phaenthi.server;

import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.coverage.LevelBands;
import org.phaenthi.boundaries.load.DerivedData;

/**
 * The one decoded copy of each level's gap-free bands, shared by tiles, GeoJSON and OGC output.
 * Keyed by the identity of the persisted blob (arrays hash by identity), so a new data version that
 * kept the same geometry reuses the decoded bands, and an unused version's copy is collected.
 */
public final class DecodedBands {
  private static final Map<byte[], LevelBands> DECODED = new WeakHashMap<>();

  private DecodedBands() {}

  public static Optional<LevelBands> of(Dataset dataset, AdminLevel level) {
    byte[] blob = dataset.blobs().get(DerivedData.bandsKey(level));
    if (blob == null) {
      return Optional.empty();
    }
    synchronized (DECODED) {
      return Optional.of(DECODED.computeIfAbsent(blob, LevelBands::fromBytes));
    }
  }
}
