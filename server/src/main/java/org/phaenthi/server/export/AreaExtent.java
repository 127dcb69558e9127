package org.phaenthi.server.export;

import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Params;
import org.phaenthi.server.Snapshot;
import org.phaenthi.tiles.TileCoord;

/**
 * What a tile archive covers: the whole data extent (no {@code parent}) or one area's bounding box,
 * with the zooms that suit it by default: from the zoom at which the area still fits in one or two
 * tiles up to {@link PmtilesExporter#DEFAULT_MAX_ZOOM} for the country, two zooms more for an area
 * (a province is small: its z12 is fewer tiles than the country's z8).
 *
 * @param code the area's code, null for the whole extent
 */
public record AreaExtent(String code, Envelope bounds, int minZoom, int maxZoom) {
  public AreaExtent {
    bounds = new Envelope(bounds); // JTS envelopes are mutable: a copy of our own
  }

  /** A copy of the bounds (the caller may change it). */
  @Override
  public Envelope bounds() {
    return new Envelope(bounds);
  }

  /**
   * Zooms below the area's own that an area archive also holds, so it opens zoomed out a little.
   */
  static final int ZOOMS_OUT = 1;

  /** The extent of the level's areas under {@code parentText} (404 for an unknown area). */
  public static AreaExtent of(Snapshot s, AdminLevel level, String parentText) {
    if (parentText == null) {
      return new AreaExtent(
          null, s.dataset().boundaries().extent(), 0, PmtilesExporter.DEFAULT_MAX_ZOOM);
    }
    String code = Params.parent(parentText, level);
    Params.knownParent(s.dataset().boundaries(), level, code);
    Area area =
        s.dataset()
            .boundaries()
            .area(code)
            .orElseThrow(() -> ApiException.notFound("unknown parent area '" + code + "'"));
    return ofArea(area);
  }

  /** The extent of one area. */
  public static AreaExtent ofArea(Area area) {
    Envelope b = area.bbox();
    int fit = 0;
    while (fit < PmtilesExporter.DEFAULT_MAX_ZOOM && spans(b, fit + 1) <= 2) {
      fit++;
    }
    return new AreaExtent(
        area.code(),
        b,
        Math.max(0, fit - ZOOMS_OUT),
        Math.min(14, PmtilesExporter.DEFAULT_MAX_ZOOM + 2));
  }

  /** Tiles across (the larger of x and y) the envelope spans at zoom z. */
  private static int spans(Envelope b, int z) {
    TileCoord a = TileCoord.containing(b.getMinX(), b.getMaxY(), z);
    TileCoord c = TileCoord.containing(b.getMaxX(), b.getMinY(), z);
    return Math.max(c.x() - a.x() + 1, c.y() - a.y() + 1);
  }
}
