package org.phaenthi.server.export;

import io.javalin.http.Context;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Whether the client of a request that is waiting for a download (nothing written yet) is still
 * connected, as an {@link ExportSpool.Waiter}.
 *
 * <p>Jetty does not notice a client that closes its connection while a handler works and neither
 * reads nor writes: for a request without a body, its HTTP/1.1 connection asks for no more input
 * until the response is done, so no failure listener or {@code Connection.Listener#onClosed} fires
 * (we checked Jetty 12's {@code HttpConnection}: it leaves the fill interest off while the handler
 * runs). So the waiter asks the connection's public {@link EndPoint#fill}, a non-blocking read, at
 * most every {@link #PROBE_NANOS}: end of input ({@code -1}) or a failed read means the client has
 * gone. A client that sends bytes instead is pipelining its next request; those bytes are then
 * consumed, so the response is sent with {@code Connection: close} (see {@link
 * #closeIfInputTaken()}) and the client, as HTTP/1.1 requires of pipelining clients, re-sends the
 * unanswered request on a new connection. A request without a reachable end point never counts as
 * gone.
 */
public final class ClientPresence implements ExportSpool.Waiter {
  /** How often the connection is asked (a read system call each time). */
  static final long PROBE_NANOS = 200_000_000L;

  private final EndPoint endPoint;
  private long lastProbe;
  private boolean gone;
  private boolean inputTaken;

  private ClientPresence(EndPoint endPoint) {
    this.endPoint = endPoint;
  }

  /** The presence of the client of {@code ctx}. */
  public static ClientPresence of(Context ctx) {
    EndPoint endPoint = null;
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    if (request != null && request.getConnectionMetaData().getConnection() != null) {
      endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    }
    return new ClientPresence(endPoint);
  }

  @Override
  public synchronized boolean gone() {
    if (gone || inputTaken || endPoint == null) {
      return gone;
    }
    long now = System.nanoTime();
    if (lastProbe != 0 && now - lastProbe < PROBE_NANOS) {
      return false;
    }
    lastProbe = now;
    if (!endPoint.isOpen()) {
      gone = true;
      return true;
    }
    try {
      // Jetty's buffers are in flush mode: an empty one has limit 0 (BufferUtil, not allocate)
      int n = endPoint.fill(BufferUtil.allocate(1));
      if (n < 0) {
        gone = true;
      } else if (n > 0) {
        inputTaken = true; // a pipelined request: the client is there; stop asking
      }
    } catch (IOException e) {
      gone = true;
    }
    return gone;
  }

  /**
   * Marks the response {@code Connection: close} when a probe consumed input of the client's next
   * request. Call before the response is committed.
   */
  public synchronized void closeIfInputTaken(Context ctx) {
    if (inputTaken) {
      ctx.header("Connection", "close");
    }
  }

  /** Ends the exchange of a client that has gone: the connection is closed, nothing answered. */
  public static void abandon(Context ctx, Throwable cause) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    if (request != null) {
      request.getServletChannel().abort(cause);
    }
  }
}
