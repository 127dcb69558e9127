package org.phaenthi.server.tiles;

import java.util.Objects;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.tiles.TileCoord;

/**
 * Everything a tile's bytes depend on. The part version is part of the key: the boundary set's id
 * for a geometry tile, the boundary, indicator and value sets' for a tile with values. So a new
 * publication that changes only values keeps every geometry tile (same key, same ETag), and a tile
 * of a changed part can never be served for the new one.
 *
 * @param dataVersion the part version ({@link org.phaenthi.server.Snapshot#boundaryVersion()} or
 *     {@link org.phaenthi.server.Snapshot#valueVersion})
 * @param indicator null for a geometry-only tile
 * @param yearBe 0 when no indicator is given
 * @param compareBe the base year of a change tile ({@code compare=}), 0 for a tile of values
 */
public record TileKey(
    String dataVersion,
    AdminLevel level,
    TileCoord coord,
    String indicator,
    int yearBe,
    int compareBe) {

  public TileKey(
      String dataVersion, AdminLevel level, TileCoord coord, String indicator, int yearBe) {
    this(dataVersion, level, coord, indicator, yearBe, 0);
  }

  // Written out: a record's generated equals/hashCode go through a method-handle chain that cost
  // ~1.3 % of a cached tile's CPU in the fast path's cache lookup (async-profiler, BENCHMARKS.md).
  @Override
  public boolean equals(Object o) {
    return o instanceof TileKey k
        && yearBe == k.yearBe
        && compareBe == k.compareBe
        && level == k.level
        && coord.equals(k.coord)
        && Objects.equals(dataVersion, k.dataVersion)
        && Objects.equals(indicator, k.indicator);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(dataVersion);
    h = 31 * h + level.hashCode();
    h = 31 * h + coord.hashCode();
    h = 31 * h + Objects.hashCode(indicator);
    h = 31 * h + yearBe;
    return 31 * h + compareBe;
  }
}
