package org.phaenthi.tiles;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * Turns one geometry in Web Mercator metres into tile-grid geometry ready for {@link MvtEncoder}.
 *
 * <p>The steps always run in this order:
 *
 * <ol>
 *   <li>clip to the tile envelope expanded by {@code bufferPixels} (skipped when the geometry lies
 *       inside it; ring by ring first, exactly with {@code OverlayNG} when that leaves an invalid
 *       polygon after step 4; see {@link TileClipper});
 *   <li>transform to the tile grid: origin top-left, y down, {@code extentPixels} per side;
 *   <li>snap to the integer grid;
 *   <li>drop degenerate parts (rings with fewer than three distinct vertices or zero area, lines of
 *       zero length) and make polygons valid (see {@link GridSnapper});
 *   <li>orient rings as MVT 2.1 requires: exterior rings positive by the surveyor's formula with y
 *       down (clockwise on screen), interior rings negative.
 * </ol>
 *
 * <p>Accepts Polygon, MultiPolygon, LineString, MultiLineString, Point and MultiPoint. Instances
 * are immutable and thread-safe; the input geometry is never modified.
 */
public final class TileGeometryPipeline {

  /** The MVT default extent. */
  public static final int DEFAULT_EXTENT_PIXELS = 4096;

  /** Buffer around the tile, in grid units, kept so that neighbouring tiles join without seams. */
  public static final int DEFAULT_BUFFER_PIXELS = 64;

  private final int extentPixels;
  private final int bufferPixels;
  private final GeometryFactory factory = new GeometryFactory();

  /** A pipeline with extent 4096 and buffer 64. */
  public TileGeometryPipeline() {
    this(DEFAULT_EXTENT_PIXELS, DEFAULT_BUFFER_PIXELS);
  }

  /**
   * @param extentPixels grid units per tile side, positive
   * @param bufferPixels grid units kept outside each tile edge, zero or more
   */
  public TileGeometryPipeline(int extentPixels, int bufferPixels) {
    if (extentPixels <= 0) {
      throw new IllegalArgumentException("extentPixels must be positive, was " + extentPixels);
    }
    if (bufferPixels < 0) {
      throw new IllegalArgumentException("bufferPixels must not be negative, was " + bufferPixels);
    }
    this.extentPixels = extentPixels;
    this.bufferPixels = bufferPixels;
  }

  public int extentPixels() {
    return extentPixels;
  }

  public int bufferPixels() {
    return bufferPixels;
  }

  /** The clip box in Web Mercator metres: the tile envelope expanded by the buffer. */
  public Envelope clipEnvelopeMeters(TileCoord tile) {
    Envelope env = tile.mercatorEnvelope();
    env.expandBy(bufferPixels * tile.pixelSizeMeters(extentPixels));
    return env;
  }

  /**
   * Runs the pipeline on one geometry.
   *
   * @param mercator geometry in Web Mercator metres, not modified
   * @param tile the tile to render
   * @return the geometry on the tile grid (integer coordinates, valid, oriented), or null when
   *     nothing is left after clipping and snapping
   * @throws IllegalArgumentException for geometry collections and other unsupported types
   */
  public Geometry process(Geometry mercator, TileCoord tile) {
    if (mercator instanceof GeometryCollection && !isHomogeneous(mercator)) {
      throw new IllegalArgumentException(
          "unsupported geometry type " + mercator.getGeometryType() + " for a tile feature");
    }
    Envelope clip = clipEnvelopeMeters(tile);
    Geometry clipped = TileClipper.clip(mercator, clip, factory, true);
    if (clipped == null) {
      return null;
    }
    boolean fastClipped = clipped != mercator;
    Geometry snapped = GridSnapper.snap(toTileGrid(clipped, tile), factory, !fastClipped);
    if (snapped == GridSnapper.NEEDS_EXACT_CLIP) {
      // The ring clipper left spikes along the tile edge: clip exactly, then snap and repair.
      clipped = TileClipper.clip(mercator, clip, factory, false);
      snapped = clipped == null ? null : GridSnapper.snap(toTileGrid(clipped, tile), factory, true);
    }
    return snapped == null ? null : orient(snapped);
  }

  private static boolean isHomogeneous(Geometry g) {
    String type = g.getGeometryType();
    return type.equals(Geometry.TYPENAME_MULTIPOLYGON)
        || type.equals(Geometry.TYPENAME_MULTILINESTRING)
        || type.equals(Geometry.TYPENAME_MULTIPOINT);
  }

  private Geometry toTileGrid(Geometry clipped, TileCoord tile) {
    Envelope env = tile.mercatorEnvelope();
    double scale = extentPixels / tile.sizeMeters();
    double minX = env.getMinX();
    double maxY = env.getMaxY();
    Geometry copy = clipped.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            seq.setOrdinate(i, CoordinateSequence.X, (seq.getX(i) - minX) * scale);
            seq.setOrdinate(i, CoordinateSequence.Y, (maxY - seq.getY(i)) * scale);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return copy;
  }

  /** Exterior rings positive, holes negative, by {@link Winding} on the y-down grid. */
  private Geometry orient(Geometry snapped) {
    if (!(snapped instanceof Polygonal)) {
      return snapped;
    }
    Polygon[] polygons = new Polygon[snapped.getNumGeometries()];
    for (int i = 0; i < polygons.length; i++) {
      Polygon p = (Polygon) snapped.getGeometryN(i);
      LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
      for (int h = 0; h < holes.length; h++) {
        holes[h] = withSign(p.getInteriorRingN(h), false);
      }
      polygons[i] = factory.createPolygon(withSign(p.getExteriorRing(), true), holes);
    }
    return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
  }

  private LinearRing withSign(LinearRing ring, boolean positive) {
    double area = Winding.doubleArea(ring.getCoordinateSequence());
    return (area > 0) == positive ? ring : ring.reverse();
  }
}
