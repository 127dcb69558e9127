/**
 * PMTiles v3 archives (the single-file tile format of the Protomaps project): a writer and a small
 * reader used by tests and tools.
 *
 * <dl>
 *   <dt>tile id
 *   <dd>one 64-bit number per z/x/y: the count of tiles of all lower zooms plus the position of (x,
 *       y) on the Hilbert curve of zoom z ({@link org.phaenthi.tiles.pmtiles.TileIds}).
 *   <dt>entry, run length
 *   <dd>a directory entry names a first tile id, the offset and length of its bytes and a run
 *       length: how many consecutive tile ids have those same bytes. Run length 0 means the entry
 *       points to a leaf directory instead of a tile.
 *   <dt>root and leaf directories
 *   <dd>the root directory follows the 127-byte header and fits in the first 16 KiB, so a reader
 *       needs one range request before it knows where any tile is; larger archives move entries
 *       into leaf directories that the root points to.
 *   <dt>clustered
 *   <dd>tile bytes laid out in tile-id order, identical tiles stored once.
 * </dl>
 *
 * <p>The format is defined by the PMTiles v3 specification ({@code spec/v3/spec.md} of the
 * protomaps/PMTiles repository); field names here follow it.
 */
package org.phaenthi.tiles.pmtiles;
