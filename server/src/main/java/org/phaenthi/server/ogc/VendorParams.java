package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Params;
import org.phaenthi.server.export.Selection;

/**
 * The vendor parameters that items take besides the standard ones ({@code indicator}, {@code year},
 * {@code parent}, {@code properties}, {@code zoom}, {@code tolerance}, {@code precision}), accepted
 * on every OGC resource and carried into every link. GDAL's OAPIF driver and QGIS append the query
 * string of the landing page URL to every request they make, so {@code
 * OAPIF:http://host/ogc?indicator=tpmap:target_poor_rate&year=2561} reaches the items with its
 * values only if the landing page, the conformance page, the collections and each collection accept
 * them and pass them on.
 *
 * <p>On resources without a level they are validated as far as they can be (the indicator exists,
 * the year is a valid survey year, a parent is a known 2- or 4-digit area, the numbers are in
 * range, the property names exist); items validate them fully for their level.
 *
 * @param values the vendor parameters given, in request order
 */
record VendorParams(Map<String, String> values) {
  static final List<String> NAMES =
      List.of("indicator", "year", "parent", "properties", "zoom", "tolerance", "precision");

  static final VendorParams NONE = new VendorParams(Map.of());

  /** Checks the query of a resource that takes {@code own} parameters plus the vendor ones. */
  static VendorParams parse(Context ctx, Dataset d, Set<String> own) {
    Set<String> known = new HashSet<>(own);
    known.addAll(NAMES);
    onlyKnown(ctx, known);
    VendorParams v = of(ctx);
    validate(v.values, d);
    return v;
  }

  /**
   * Rejects unknown parameters, naming them, like {@link Params#onlyKnown}, but takes a parameter
   * repeated with the same value: GDAL and QGIS append the landing page's query string to links
   * that already carry it ({@code ?indicator=x&f=json&indicator=x}). Different values are a 400.
   */
  static void onlyKnown(Context ctx, Set<String> known) {
    String query = ctx.queryString();
    if (query != null) {
      try {
        java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(
            "malformed query string (a '%' must start an escape such as %3A): " + query);
      }
    }
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      String name = e.getKey();
      if (!known.contains(name)) {
        throw ApiException.badRequest(
            "unknown parameter '"
                + name
                + "'; this endpoint accepts "
                + new java.util.TreeSet<>(known));
      }
      if (new HashSet<>(e.getValue()).size() > 1) {
        throw ApiException.badRequest(
            "parameter '"
                + name
                + "' is given "
                + e.getValue().size()
                + " times with different values; give it once");
      }
    }
  }

  /** The vendor parameters of a request that an items query has already validated. */
  static VendorParams of(Context ctx) {
    Map<String, String> v = new LinkedHashMap<>();
    ctx.queryParamMap()
        .forEach(
            (k, vs) -> {
              if (NAMES.contains(k)) {
                v.put(k, vs.isEmpty() ? "" : vs.get(0));
              }
            });
    return new VendorParams(v);
  }

  private static void validate(Map<String, String> v, Dataset d) {
    String parent = v.get("parent");
    if (parent != null && !parent.isBlank()) {
      // subdistrict is the level below every valid parent (2 or 4 digits)
      String p = Params.parent(parent, AdminLevel.SUBDISTRICT);
      if (d.boundaries().area(p).isEmpty()) {
        throw ApiException.notFound("unknown parent area '" + p + "'");
      }
    }
    // Selection checks indicator, year and their pairing as for a level; at the province level
    // every indicator and year of the catalogue is defined.
    Selection s = Selection.parse(d, AdminLevel.PROVINCE, null, v.get("indicator"), v.get("year"));
    if (v.get("properties") != null) {
      ItemsQuery.properties(v.get("properties"), s);
    }
    if (v.get("zoom") != null && v.get("tolerance") != null) {
      throw ApiException.badRequest("give parameter 'zoom' or 'tolerance', not both");
    }
    if (v.get("zoom") != null) {
      ItemsQuery.integer(
          v.get("zoom"), "zoom", 0, 0, org.phaenthi.server.export.Simplifications.MAX_ZOOM);
    }
    if (v.get("tolerance") != null) {
      ItemsQuery.tolerance(v.get("tolerance"));
    }
    if (v.get("precision") != null) {
      ItemsQuery.integer(
          v.get("precision"), "precision", ItemsQuery.DEFAULT_DECIMALS, 0, ItemsQuery.MAX_DECIMALS);
    }
  }

  /** {@code url} with these parameters and {@code f} appended. */
  String link(String url, String f) {
    return OgcUrls.with(url, values, f);
  }

  /** {@code url} with these parameters only (for links to resources without {@code f}). */
  String link(String url) {
    if (values.isEmpty()) {
      return url;
    }
    StringBuilder b = new StringBuilder(url);
    char sep = url.indexOf('?') < 0 ? '?' : '&';
    for (var e : values.entrySet()) {
      b.append(sep).append(OgcUrls.enc(e.getKey())).append('=').append(OgcUrls.enc(e.getValue()));
      sep = '&';
    }
    return b.toString();
  }

  /**
   * The parameters a download of {@code level} takes: {@code indicator}, {@code year}, and {@code
   * parent} when it is above the level.
   */
  VendorParams forExport(AdminLevel level) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String k : List.of("indicator", "year", "parent")) {
      String x = values.get(k);
      if (x != null && !(k.equals("parent") && x.trim().length() >= level.codeLength())) {
        q.put(k, x);
      }
    }
    return new VendorParams(q);
  }
}
