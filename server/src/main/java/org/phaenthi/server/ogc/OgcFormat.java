package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.util.Locale;
import org.phaenthi.server.ApiException;

/**
 * The two encodings of every OGC resource. {@code f=json|html} wins; otherwise the {@code Accept}
 * header with q-values (browsers ask for text/html first); otherwise JSON.
 */
public enum OgcFormat {
  JSON,
  HTML;

  public static final String GEOJSON = "application/geo+json";
  public static final String JSON_TYPE = "application/json";
  public static final String HTML_TYPE = "text/html";
  public static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

  public static OgcFormat of(Context ctx) {
    // negotiated on Accept and compressed: caches must key on both
    org.phaenthi.server.http.Vary.add(ctx, "Accept");
    org.phaenthi.server.http.Vary.add(ctx, "Accept-Encoding");
    String f = ctx.queryParam("f");
    if (f != null) {
      return switch (f.trim().toLowerCase(Locale.ROOT)) {
        case "json", "geojson" -> JSON;
        case "html" -> HTML;
        default ->
            throw ApiException.badRequest(
                "parameter 'f' must be 'json' or 'html', not '" + f + "'");
      };
    }
    return fromAccept(ctx.header("Accept"));
  }

  /** The best of JSON and HTML for an Accept header; JSON when neither is named. */
  static OgcFormat fromAccept(String accept) {
    if (accept == null || accept.isBlank()) {
      return JSON;
    }
    double json = -1;
    double html = -1;
    for (String part : accept.split(",")) {
      String[] bits = part.trim().split(";");
      String type = bits[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < bits.length; i++) {
        String b = bits[i].trim();
        if (b.startsWith("q=")) {
          try {
            q = Double.parseDouble(b.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (type.equals(HTML_TYPE) || type.equals("application/xhtml+xml")) {
        html = Math.max(html, q);
      } else if (type.equals(GEOJSON)
          || type.equals(JSON_TYPE)
          || type.equals("application/vnd.oai.openapi+json")
          || type.equals("application/*")) {
        json = Math.max(json, q);
      }
    }
    return html > json && html > 0 ? HTML : JSON;
  }
}
