package org.phaenthi.server.http;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * What to do when a handler fails after its response has started: the status line and the first
 * bytes are on the wire, so a JSON error can no longer replace them, and appending one would hand
 * the client a file that ends in an error message and looks complete (a chunked body would even end
 * properly). The connection is aborted instead: the client sees a truncated transfer (no final
 * chunk, or fewer bytes than {@code Content-Length}) and knows the download failed.
 */
public final class CommittedResponses {
  private CommittedResponses() {}

  /**
   * Aborts the response if it is committed.
   *
   * @return true when it was (nothing more may be written), false when an error may still be sent
   */
  public static boolean abortIfCommitted(Context ctx, Throwable cause) {
    if (!ctx.res().isCommitted()) {
      return false;
    }
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    if (request != null) {
      request.getServletChannel().abort(cause);
    }
    return true;
  }
}
