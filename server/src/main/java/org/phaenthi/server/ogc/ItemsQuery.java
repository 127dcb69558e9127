package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.export.Selection;
import org.phaenthi.server.export.Simplification;
import org.phaenthi.server.export.Simplifications;

/**
 * The validated parameters of {@code /ogc/collections/{id}/items}: every malformed value is a 400
 * naming the parameter, unknown indicator/year/parent a 404.
 *
 * @param bbox one envelope, or two when the box crosses the antimeridian; empty for no filter
 * @param properties the property names to write, in output order
 */
record ItemsQuery(
    Selection selection,
    List<Envelope> bbox,
    int limit,
    int offset,
    List<String> properties,
    Simplification simplification,
    int decimals) {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 10_000;
  static final int DEFAULT_DECIMALS = 6;
  static final int MAX_DECIMALS = 15;
  static final Set<String> ITEMS_PARAMS =
      Set.of(
          "f",
          "bbox",
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
      Set.of("f", "indicator", "year", "parent", "properties", "zoom", "tolerance", "precision");

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
    return new ItemsQuery(
        s,
        bbox(ctx.queryParam("bbox")),
        Math.min(
            integer(ctx.queryParam("limit"), "limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE),
            MAX_LIMIT),
        integer(ctx.queryParam("offset"), "offset", 0, 0, Integer.MAX_VALUE),
        properties(ctx.queryParam("properties"), s),
        simplification(ctx, d, level),
        integer(ctx.queryParam("precision"), "precision", DEFAULT_DECIMALS, 0, MAX_DECIMALS));
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
   * (min ≤ max) and every feature lies within them. minLon > maxLon crosses the antimeridian.
   */
  static List<Envelope> bbox(String text) {
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
      return List.of(new Envelope(v[0], 180, v[1], v[3]), new Envelope(-180, v[2], v[1], v[3]));
    }
    return List.of(new Envelope(v[0], v[2], v[1], v[3]));
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
