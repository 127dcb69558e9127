package org.phaenthi.server.http;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's {@link CrossOriginHandler} on the public read paths only ({@code /api/}, {@code /tiles/},
 * {@code /ogc}): there every response says {@code Vary: Origin}, an allowed origin gets {@code
 * Access-Control-Allow-Origin} (never with credentials), and another origin gets the same answer
 * without it (the browser then withholds it from the page; a cache keeps the two apart). Preflights
 * there are answered here. Everything else — the web app, {@code /health}, {@code /metrics} and
 * above all {@code /admin/} — never answers CORS, so an {@code OPTIONS} there is Javalin's 404 or
 * 405.
 */
public final class PublicCors extends CrossOriginHandler {
  /**
   * What this handler sends on a public path for a request without {@code Origin}: only {@code
   * Vary: Origin} (Jetty's handler adds it for every such request), for a handler that answers
   * ahead of this one ({@code TileFastPath}).
   */
  public static final HttpField VARY_ORIGIN = new PreEncodedHttpField(HttpHeader.VARY, "Origin");

  /**
   * @param origins {@code *} or exact origins ({@code https://province.example})
   */
  public PublicCors(List<String> origins) {
    Set<String> patterns = new LinkedHashSet<>();
    for (String o : origins) {
      patterns.add(o.equals("*") ? "*" : Pattern.quote(o.replaceAll("/+$", "")));
    }
    setAllowedOriginPatterns(patterns);
    setAllowCredentials(false);
    setAllowedMethods(Set.of("GET", "HEAD"));
    setAllowedHeaders(Set.of("If-None-Match"));
    setExposedHeaders(Set.of("ETag", "Content-Disposition", "Retry-After"));
    setPreflightMaxAge(Duration.ofMinutes(10));
  }

  /** Whether CORS applies to this path: the public read API, tiles and OGC API. */
  public static boolean applies(String path) {
    return path != null
        && (path.startsWith("/api/")
            || path.startsWith("/tiles/")
            || path.equals("/ogc")
            || path.startsWith("/ogc/"));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (applies(request.getHttpURI().getPath())) {
      return super.handle(request, response, callback);
    }
    var next = getHandler();
    return next != null && next.handle(request, response, callback);
  }
}
