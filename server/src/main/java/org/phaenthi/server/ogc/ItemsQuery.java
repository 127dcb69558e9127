package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.export.Crs;
import org.phaenthi.server.export.Selection;
import org.phaenthi.server.export.Simplification;
import org.phaenthi.server.export.Simplifications;
import org.phaenthi.server.ogc.cql2.Cql2;
import org.phaenthi.server.ogc.cql2.Expr;

/**
 * The validated parameters of {@code /ogc/collections/{id}/items}: every malformed value is a 400
 * naming the parameter, unknown indicator/year/parent a 404.
 *
 * @param bbox the box in CRS84: one polygon, or two when it crosses the antimeridian; empty for no
 *     filter
 * @param crs the CRS the geometries are written in
 * @param sortBy the order of the features (code order by default)
 * @param filter the CQL2 filter, or null for none
 * @param properties the property names to write, in output order
 */
record ItemsQuery(
    Selection selection,
    List<Geometry> bbox,
    int limit,
    int offset,
    List<String> properties,
    Simplification simplification,
    int decimals,
    Crs crs,
    SortBy sortBy,
    Expr filter) {

  private static final GeometryFactory GF = new GeometryFactory();
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 10_000;
  static final int DEFAULT_DECIMALS = 6;
  static final int MAX_DECIMALS = 15;
  static final Set<String> ITEMS_PARAMS =
      Set.of(
          "f",
          "bbox",
          "bbox-crs",
          "crs",
          "sortby",
          "filter",
          "filter-lang",
          "filter-crs",
          "limit",
          "offset",
          "datetime",
          "indicator",
          "year",
          "parent",
          "properties",
          "zoom",
          "tolerance",
          "precision");
  static final Set<String> ITEM_PARAMS =
      Set.of(
          "f",
          "crs",
          "indicator",
          "year",
          "parent",
          "properties",
          "zoom",
          "tolerance",
          "precision");

  static ItemsQuery parse(Context ctx, Dataset d, AdminLevel level, boolean single) {
    VendorParams.onlyKnown(ctx, single ? ITEM_PARAMS : ITEMS_PARAMS);
    Selection s =
        Selection.parse(
            d,
            level,
            ctx.queryParam("parent"),
            ctx.queryParam("indicator"),
            ctx.queryParam("year"));
    datetime(ctx.queryParam("datetime"));
    Crs crs = Crs.parse(ctx.queryParam("crs"), "crs");
    Crs bboxCrs = Crs.parse(ctx.queryParam("bbox-crs"), "bbox-crs");
    if (ctx.queryParam("bbox-crs") != null && ctx.queryParam("bbox") == null) {
      throw ApiException.badRequest("parameter 'bbox-crs' needs parameter 'bbox'");
    }
    return new ItemsQuery(
        s,
        bbox(ctx.queryParam("bbox"), bboxCrs),
        limit(ctx.queryParam("limit")),
        integer(ctx.queryParam("offset"), "offset", 0, 0, Integer.MAX_VALUE),
        properties(ctx.queryParam("properties"), s),
        simplification(ctx, d, level),
        integer(ctx.queryParam("precision"), "precision", crs.defaultDecimals(), 0, MAX_DECIMALS),
        crs,
        single ? SortBy.CODE_ORDER : SortBy.parse(ctx.queryParam("sortby"), s),
        single ? null : filter(ctx, s));
  }

  /**
   * {@code filter} in {@code filter-lang} (cql2-text by default, or cql2-json) over the queryables;
   * its geometry literals are in {@code filter-crs} (CRS84 by default, any CRS offered) and are
   * reprojected to CRS84, where the areas are.
   */
  static Expr filter(Context ctx, Selection s) {
    String filter = ctx.queryParam("filter");
    String lang = ctx.queryParam("filter-lang");
    String filterCrs = ctx.queryParam("filter-crs");
    if (filter == null) {
      if (lang != null || filterCrs != null) {
        throw ApiException.badRequest(
            "parameter '" + (lang != null ? "filter-lang" : "filter-crs") + "' needs 'filter'");
      }
      return null;
    }
    return Cql2.parse(filter, lang, queryables(s), Crs.parse(filterCrs, "filter-crs"));
  }

  /** The types of the properties a filter may name: those of {@code /queryables}. */
  static Map<String, Cql2.Type> queryables(Selection s) {
    Map<String, Cql2.Type> types = new LinkedHashMap<>();
    SchemaHandler.properties(s, true)
        .forEach(
            (name, schema) -> {
              if ("geometry".equals(name)) {
                types.put(name, Cql2.Type.GEOMETRY);
                return;
              }
              Object t = schema.get("type");
              String type = t instanceof List<?> l ? (String) l.get(0) : (String) t;
              if (type != null) {
                types.put(
                    name,
                    switch (type) {
                      case "string" -> Cql2.Type.STRING;
                      case "boolean" -> Cql2.Type.BOOLEAN;
                      default -> Cql2.Type.NUMBER;
                    });
              }
            });
    return types;
  }

  /**
   * 1–10,000; larger values are clamped to 10,000 (OGC 17-069r4 §7.15.2 lets a server cap them), so
   * the message of a bad value says that range, not the integer range it parses.
   */
  static int limit(String text) {
    if (text != null) {
      try {
        if (Long.parseLong(text.trim()) < 1) {
          throw ApiException.badRequest(
              "parameter 'limit' must be between 1 and "
                  + MAX_LIMIT
                  + " (larger values are taken as "
                  + MAX_LIMIT
                  + "), not "
                  + text.trim());
        }
      } catch (NumberFormatException e) {
        // integer() names it
      }
    }
    return Math.min(integer(text, "limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE), MAX_LIMIT);
  }

  static int integer(String text, String name, int dflt, int min, int max) {
    if (text == null) {
      return dflt;
    }
    long v;
    try {
      v = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "parameter '" + name + "' must be a whole number, not '" + text + "'");
    }
    if (v < min || v > max) {
      throw ApiException.badRequest(
          "parameter '" + name + "' must be between " + min + " and " + max + ", not " + v);
    }
    return (int) v;
  }

  /**
   * minLon,minLat,maxLon,maxLat in CRS84, or the 6-number form minLon,minLat,minHeight,maxLon,
   * maxLat,maxHeight (OGC 17-069r4 §7.15.3): the boundaries are 2D, so the heights are validated
   * (min ≤ max) and every feature lies within them. minLon > maxLon crosses the antimeridian. With
   * {@code bbox-crs} the numbers are in that CRS and its axis order (EPSG:4326: minLat,minLon,
   * maxLat,maxLon; projected: minEasting,minNorthing,maxEasting,maxNorthing).
   */
  static List<Geometry> bbox(String text, Crs crs) {
    if (text == null) {
      return List.of();
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw ApiException.badRequest(
          "parameter 'bbox' must be 4 comma-separated numbers minLon,minLat,maxLon,maxLat"
              + " (or 6 with heights: minLon,minLat,minHeight,maxLon,maxLat,maxHeight), not '"
              + text
              + "'");
    }
    double[] n = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        n[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("parameter 'bbox': '" + parts[i] + "' is not a number");
      }
      if (!Double.isFinite(n[i])) {
        throw ApiException.badRequest("parameter 'bbox': '" + parts[i] + "' is not finite");
      }
    }
    double[] v =
        parts.length == 4 ? n : new double[] {n[0], n[1], n[3], n[4]}; // heights at 2 and 5
    if (parts.length == 6 && n[2] > n[5]) {
      throw ApiException.badRequest("parameter 'bbox': minHeight " + n[2] + " > maxHeight " + n[5]);
    }
    if (!crs.geographic()) {
      if (v[0] > v[2] || v[1] > v[3]) {
        throw ApiException.badRequest(
            "parameter 'bbox': in " + crs.shortName() + " each minimum must be ≤ its maximum");
      }
      return List.of(crs.boxToCrs84(v[0], v[1], v[2], v[3]));
    }
    if (crs.latLon() && !longitudeFirst(v)) {
      v = new double[] {v[1], v[0], v[3], v[2]};
    }
    for (int i = 0; i < 4; i++) {
      double limit = i % 2 == 0 ? 180 : 90;
      if (!(Math.abs(v[i]) <= limit)) {
        throw ApiException.badRequest(
            "parameter 'bbox': " + v[i] + " is outside ±" + (int) limit + " degrees");
      }
    }
    if (v[1] > v[3]) {
      throw ApiException.badRequest("parameter 'bbox': minLat " + v[1] + " > maxLat " + v[3]);
    }
    if (v[0] > v[2]) {
      return List.of(box(v[0], v[1], 180, v[3]), box(-180, v[1], v[2], v[3]));
    }
    return List.of(box(v[0], v[1], v[2], v[3]));
  }

  /**
   * Whether an EPSG:4326 box was sent longitude first anyway: its "latitudes" are beyond ±90 while
   * its "longitudes" would be valid latitudes, so it cannot mean anything else. Some clients (the
   * OGC ETS 1.9 among them: it converts the CRS84 extent to EPSG:4326 without swapping) send that;
   * no valid latitude-first box is read this way.
   */
  static boolean longitudeFirst(double[] v) {
    boolean firstIsLat = Math.abs(v[0]) <= 90 && Math.abs(v[2]) <= 90;
    boolean secondIsLat = Math.abs(v[1]) <= 90 && Math.abs(v[3]) <= 90;
    boolean firstIsLon = Math.abs(v[0]) <= 180 && Math.abs(v[2]) <= 180;
    return !firstIsLat && firstIsLon && secondIsLat;
  }

  private static Geometry box(double minLon, double minLat, double maxLon, double maxLat) {
    return GF.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
  }

  /**
   * Validated only: the boundaries are today's and carry no time, so every feature matches any
   * instant or interval (OGC 17-069r4 §7.15.4 leaves features without time to the server).
   */
  static void datetime(String text) {
    if (text == null) {
      return;
    }
    String[] ends = text.split("/", -1);
    if (ends.length > 2) {
      throw ApiException.badRequest("parameter 'datetime' must be an instant or an interval a/b");
    }
    for (String e : ends) {
      String t = e.trim();
      if (ends.length == 2 && (t.isEmpty() || t.equals(".."))) {
        continue;
      }
      try {
        if (t.length() == 10) {
          java.time.LocalDate.parse(t);
        } else {
          java.time.OffsetDateTime.parse(t);
        }
      } catch (java.time.format.DateTimeParseException ex) {
        throw ApiException.badRequest(
            "parameter 'datetime': '" + e + "' is not an RFC 3339 date or date-time");
      }
    }
  }

  static List<String> properties(String text, Selection s) {
    List<String> known = s.propertyNames();
    if (text == null) {
      return known;
    }
    Set<String> asked = new LinkedHashSet<>();
    for (String p : text.split(",")) {
      String name = p.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (!known.contains(name)) {
        throw ApiException.badRequest(
            "parameter 'properties': unknown property '" + name + "'; valid: " + known);
      }
      asked.add(name);
    }
    List<String> out = new ArrayList<>();
    known.stream().filter(asked::contains).forEach(out::add);
    return out;
  }

  static Simplification simplification(Context ctx, Dataset d, AdminLevel level) {
    String zoom = ctx.queryParam("zoom");
    String tolerance = ctx.queryParam("tolerance");
    if (zoom != null && tolerance != null) {
      throw ApiException.badRequest("give parameter 'zoom' or 'tolerance', not both");
    }
    if (!level.hasGeometry() && (zoom != null || tolerance != null)) {
      throw ApiException.badRequest(
          "parameter '"
              + (zoom != null ? "zoom" : "tolerance")
              + "' does not apply: collection '"
              + level.urlName()
              + "' has no geometry");
    }
    if (zoom != null) {
      int z = integer(zoom, "zoom", 0, 0, Simplifications.MAX_ZOOM);
      return Simplifications.forZoom(d, level, z);
    }
    if (tolerance != null) {
      return Simplifications.forTolerance(d, level, tolerance(tolerance));
    }
    return Simplification.FULL_DETAIL;
  }

  /** A tolerance in metres, 0–100,000. */
  static double tolerance(String tolerance) {
    double m;
    try {
      m = Double.parseDouble(tolerance.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "parameter 'tolerance' must be a number of metres, not '" + tolerance + "'");
    }
    if (!(m >= 0 && m <= 100_000)) {
      throw ApiException.badRequest(
          "parameter 'tolerance' must be between 0 and 100000 metres, not " + tolerance);
    }
    return m;
  }
}
