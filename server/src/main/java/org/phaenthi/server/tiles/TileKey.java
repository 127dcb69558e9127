package org.phaenthi.server.tiles;

import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.tiles.TileCoord;

/**
 * Everything a tile's bytes depend on. The data version is part of the key, so a new import is a
 * new key and a cached tile of an older version can never be served for the new one.
 *
 * @param indicator null for a geometry-only tile
 * @param yearBe 0 when no indicator is given
 */
public record TileKey(
    String dataVersion, AdminLevel level, TileCoord coord, String indicator, int yearBe) {}
