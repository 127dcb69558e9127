package org.phaenthi.server.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.phaenthi.server.Json;

/**
 * Jetty's own errors — a request it cannot parse (400), a URI or header over its limits (414, 431),
 * a request no handler took — in the API's {@code {"status", "message"}} shape instead of Jetty's
 * HTML page, and without stack traces or the request echoed back.
 */
public final class JsonErrorHandler extends ErrorHandler {
  private static final String JSON = "application/json; charset=utf-8";

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    // an unexpected exception's text is for the log, not the client
    String reason = cause != null && code >= 500 ? null : message;
    response.write(true, ByteBuffer.wrap(body(code, reason)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, JSON);
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    return ByteBuffer.wrap(body(status, reason));
  }

  static byte[] body(int code, String reason) {
    return Json.bytes(Json.obj("status", code, "message", message(code, reason)));
  }

  /**
   * A sentence for the client: what was wrong with the request, in Jetty's words when it has some.
   */
  static String message(int code, String reason) {
    String what =
        switch (code) {
          case 400 -> "bad request";
          case 408 -> "the request took too long to arrive";
          case 414 -> "the request URI is too long";
          case 431 -> "the request headers are too large";
          default -> {
            String r = HttpStatus.getMessage(code);
            yield r == null ? "error " + code : r.toLowerCase(java.util.Locale.ROOT);
          }
        };
    if (reason == null
        || reason.isBlank()
        || reason.equalsIgnoreCase(what)
        || reason.equalsIgnoreCase(HttpStatus.getMessage(code))) {
      return what;
    }
    String r = reason.length() > 200 ? reason.substring(0, 200) + "…" : reason;
    return what + ": " + r;
  }
}
