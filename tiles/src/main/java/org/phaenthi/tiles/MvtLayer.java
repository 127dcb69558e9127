package org.phaenthi.tiles;

import java.util.List;

/**
 * A decoded tile layer.
 *
 * @param name layer name
 * @param extent grid units per tile side
 * @param version the layer's spec version (2 for tiles this module writes)
 * @param features features in encoded order
 */
public record MvtLayer(String name, int extent, int version, List<MvtFeature> features) {
  public MvtLayer {
    features = List.copyOf(features);
  }
}
