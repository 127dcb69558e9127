package org.phaenthi.server.tiles;

import java.util.List;
import java.util.function.BiConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.tiles.WebMercator;

/**
 * Per level, the geometry each zoom draws from. Until the gap-free bands are in the dataset this
 * serves the full-detail boundaries at every zoom (correct but slower at low zoom).
 */
public final class ZoomGeometryIndex {
  private final ZoomGeometry fullDetail;

  private ZoomGeometryIndex(ZoomGeometry fullDetail) {
    this.fullDetail = fullDetail;
  }

  public static ZoomGeometryIndex of(Dataset dataset, AdminLevel level) {
    return new ZoomGeometryIndex(new Projected(dataset.boundaries().areas(level)));
  }

  public ZoomGeometry forZoom(int zoom) {
    return fullDetail;
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
