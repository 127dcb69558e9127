package org.phaenthi.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Whether the client of a request still waits for its answer, asked while the answer is being built
 * (a long download build that nobody will receive should stop). Jetty notices a closed connection
 * only when it reads or writes, and it does neither while a handler runs, so this reads one byte of
 * the connection without blocking: -1 is the client's end of the stream (gone). A byte read (the
 * client pipelined its next request, which browsers and download tools do not) means the client is
 * there; that request is then lost, so the response must close the connection ({@link
 * #closeConnection()}) and the client sends it again. Probes are at most every {@value #PROBE_MS}
 * ms; anything but a plain HTTP/1 connection is never "gone".
 */
public final class ClientPresence implements BooleanSupplier {
  static final long PROBE_MS = 50;

  private final EndPoint endPoint;
  // a lock of its own, not this object's monitor, which every holder of the presence could take
  private final Object probeLock = new Object();
  private volatile boolean gone;
  private volatile boolean sawData;
  private long lastProbeNanos;

  private ClientPresence(EndPoint endPoint) {
    this.endPoint = endPoint;
  }

  /** The presence of the client of {@code ctx}. */
  public static ClientPresence of(Context ctx) {
    try {
      var core = ServletContextRequest.getServletContextRequest(ctx.req());
      var meta = core == null ? null : core.getConnectionMetaData();
      // only a plain HTTP/1 connection is this request's alone (HTTP/2 multiplexes streams on it)
      boolean http1 = meta != null && meta.getHttpVersion().getVersion() < 20;
      var connection = http1 ? meta.getConnection() : null;
      return new ClientPresence(connection == null ? null : connection.getEndPoint());
    } catch (RuntimeException e) {
      return new ClientPresence(null);
    }
  }

  /** True once the client has closed its connection. */
  @Override
  public boolean getAsBoolean() {
    synchronized (probeLock) {
      if (gone || sawData || endPoint == null) {
        return gone;
      }
      long now = System.nanoTime();
      if (now - lastProbeNanos < PROBE_MS * 1_000_000L) {
        return false;
      }
      lastProbeNanos = now;
      if (!endPoint.isOpen()) {
        return gone = true;
      }
      try {
        ByteBuffer one = BufferUtil.allocate(1);
        int n = endPoint.fill(one);
        if (n < 0) {
          gone = true;
        } else if (n > 0) {
          sawData = true;
        }
      } catch (IOException e) {
        gone = true;
      }
      return gone;
    }
  }

  /** True when a probe consumed a byte of a pipelined request: answer with Connection: close. */
  public boolean closeConnection() {
    return sawData;
  }

  /** Ends the exchange of a client that has gone: the connection is closed, nothing answered. */
  public static void abandon(Context ctx, Throwable cause) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    if (request != null) {
      request.getServletChannel().abort(cause);
    }
  }
}
