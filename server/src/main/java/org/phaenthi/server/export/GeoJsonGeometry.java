package org.phaenthi.server.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * RFC 7946 geometry output: coordinates rounded to a number of decimals, rings written with the
 * right-hand rule (exterior counter-clockwise, holes clockwise) whatever the input orientation, no
 * {@code crs} member. Written straight to a {@link JsonGenerator}, never as a tree.
 */
public final class GeoJsonGeometry {
  /** Beyond this many decimals rounding is a no-op for longitudes and latitudes in doubles. */
  static final int MAX_ROUNDED_DECIMALS = 10;

  private GeoJsonGeometry() {}

  /**
   * The geometry rounded to {@code decimals}, still valid: pointwise rounding first (cheap, and
   * enough almost always); when that breaks validity, JTS's snap-rounding reducer.
   */
  public static Geometry round(Geometry g, int decimals) {
    if (decimals >= MAX_ROUNDED_DECIMALS || g.isEmpty()) {
      return g;
    }
    double scale = Math.pow(10, decimals);
    Geometry r = g.copy();
    r.apply(new Rounder(scale));
    if (r.isValid()) {
      return r;
    }
    return GeometryPrecisionReducer.reduce(g, new PrecisionModel(scale));
  }

  public static void write(JsonGenerator gen, Geometry g) throws IOException {
    gen.writeStartObject();
    if (g instanceof Polygon p) {
      gen.writeStringField("type", "Polygon");
      gen.writeFieldName("coordinates");
      polygon(gen, p);
    } else if (g instanceof GeometryCollection c && g.getGeometryType().equals("MultiPolygon")) {
      gen.writeStringField("type", "MultiPolygon");
      gen.writeFieldName("coordinates");
      gen.writeStartArray();
      for (int i = 0; i < c.getNumGeometries(); i++) {
        polygon(gen, (Polygon) c.getGeometryN(i));
      }
      gen.writeEndArray();
    } else if (g instanceof Point pt) {
      gen.writeStringField("type", "Point");
      gen.writeFieldName("coordinates");
      position(gen, pt.getCoordinateSequence(), 0);
    } else if (g instanceof LineString l) {
      gen.writeStringField("type", "LineString");
      gen.writeFieldName("coordinates");
      line(gen, l.getCoordinateSequence(), false);
    } else {
      throw new IllegalArgumentException("unsupported geometry type " + g.getGeometryType());
    }
    gen.writeEndObject();
  }

  private static void polygon(JsonGenerator gen, Polygon p) throws IOException {
    gen.writeStartArray();
    ring(gen, p.getExteriorRing().getCoordinateSequence(), true);
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      ring(gen, p.getInteriorRingN(i).getCoordinateSequence(), false);
    }
    gen.writeEndArray();
  }

  private static void ring(JsonGenerator gen, CoordinateSequence seq, boolean ccw)
      throws IOException {
    boolean reverse = seq.size() >= 4 && Orientation.isCCW(seq) != ccw;
    line(gen, seq, reverse);
  }

  private static void line(JsonGenerator gen, CoordinateSequence seq, boolean reverse)
      throws IOException {
    gen.writeStartArray();
    int n = seq.size();
    for (int i = 0; i < n; i++) {
      position(gen, seq, reverse ? n - 1 - i : i);
    }
    gen.writeEndArray();
  }

  private static void position(JsonGenerator gen, CoordinateSequence seq, int i)
      throws IOException {
    gen.writeStartArray();
    gen.writeNumber(seq.getX(i));
    gen.writeNumber(seq.getY(i));
    gen.writeEndArray();
  }

  private record Rounder(double scale) implements CoordinateSequenceFilter {
    @Override
    public void filter(CoordinateSequence seq, int i) {
      seq.setOrdinate(i, 0, Math.rint(seq.getX(i) * scale) / scale);
      seq.setOrdinate(i, 1, Math.rint(seq.getY(i) * scale) / scale);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
