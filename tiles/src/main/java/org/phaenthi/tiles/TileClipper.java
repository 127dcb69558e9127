package org.phaenthi.tiles;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.RingClipper;

/**
 * Step 1 of the pipeline: clips a geometry to a rectangle.
 *
 * <p>Polygons are clipped part by part: parts inside the rectangle are kept as they are, parts
 * outside dropped. Parts crossing an edge have two modes. The fast mode clips each ring with JTS's
 * {@code RingClipper} (Sutherland–Hodgman), which is linear but leaves zero-width spikes along the
 * rectangle when a concave ring leaves and re-enters it; the pipeline accepts that result only when
 * the snapped polygon turns out valid, and otherwise clips again in exact mode, with {@code
 * OverlayNG} (which pre-clips far-away segments itself). JTS 1.20 has no public rectangle clipper
 * with valid output. Lines use Liang–Barsky, which keeps self-crossing lines as they are instead of
 * noding them.
 */
final class TileClipper {

  private TileClipper() {}

  /**
   * The part of {@code geom} inside {@code clip}, or null when nothing is left.
   *
   * @param fast clip polygons crossing an edge ring by ring; the result may then be invalid
   */
  static Geometry clip(Geometry geom, Envelope clip, GeometryFactory factory, boolean fast) {
    Envelope env = geom.getEnvelopeInternal();
    if (geom.isEmpty() || !clip.intersects(env)) {
      return null;
    }
    if (clip.covers(env)) {
      return geom;
    }
    Geometry result;
    if (geom instanceof Polygonal) {
      result = clipPolygons(geom, clip, factory, fast);
    } else if (geom instanceof Lineal) {
      result = clipLines(geom, clip, factory);
    } else if (geom instanceof Puntal) {
      result = clipPoints(geom, clip, factory);
    } else {
      throw new IllegalArgumentException("unsupported geometry type " + geom.getGeometryType());
    }
    return result.isEmpty() ? null : result;
  }

  private static Geometry clipPolygons(
      Geometry geom, Envelope clip, GeometryFactory factory, boolean fast) {
    List<Polygon> out = new ArrayList<>();
    Geometry rect = null;
    for (int i = 0; i < geom.getNumGeometries(); i++) {
      Polygon part = (Polygon) geom.getGeometryN(i);
      Envelope env = part.getEnvelopeInternal();
      if (part.isEmpty() || !clip.intersects(env)) {
        continue;
      }
      if (clip.covers(env)) {
        out.add(part);
        continue;
      }
      if (fast) {
        Polygon clipped = clipRings(part, clip, factory);
        if (clipped != null) {
          out.add(clipped);
        }
        continue;
      }
      if (rect == null) {
        rect = factory.toGeometry(clip);
      }
      PolygonExtracter.getPolygons(intersect(part, rect), out);
    }
    return factory.buildGeometry(out);
  }

  private static Polygon clipRings(Polygon part, Envelope clip, GeometryFactory factory) {
    RingClipper clipper = new RingClipper(clip);
    LinearRing shell = clipRing(clipper, part.getExteriorRing(), factory);
    if (shell == null) {
      return null;
    }
    List<LinearRing> holes = new ArrayList<>();
    for (int h = 0; h < part.getNumInteriorRing(); h++) {
      LinearRing hole = clipRing(clipper, part.getInteriorRingN(h), factory);
      if (hole != null) {
        holes.add(hole);
      }
    }
    return factory.createPolygon(shell, holes.toArray(new LinearRing[0]));
  }

  private static LinearRing clipRing(
      RingClipper clipper, LinearRing ring, GeometryFactory factory) {
    CoordinateList pts = new CoordinateList(clipper.clip(ring.getCoordinates()), false);
    pts.closeRing();
    return pts.size() < 4 ? null : factory.createLinearRing(pts.toCoordinateArray());
  }

  private static Geometry intersect(Polygon part, Geometry rect) {
    try {
      return OverlayNGRobust.overlay(part, rect, OverlayNG.INTERSECTION);
    } catch (RuntimeException invalidInput) {
      // Only reached for invalid input (self-intersecting rings); repair, then clip.
      return OverlayNGRobust.overlay(GeometryFixer.fix(part), rect, OverlayNG.INTERSECTION);
    }
  }

  private static Geometry clipLines(Geometry geom, Envelope clip, GeometryFactory factory) {
    List<LineString> out = new ArrayList<>();
    for (int i = 0; i < geom.getNumGeometries(); i++) {
      LineString line = (LineString) geom.getGeometryN(i);
      if (line.isEmpty() || !clip.intersects(line.getEnvelopeInternal())) {
        continue;
      }
      if (clip.covers(line.getEnvelopeInternal())) {
        out.add(line);
        continue;
      }
      for (Coordinate[] part : clipLine(line.getCoordinates(), clip)) {
        out.add(factory.createLineString(part));
      }
    }
    return factory.buildGeometry(out);
  }

  /** Liang–Barsky per segment; consecutive visible segments are joined into one part. */
  static List<Coordinate[]> clipLine(Coordinate[] pts, Envelope clip) {
    List<Coordinate[]> parts = new ArrayList<>();
    CoordinateList current = null;
    double[] t = new double[2];
    for (int i = 0; i + 1 < pts.length; i++) {
      Coordinate a = pts[i];
      Coordinate b = pts[i + 1];
      if (!clipSegment(a, b, clip, t)) {
        current = flush(current, parts);
        continue;
      }
      Coordinate p0 = t[0] == 0 ? a.copy() : lerp(a, b, t[0]);
      Coordinate p1 = t[1] == 1 ? b.copy() : lerp(a, b, t[1]);
      if (current != null && !current.getCoordinate(current.size() - 1).equals2D(p0)) {
        current = flush(current, parts);
      }
      if (current == null) {
        current = new CoordinateList();
        current.add(p0, false);
      }
      current.add(p1, false);
      if (t[1] < 1) {
        current = flush(current, parts);
      }
    }
    flush(current, parts);
    return parts;
  }

  private static CoordinateList flush(CoordinateList current, List<Coordinate[]> parts) {
    if (current != null && current.size() >= 2) {
      parts.add(current.toCoordinateArray());
    }
    return null;
  }

  private static boolean clipSegment(Coordinate a, Coordinate b, Envelope e, double[] t) {
    double dx = b.x - a.x;
    double dy = b.y - a.y;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {a.x - e.getMinX(), e.getMaxX() - a.x, a.y - e.getMinY(), e.getMaxY() - a.y};
    double t0 = 0;
    double t1 = 1;
    for (int k = 0; k < 4; k++) {
      if (p[k] == 0) {
        if (q[k] < 0) {
          return false;
        }
      } else {
        double r = q[k] / p[k];
        if (p[k] < 0) {
          t0 = Math.max(t0, r);
        } else {
          t1 = Math.min(t1, r);
        }
      }
    }
    if (t0 > t1) {
      return false;
    }
    t[0] = t0;
    t[1] = t1;
    return true;
  }

  private static Coordinate lerp(Coordinate a, Coordinate b, double t) {
    return new Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
  }

  private static Geometry clipPoints(Geometry geom, Envelope clip, GeometryFactory factory) {
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < geom.getNumGeometries(); i++) {
      Point p = (Point) geom.getGeometryN(i);
      if (!p.isEmpty() && clip.covers(p.getCoordinate())) {
        out.add(p);
      }
    }
    return factory.buildGeometry(out);
  }
}
