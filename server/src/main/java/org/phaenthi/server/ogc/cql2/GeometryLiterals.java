package org.phaenthi.server.ogc.cql2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.phaenthi.server.export.Crs;

/**
 * The geometry literals of a filter (WKT or {@code BBOX(...)} in cql2-text, GeoJSON geometries or
 * {@code {"bbox": [...]}} in cql2-json), read in {@code filter-crs} (its axis order, as the CRS
 * defines it: EPSG:4326 latitude first) and returned in CRS84, where the areas are. Coordinates
 * outside the CRS's range and invalid polygons are a 400 naming the literal.
 */
final class GeometryLiterals {
  private static final GeometryFactory GF = new GeometryFactory();

  private GeometryLiterals() {}

  /** A WKT literal, or {@code BBOX(minx, miny, maxx, maxy)} (6 numbers with heights). */
  static Geometry wkt(String text, Crs crs) {
    String t = text.trim();
    if (t.toUpperCase(Locale.ROOT).startsWith("BBOX")) {
      String inside = t.substring(t.indexOf('(') + 1, t.lastIndexOf(')'));
      String[] parts = inside.split(",", -1);
      double[] n = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        try {
          n[i] = Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
          throw Cql2.bad("'" + parts[i].trim() + "' in " + t + " is not a number");
        }
      }
      return bbox(n, t, crs);
    }
    Geometry g;
    try {
      g = new WKTReader(GF).read(t);
    } catch (ParseException | IllegalArgumentException e) {
      throw Cql2.bad("'" + shorten(t) + "' is not a WKT geometry: " + e.getMessage());
    }
    return toCrs84(g, shorten(t), crs);
  }

  /** A GeoJSON geometry object, or {@code {"bbox": [...]}}; null when {@code n} is neither. */
  static Geometry json(JsonNode n, Crs crs) {
    if (n.size() == 1 && n.path("bbox").isArray()) {
      JsonNode b = n.path("bbox");
      double[] v = new double[b.size()];
      for (int i = 0; i < v.length; i++) {
        if (!b.get(i).isNumber()) {
          throw Cql2.bad("bbox " + b + ": " + b.get(i) + " is not a number");
        }
        v[i] = b.get(i).doubleValue();
      }
      return bbox(v, "bbox " + b, crs);
    }
    if (!n.path("type").isTextual() || !n.has("coordinates") && !n.has("geometries")) {
      return null;
    }
    Geometry g;
    try {
      g = new GeoJsonReader(GF).read(n.toString());
    } catch (ParseException | RuntimeException e) {
      throw Cql2.bad(shorten(n.toString()) + " is not a GeoJSON geometry: " + e.getMessage());
    }
    return toCrs84(g, shorten(n.toString()), crs);
  }

  private static Geometry bbox(double[] n, String what, Crs crs) {
    if (n.length != 4 && n.length != 6) {
      throw Cql2.bad(what + " needs 4 numbers (or 6 with heights), not " + n.length);
    }
    double[] v = n.length == 4 ? n : new double[] {n[0], n[1], n[3], n[4]};
    for (double x : v) {
      if (!Double.isFinite(x)) {
        throw Cql2.bad(what + ": " + x + " is not finite");
      }
    }
    if (v[1] > v[3] || (!crs.geographic() || crs.latLon()) && v[0] > v[2]) {
      throw Cql2.bad(what + ": each minimum must be ≤ its maximum");
    }
    if (crs.geographic() && !crs.latLon() && v[0] > v[2]) {
      // CRS84 minLon > maxLon: across the antimeridian, as the bbox parameter
      checkRange(new Envelope(v[0], v[2], v[1], v[3]), what, crs);
      return GF.createMultiPolygon(
          new org.locationtech.jts.geom.Polygon[] {
            (org.locationtech.jts.geom.Polygon) crs.boxToCrs84(v[0], v[1], 180, v[3]),
            (org.locationtech.jts.geom.Polygon) crs.boxToCrs84(-180, v[1], v[2], v[3])
          });
    }
    checkRange(new Envelope(v[0], v[2], v[1], v[3]), what, crs);
    return crs.boxToCrs84(v[0], v[1], v[2], v[3]);
  }

  private static Geometry toCrs84(Geometry g, String what, Crs crs) {
    if (g.isEmpty()) {
      throw Cql2.bad(what + " is empty");
    }
    for (Coordinate c : g.getCoordinates()) {
      if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
        throw Cql2.bad(what + " has a coordinate that is not a finite number");
      }
    }
    checkRange(g.getEnvelopeInternal(), what, crs);
    IsValidOp valid = new IsValidOp(g);
    if (!valid.isValid()) {
      throw Cql2.bad(what + " is not a valid geometry: " + valid.getValidationError());
    }
    return crs.toCrs84(g);
  }

  /** Degrees within ±180/±90 in their axis order; metres as proj4j takes them. */
  private static void checkRange(Envelope e, String what, Crs crs) {
    if (!crs.geographic()) {
      return;
    }
    double lonMax =
        crs.latLon()
            ? Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY()))
            : Math.max(Math.abs(e.getMinX()), Math.abs(e.getMaxX()));
    double latMax =
        crs.latLon()
            ? Math.max(Math.abs(e.getMinX()), Math.abs(e.getMaxX()))
            : Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY()));
    if (lonMax > 180 || latMax > 90) {
      throw Cql2.bad(
          what
              + " is outside the range of "
              + crs.shortName()
              + (crs.latLon() ? " (latitude first, then longitude)" : " (longitude, latitude)")
              + "; a literal in another CRS needs parameter 'filter-crs'");
    }
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
