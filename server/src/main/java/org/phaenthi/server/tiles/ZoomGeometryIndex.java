package org.phaenthi.server.tiles;

import java.util.List;
import java.util.function.BiConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.coverage.BandGeometry;
import org.phaenthi.boundaries.coverage.BorderLine;
import org.phaenthi.boundaries.coverage.LevelBands;
import org.phaenthi.server.DecodedBands;
import org.phaenthi.tiles.WebMercator;

/**
 * Per level, the geometry each zoom draws from: the gap-free coverage band persisted with the
 * dataset. A dataset without bands (built by hand in tests) falls back to the full-detail
 * boundaries at every zoom, without a border layer.
 *
 * <p>The bands are decoded on first use ({@link #decode}), not when the index is made: a warm start
 * serves the stored tile pyramid without them, so it answers {@code /health} before they are read,
 * and decodes them on a background thread right after ({@code Snapshot.decodeGeometry}). A request
 * that needs them meanwhile waits for that one decode.
 */
public final class ZoomGeometryIndex {
  private final Dataset dataset;
  private final AdminLevel level;
  private final Object lock = new Object();
  // null until decoded; then the bands, or (a level without bands) its projected areas
  private volatile Decoded decoded;

  private record Decoded(LevelBands bands, ZoomGeometry fullDetail) {}

  private ZoomGeometryIndex(Dataset dataset, AdminLevel level) {
    this.dataset = dataset;
    this.level = level;
  }

  public static ZoomGeometryIndex of(Dataset dataset, AdminLevel level) {
    return new ZoomGeometryIndex(dataset, level);
  }

  /** Decodes the level's bands (or projects its areas) once; later calls return at once. */
  public ZoomGeometryIndex decode() {
    decoded();
    return this;
  }

  private Decoded decoded() {
    Decoded d = decoded;
    if (d == null) {
      synchronized (lock) {
        d = decoded;
        if (d == null) {
          var b = DecodedBands.of(dataset, level);
          d =
              b.isPresent()
                  ? new Decoded(b.get(), null)
                  : new Decoded(null, new Projected(dataset.boundaries().areas(level)));
          decoded = d;
        }
      }
    }
    return d;
  }

  public ZoomGeometry forZoom(int zoom) {
    Decoded d = decoded();
    return d.bands() == null ? d.fullDetail() : new Band(d.bands().bandFor(zoom));
  }

  /** The coverage band (areas and borders) of one zoom; lon/lat shapes for GeoJSON too. */
  public BandGeometry band(int zoom) {
    Decoded d = decoded();
    return d.bands() == null ? null : d.bands().bandFor(zoom);
  }

  private record Band(BandGeometry band) implements ZoomGeometry {
    @Override
    public void areas(Envelope mercator, BiConsumer<String, Geometry> visitor) {
      band.queryAreas(mercator, visitor);
    }

    @Override
    public void borders(Envelope mercator, BiConsumer<String, Geometry> visitor) {
      for (BorderLine b : band.queryBorders(mercator)) {
        visitor.accept(b.rank().tag(), b.line());
      }
    }
  }

  /** Areas projected to Web Mercator once, with an STRtree. */
  private static final class Projected implements ZoomGeometry {
    private record Item(String code, Geometry mercator) {}

    private final STRtree tree = new STRtree();

    Projected(List<Area> areas) {
      for (Area a : areas) {
        Geometry m = WebMercator.toMercator(a.geometry());
        tree.insert(m.getEnvelopeInternal(), new Item(a.code(), m));
      }
      tree.build();
    }

    @Override
    public void areas(Envelope mercator, BiConsumer<String, Geometry> visitor) {
      tree.query(
          mercator,
          o -> {
            Item i = (Item) o;
            if (i.mercator.getEnvelopeInternal().intersects(mercator)) {
              visitor.accept(i.code, i.mercator);
            }
          });
    }

    @Override
    public void borders(Envelope mercator, BiConsumer<String, Geometry> visitor) {}
  }
}
