package org.phaenthi.boundaries.store;

import java.util.Map;
import org.phaenthi.boundaries.Boundaries;

/**
 * What one store instance last read or wrote of the geometry (areas and derived bands) and its
 * digest. When a new data version changes only indicator values, the next load keeps these objects
 * instead of reading and decoding hundreds of megabytes again.
 */
final class GeometryReuse {
  private String digest;
  private Boundaries boundaries;
  private Map<String, byte[]> blobs;

  synchronized boolean matches(String storedDigest) {
    return storedDigest != null && storedDigest.equals(digest);
  }

  synchronized Boundaries boundaries() {
    return boundaries;
  }

  synchronized Map<String, byte[]> blobs() {
    return blobs;
  }

  synchronized void remember(String digest, Boundaries boundaries, Map<String, byte[]> blobs) {
    this.digest = digest;
    this.boundaries = boundaries;
    this.blobs = blobs;
  }
}
