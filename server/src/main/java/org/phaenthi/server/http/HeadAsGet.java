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
 * and sends no body.
 */
public final class HeadAsGet extends Handler.Wrapper {
  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.HEAD.is(request.getMethod())) {
      return super.handle(request, response, callback);
    }
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
