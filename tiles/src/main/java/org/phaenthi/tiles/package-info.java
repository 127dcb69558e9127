/**
 * Tiles: coordinates, the per-tile geometry pipeline and a Mapbox Vector Tile 2.1 encoder and
 * decoder.
 *
 * <p>Terms used throughout the package:
 *
 * <dl>
 *   <dt>tile coordinate
 *   <dd>{@link org.phaenthi.tiles.TileCoord} z/x/y in the XYZ scheme: x grows east, y grows south,
 *       tile (0, 0) is the north-west corner of the Web Mercator square.
 *   <dt>Web Mercator metres
 *   <dd>EPSG:3857 coordinates, x east and y north, in [-20037508.34, 20037508.34]; see {@link
 *       org.phaenthi.tiles.WebMercator}. Lon/lat inputs are EPSG:4326 with x = longitude.
 *   <dt>extent, tile grid
 *   <dd>the integer grid a tile's geometry is written on: origin at the tile's top-left corner, x
 *       right, y <em>down</em>, {@code extentPixels} units per tile side (4096 by default).
 *   <dt>buffer
 *   <dd>how many grid units outside the tile a geometry is kept, so that strokes and fills of
 *       neighbouring tiles join without seams.
 *   <dt>winding
 *   <dd>the sign of a ring's area by the surveyor's (shoelace) formula evaluated on tile-grid
 *       coordinates. MVT 2.1 defines exterior rings as positive (clockwise on screen, y down) and
 *       interior rings as negative.
 * </dl>
 *
 * <p>A tile is made in a fixed order: {@link org.phaenthi.tiles.TileGeometryPipeline} (clip with
 * buffer → transform to the grid → snap → drop degenerate parts, make valid → orient rings), then
 * {@link org.phaenthi.tiles.MvtEncoder}. {@link org.phaenthi.tiles.MvtDecoder} and {@link
 * org.phaenthi.tiles.TileDump} read tiles back, mainly for tests.
 */
package org.phaenthi.tiles;
