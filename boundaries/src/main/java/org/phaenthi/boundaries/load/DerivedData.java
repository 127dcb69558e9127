package org.phaenthi.boundaries.load;

import java.util.Map;
import org.phaenthi.boundaries.Boundaries;

/** Derived data computed once at import and persisted with the dataset (the gap-free bands). */
final class DerivedData {
  private DerivedData() {}

  static void build(Boundaries boundaries, Map<String, byte[]> blobs, Map<String, Long> counts) {
    // Filled in when the coverage bands land.
  }
}
