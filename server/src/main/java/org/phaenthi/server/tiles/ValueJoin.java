package org.phaenthi.server.tiles;

/**
 * Makes a tile with indicator values from its geometry tile: a property join by feature id on the
 * encoded bytes ({@link org.phaenthi.tiles.MvtPropertyJoin}), no clipping or encoding of geometry.
 * So a new value set re-renders no geometry tile, and a value tile costs a small part of one.
 */
public interface ValueJoin {
  /** The key of the geometry tile that the tile {@code valueKey} (with an indicator) joins. */
  TileKey geometryKey(TileKey valueKey);

  /**
   * The uncompressed value tile of {@code valueKey}, made from the uncompressed bytes of its
   * geometry tile (empty for an empty tile).
   */
  byte[] join(TileKey valueKey, byte[] geometryTile);
}
