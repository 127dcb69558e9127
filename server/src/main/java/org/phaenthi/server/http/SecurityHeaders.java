package org.phaenthi.server.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts the security headers on every response, whichever handler writes it (Javalin, the tile fast
 * path, CORS preflights): {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy} and a
 * Content-Security-Policy that allows scripts only from this server (the web app has no inline
 * script) and no framing, except {@code /embed}, which the configured ancestors may frame.
 *
 * <p>Styles come only from this server too ({@code style-src 'self'}, no {@code 'unsafe-inline'}):
 * the web app sets colours through CSSOM ({@code element.style.background = …}, which CSP allows)
 * and never writes {@code style="…"} attributes, and the OGC HTML pages link {@code /ogc/style.css}
 * instead of carrying a {@code <style>} element. {@code CspIT} holds every page to it.
 */
public final class SecurityHeaders extends Handler.Wrapper {
  static final String EMBED_PATH = "/embed";
  private static final HttpField NOSNIFF =
      new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
  private static final HttpField REFERRER =
      new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin");
  private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/?#]+)");

  private final HttpField pageCsp;
  private final HttpField embedCsp;

  /**
   * @param embedAncestors CSP sources that may frame {@code /embed} ({@code *} or origins)
   * @param baseMapUrl the optional raster base map the web app loads images from, or null
   */
  public SecurityHeaders(List<String> embedAncestors, String baseMapUrl) {
    String policy = policy(baseMapUrl);
    this.pageCsp =
        new PreEncodedHttpField("Content-Security-Policy", policy + "; frame-ancestors 'none'");
    this.embedCsp =
        new PreEncodedHttpField(
            "Content-Security-Policy",
            policy + "; frame-ancestors " + String.join(" ", embedAncestors));
  }

  static String policy(String baseMapUrl) {
    String images = "'self' data: blob:";
    if (baseMapUrl != null) {
      Matcher m = ORIGIN.matcher(baseMapUrl.replaceAll("\\{[^}]*\\}", "*"));
      if (m.find()) {
        images += " " + m.group(1);
      }
    }
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src "
        + images
        + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
        + " form-action 'self'";
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpFields.Mutable h = response.getHeaders();
    h.put(NOSNIFF);
    h.put(REFERRER);
    h.put(csp(request.getHttpURI().getPath()));
    return super.handle(request, response, callback);
  }

  /**
   * Adds the headers to a response that has none of them yet, for a handler that answers ahead of
   * this one ({@code TileFastPath}): {@code add}, not {@code put}, as there is nothing to replace.
   */
  public void addTo(HttpFields.Mutable h, String path) {
    h.add(NOSNIFF);
    h.add(REFERRER);
    h.add(csp(path));
  }

  private HttpField csp(String path) {
    return EMBED_PATH.equals(path) ? embedCsp : pageCsp;
  }
}
