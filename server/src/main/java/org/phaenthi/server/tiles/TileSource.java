package org.phaenthi.server.tiles;

/** Renders one tile to uncompressed MVT bytes; an empty array means an empty tile (204). */
@FunctionalInterface
public interface TileSource {
  byte[] render(TileKey key);
}
