package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.phaenthi.server.http.PublicUrls;

/**
 * Absolute URLs for links: {@code --public-url}, else the request's scheme and host as Jetty
 * resolved them (a trusted proxy's {@code X-Forwarded-*} included), so the links QGIS follows point
 * back at the address it used and never at one a client made up (see {@link PublicUrls}).
 */
final class OgcUrls {
  static final String ROOT = "/ogc";

  private OgcUrls() {}

  static String base(Context ctx) {
    return PublicUrls.of(ctx);
  }

  static String ogc(Context ctx) {
    return base(ctx) + ROOT;
  }

  /** The request's query parameters, first value each, in request order. */
  static Map<String, String> query(Context ctx) {
    Map<String, String> q = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> q.put(k, v.isEmpty() ? "" : v.get(0)));
    return q;
  }

  /** {@code url?k=v&...} with {@code f} replaced by the given format. */
  static String with(String url, Map<String, String> query, String f) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.remove("f");
    q.put("f", f);
    StringBuilder b = new StringBuilder(url);
    char sep = '?';
    for (var e : q.entrySet()) {
      b.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
      sep = '&';
    }
    return b.toString();
  }

  /** The self link (JSON) and its alternate (HTML), or the reverse for an HTML page. */
  static List<Link> selfAndAlternate(
      String url, Map<String, String> query, OgcFormat format, String jsonType, String title) {
    Link json = new Link(with(url, query, "json"), "self", jsonType, title + " as JSON");
    Link html =
        new Link(with(url, query, "html"), "alternate", OgcFormat.HTML_TYPE, title + " as HTML");
    if (format == OgcFormat.HTML) {
      json = new Link(json.href(), "alternate", json.type(), json.title());
      html = new Link(html.href(), "self", html.type(), html.title());
    }
    return List.of(json, html);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
