package org.phaenthi.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Steps 3 and 4 of the pipeline: snaps tile-grid geometry to integers, drops degenerate parts and
 * makes polygons valid.
 *
 * <p>The cheap path rounds each vertex, removes repeated vertices and drops rings with fewer than
 * three distinct vertices or zero area, then checks validity once. Only when rounding made a ring
 * cross itself or a neighbour does it fall back to snap-rounding the unsnapped geometry with {@code
 * GeometryPrecisionReducer}, which is slower but yields a valid result on the integer grid.
 */
final class GridSnapper {

  private static final PrecisionModel GRID = new PrecisionModel(1.0);

  private GridSnapper() {}

  /**
   * Returned instead of a repaired geometry when the caller asked not to repair: the input came
   * from the fast clipper, whose invalid output must be clipped again exactly, not repaired.
   */
  static final Geometry NEEDS_EXACT_CLIP = new GeometryFactory().createGeometryCollection();

  /**
   * The snapped geometry, or null when nothing but degenerate parts is left.
   *
   * @param repair whether to repair polygons that are invalid after snapping; if false, {@link
   *     #NEEDS_EXACT_CLIP} is returned for them
   */
  static Geometry snap(Geometry grid, GeometryFactory factory, boolean repair) {
    if (grid instanceof Polygonal) {
      return snapPolygons(grid, factory, repair);
    }
    Geometry result = isLineal(grid) ? snapLines(grid, factory) : snapPoints(grid, factory);
    return result.isEmpty() ? null : result;
  }

  private static boolean isLineal(Geometry g) {
    return g.getNumGeometries() > 0 && g.getGeometryN(0) instanceof LineString;
  }

  private static Geometry snapPolygons(Geometry grid, GeometryFactory factory, boolean repair) {
    List<Polygon> polygons = new ArrayList<>(grid.getNumGeometries());
    for (int i = 0; i < grid.getNumGeometries(); i++) {
      Polygon p = (Polygon) grid.getGeometryN(i);
      LinearRing shell = snapRing(p.getExteriorRing(), factory);
      if (shell == null) {
        continue;
      }
      List<LinearRing> holes = new ArrayList<>(p.getNumInteriorRing());
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        LinearRing hole = snapRing(p.getInteriorRingN(h), factory);
        if (hole != null) {
          holes.add(hole);
        }
      }
      polygons.add(factory.createPolygon(shell, holes.toArray(new LinearRing[0])));
    }
    if (polygons.isEmpty()) {
      return null;
    }
    Geometry snapped = factory.buildGeometry(polygons);
    if (SnappedValidity.isCertainlyValid(polygons) || IsValidOp.isValid(snapped)) {
      return snapped;
    }
    return repair ? snapRobustly(grid, factory) : NEEDS_EXACT_CLIP;
  }

  private static Geometry snapRobustly(Geometry grid, GeometryFactory factory) {
    Geometry reduced;
    try {
      reduced = GeometryPrecisionReducer.reduce(grid, GRID);
    } catch (RuntimeException invalidInput) {
      reduced = GeometryPrecisionReducer.reduce(GeometryFixer.fix(grid), GRID);
    }
    List<Polygon> polygons = new ArrayList<>();
    PolygonExtracter.getPolygons(reduced, polygons);
    return polygons.isEmpty() ? null : factory.buildGeometry(polygons);
  }

  /** The rounded ring, or null if fewer than 3 distinct vertices or zero area remain. */
  private static LinearRing snapRing(LineString ring, GeometryFactory factory) {
    Coordinate[] pts = rounded(ring.getCoordinateSequence(), true);
    if (pts == null) {
      return null;
    }
    LinearRing snapped = factory.createLinearRing(pts);
    return Winding.doubleArea(snapped.getCoordinateSequence()) == 0 ? null : snapped;
  }

  /**
   * Rounded vertices without consecutive repeats; for a ring, closed again and null when fewer than
   * 3 distinct vertices remain, for a line null when fewer than 2 remain. Sized up front because
   * growing a list was the largest cost of snapping at low zoom.
   */
  private static Coordinate[] rounded(CoordinateSequence seq, boolean ring) {
    int n = seq.size();
    Coordinate[] out = new Coordinate[n + 1];
    int count = 0;
    for (int i = 0; i < n; i++) {
      double x = Math.rint(seq.getX(i));
      double y = Math.rint(seq.getY(i));
      if (count == 0 || x != out[count - 1].x || y != out[count - 1].y) {
        out[count++] = new Coordinate(x, y);
      }
    }
    if (ring) {
      while (count > 1 && out[count - 1].equals2D(out[0])) {
        count--;
      }
      if (count < 3) {
        return null;
      }
      out[count++] = out[0].copy();
    } else if (count < 2) {
      return null;
    }
    return count == out.length ? out : Arrays.copyOf(out, count);
  }

  private static Geometry snapLines(Geometry grid, GeometryFactory factory) {
    List<LineString> lines = new ArrayList<>();
    for (int i = 0; i < grid.getNumGeometries(); i++) {
      LineString line = (LineString) grid.getGeometryN(i);
      Coordinate[] pts = rounded(line.getCoordinateSequence(), false);
      if (pts != null) {
        lines.add(factory.createLineString(pts));
      }
    }
    return factory.buildGeometry(lines);
  }

  private static Geometry snapPoints(Geometry grid, GeometryFactory factory) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < grid.getNumGeometries(); i++) {
      Coordinate c = grid.getGeometryN(i).getCoordinate();
      points.add(factory.createPoint(new Coordinate(Math.rint(c.x), Math.rint(c.y))));
    }
    return factory.buildGeometry(points);
  }
}
