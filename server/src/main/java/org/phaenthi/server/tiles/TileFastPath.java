package org.phaenthi.server.tiles;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.phaenthi.server.AcceptEncoding;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.http.HeadAsGet;
import org.phaenthi.server.http.PublicCors;
import org.phaenthi.server.http.SecurityHeaders;
import org.phaenthi.server.http.VersionedUrls;

/**
 * Serves tiles that are already cached straight from Jetty, ahead of Javalin: a plain {@code GET}
 * or {@code HEAD} of {@code /tiles/{level}/{z}/{x}/{y}.mvt[?indicator=&year=][&v=]} without an
 * {@code Origin} header whose tile is in the {@link TileCache} — and, for a client that does not
 * accept gzip, whose uncompressed bytes are in the cache's second tier — is answered here with
 * exactly the headers and bytes the handlers behind it would send (200, 204 or 304). Everything
 * else — a miss (of either tier), a bad request, an unknown parameter, a request needing CORS
 * headers, any other path — goes on to them unchanged ({@link HeadAsGet}, {@link SecurityHeaders},
 * {@link PublicCors}, then Javalin), so errors, rendering, unzipping and CORS stay in one place.
 *
 * <p>Why: a cached tile is the most frequent request by far. Javalin's servlet path (servlet
 * request wrappers, session handler, routing, before-handlers) and the hand-off of every request
 * from Jetty's selector to a pool thread cost more CPU than the rest of the request together. This
 * handler is declared non-blocking, so Jetty calls it on the selector thread: a cached tile is
 * written there without a thread hand-off, and every other request is handed to the thread pool
 * here, where Javalin may block as before. It sits in front of the header wrappers (right inside
 * {@code ClientLimits}) and adds what they would ({@link SecurityHeaders#addTo}, {@link
 * PublicCors#VARY_ORIGIN}): going through three more wrappers, each replacing headers with {@code
 * put}, cost a measurable part of a cached tile. See BENCHMARKS.md, "Cached tiles".
 */
public final class TileFastPath extends Handler.Wrapper {
  /** Receives one access-log line per request answered here. */
  @FunctionalInterface
  public interface RequestLog {
    void log(String method, String path, int status, float ms, String cache);
  }

  private static final String PREFIX = "/tiles/";
  private static final HttpField CONTENT_TYPE =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, TileHandler.MVT_TYPE);
  private static final HttpField GZIP =
      new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
  private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
  private static final HttpField IMMUTABLE =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, VersionedUrls.IMMUTABLE);
  private static final HttpField REVALIDATE =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, VersionedUrls.REVALIDATE);

  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final TileCache cache;
  private final HttpField cacheControl;
  private final BooleanSupplier enabled;
  private final RequestLog log;
  private final BiConsumer<HttpFields.Mutable, String> securityHeaders;
  private final LongAdder answered = new LongAdder();

  /**
   * @param enabled checked per request; false sends every request on to Javalin (tests compare both
   *     paths with it)
   * @param log null when the access log is off
   */
  public TileFastPath(
      LiveData live,
      TileCache cache,
      String cacheControl,
      BooleanSupplier enabled,
      RequestLog log,
      SecurityHeaders security) {
    this.live = live::snapshot;
    this.securityHeaders = security::addTo;
    this.cache = cache;
    this.cacheControl = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl);
    this.enabled = enabled;
    this.log = log;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    String method = request.getMethod();
    if (path == null
        || !path.startsWith(PREFIX)
        || !(HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method))
        || !enabled.getAsBoolean()) {
      return delegate(request, response, callback);
    }
    HttpFields headers = request.getHeaders();
    if (headers.contains(HttpHeader.ORIGIN)) {
      return delegate(request, response, callback);
    }
    String[] version = new String[1];
    TileKey key = key(path, request, version);
    CachedTile tile = key == null ? null : cache.peek(key);
    if (tile == null) {
      return delegate(request, response, callback);
    }
    int status;
    TileBytes body;
    boolean gzip = false;
    if (TileHandler.matches(headers.get(HttpHeader.IF_NONE_MATCH), tile.etag())) {
      status = 304;
      body = null;
    } else if (tile.isEmpty()) {
      status = 204;
      body = null;
    } else {
      status = 200;
      gzip = AcceptEncoding.gzip(headers.get(HttpHeader.ACCEPT_ENCODING));
      body = gzip ? tile.gzip() : cache.peekIdentity(key, tile);
      if (body == null) {
        return delegate(request, response, callback); // Javalin unzips it once, into the tier
      }
    }
    // the response has no headers yet: add, in the order the handlers behind this one would
    HttpFields.Mutable out = response.getHeaders();
    securityHeaders.accept(out, path);
    out.add(PublicCors.VARY_ORIGIN);
    out.add(tile.etagHeader());
    // as VersionedUrls.cacheControl decides for TileHandler, without building a string
    out.add(
        version[0] == null
            ? cacheControl
            : version[0].equals(key.dataVersion()) ? IMMUTABLE : REVALIDATE);
    out.add(VARY); // after Vary: Origin, as TileHandler adds it
    if (body != null) {
      out.add(CONTENT_TYPE);
      if (gzip) {
        out.add(GZIP);
      }
      out.add(body.contentLength());
    }
    response.setStatus(status);
    cache.countHit();
    answered.increment();
    response.write(true, body == null ? BufferUtil.EMPTY_BUFFER : body.buffer(), callback);
    if (log != null) {
      log.log(
          method, // the client's: a HEAD is answered here as a HEAD
          path,
          status,
          (System.nanoTime() - request.getBeginNanoTime()) / 1e6f,
          "hit");
    }
    return true;
  }

  /**
   * Answers from memory without blocking, so Jetty may call it on the selector thread without a
   * thread hand-off; every request it does not answer is handed to the thread pool for Javalin.
   */
  @Override
  public InvocationType getInvocationType() {
    return InvocationType.NON_BLOCKING;
  }

  private boolean delegate(Request request, Response response, Callback callback) {
    Handler next = getHandler();
    if (next == null) {
      return false;
    }
    Runnable javalin =
        () -> {
          try {
            if (!next.handle(request, response, callback)) {
              Response.writeError(request, response, callback, 404);
            }
          } catch (Throwable t) {
            Response.writeError(request, response, callback, t);
          }
        };
    try {
      getServer().getThreadPool().execute(javalin);
    } catch (RejectedExecutionException e) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      Response.writeError(request, response, callback, 503, "the server is overloaded; retry");
    }
    return true;
  }

  /** How many requests were answered here (not by Javalin) since the start. */
  public long answered() {
    return answered.sum();
  }

  /**
   * The cache key of this request, or null when Javalin should answer it; puts the request's {@code
   * v} (a well-formed one, else null is returned) into {@code version[0]}.
   */
  private TileKey key(String path, Request request, String[] version) {
    // /tiles/{level}/{z}/{x}/{y}.mvt: exactly four segments after the prefix
    int a = path.indexOf('/', PREFIX.length());
    int b = a < 0 ? -1 : path.indexOf('/', a + 1);
    int c = b < 0 ? -1 : path.indexOf('/', b + 1);
    if (c < 0 || path.indexOf('/', c + 1) >= 0) {
      return null;
    }
    String indicator = null;
    String year = null;
    String query = request.getHttpURI().getQuery();
    if (query != null) {
      // only indicator=…&year=…&v=…, each once; anything else is Javalin's to answer or reject
      for (String part : query.split("&", -1)) {
        int eq = part.indexOf('=');
        String value;
        try {
          value = eq < 0 ? null : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
        String name = eq < 0 ? part : part.substring(0, eq);
        if (value == null) {
          return null;
        } else if (name.equals("indicator") && indicator == null) {
          indicator = value;
        } else if (name.equals("year") && year == null) {
          year = value;
        } else if (name.equals(VersionedUrls.PARAM)
            && version[0] == null
            && VersionedUrls.isToken(value)) {
          version[0] = value;
        } else {
          return null;
        }
      }
    }
    try {
      return TileHandler.parse(
          live.get(),
          path.substring(PREFIX.length(), a),
          path.substring(a + 1, b),
          path.substring(b + 1, c),
          path.substring(c + 1),
          indicator,
          year);
    } catch (ApiException e) {
      return null; // Javalin answers it with the error
    }
  }
}
