/**
 * Vector tiles over HTTP: {@link org.phaenthi.server.tiles.TileHandler} parses a request into a
 * {@link org.phaenthi.server.tiles.TileKey} (data version, level, tile, indicator, year), {@link
 * org.phaenthi.server.tiles.TileCache} returns cached gzip bytes or renders once with {@link
 * org.phaenthi.server.tiles.TileRenderer} from the {@link org.phaenthi.server.tiles.ZoomGeometry}
 * of the tile's zoom band. A <em>band</em> is a zoom range sharing one gap-free simplification.
 */
package org.phaenthi.server.tiles;
