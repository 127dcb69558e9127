package org.phaenthi.server.http;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Hands a {@code HEAD} request to the handlers as the {@code GET} it asks about, so it gets the
 * GET's status and headers (a 404 for an unknown level, the tile's ETag, the export's type) rather
 * than Javalin's blanket 200 {@code text/plain}; Jetty's HTTP layer knows the request was a HEAD
 * and sends no body. The request keeps an attribute saying it was a HEAD, so the access log writes
 * the method the client sent ({@link #method(Request)}).
 */
public final class HeadAsGet extends Handler.Wrapper {
  /** Request attribute set on a HEAD that is handled as its GET. */
  public static final String WAS_HEAD = "org.phaenthi.server.http.wasHead";

  /** The method as the client sent it: HEAD for a HEAD answered as its GET. */
  public static String method(Request request) {
    return request.getAttribute(WAS_HEAD) != null
        ? HttpMethod.HEAD.asString()
        : request.getMethod();
  }

  /** The same for a servlet request (Javalin's context): the attribute is shared. */
  public static String method(jakarta.servlet.http.HttpServletRequest request) {
    return request.getAttribute(WAS_HEAD) != null
        ? HttpMethod.HEAD.asString()
        : request.getMethod();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.HEAD.is(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    request.setAttribute(WAS_HEAD, Boolean.TRUE);
    Request asGet =
        new Request.Wrapper(request) {
          @Override
          public String getMethod() {
            return HttpMethod.GET.asString();
          }
        };
    return super.handle(asGet, response, callback);
  }
}
