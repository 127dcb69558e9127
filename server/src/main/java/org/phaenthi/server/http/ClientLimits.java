package org.phaenthi.server.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what one client can hold, as a listener on the connector's connections:
 *
 * <ul>
 *   <li><b>Whole-header time</b>: Jetty's idle timeout restarts with every byte, so a header sent
 *       at one byte a second would stay open for ever; a sweep closes any connection whose current
 *       request header has been arriving for longer than the bound. Only Jetty's public API is
 *       used: a connection is "in a header" when no request of it is being handled ({@link
 *       #handler()}, the outermost handler, counts requests in and out) and it has received bytes
 *       ({@link Connection#getBytesIn()}) since its last request ended; the time is counted from
 *       the first sweep that sees those bytes.
 *   <li><b>Connections per client address</b>: a connection beyond the bound is closed at once.
 *       Trusted proxies are not counted (all their clients share their address).
 * </ul>
 *
 * <p>The response side is bounded by Jetty itself: {@code HttpConfiguration.setIdleTimeout} limits
 * each blocking write, so a reader that stops reading frees its thread after that time.
 */
public final class ClientLimits extends AbstractLifeCycle implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ClientLimits.class);

  private final long headerTimeoutNanos;
  private final int maxPerClient;
  private final Predicate<SocketAddress> exempt;
  private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();

  /**
   * What is known of an open connection: its counted client, its requests being handled, the bytes
   * it had received when the last one ended, when its current header began (0 = none).
   */
  private static final class Tracked {
    final InetAddress client;
    int handling;
    long bytesAtRest;
    long headerSince;

    Tracked(InetAddress client) {
      this.client = client;
    }

    synchronized void begin() {
      handling++;
      headerSince = 0;
    }

    synchronized void end(long bytesIn) {
      handling--;
      bytesAtRest = bytesIn;
      headerSince = 0;
    }

    /** True when the header being received has taken longer than {@code boundNanos}. */
    synchronized boolean headerTooSlow(long bytesIn, long now, long boundNanos) {
      if (handling > 0 || bytesIn <= bytesAtRest) {
        headerSince = 0; // a request is being handled, or the connection is at rest
        return false;
      }
      if (headerSince == 0) {
        headerSince = now;
        return false;
      }
      if (now - headerSince > boundNanos) {
        headerSince = 0;
        return true;
      }
      return false;
    }
  }

  private final Map<Connection, Tracked> open = new ConcurrentHashMap<>();

  private final LongAdder closedSlowHeader = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private ScheduledExecutorService sweeper;

  /**
   * @param headerTimeoutSeconds a request header must arrive whole within this time
   * @param maxPerClient open connections per client address; 0 = unbounded
   * @param exempt addresses not counted (trusted proxies)
   */
  public ClientLimits(int headerTimeoutSeconds, int maxPerClient, Predicate<SocketAddress> exempt) {
    this.headerTimeoutNanos = TimeUnit.SECONDS.toNanos(headerTimeoutSeconds);
    this.maxPerClient = maxPerClient;
    this.exempt = exempt;
  }

  @Override
  protected void doStart() {
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "phaenthi-client-limits");
              t.setDaemon(true);
              return t;
            });
    long periodMs = Math.max(100, TimeUnit.NANOSECONDS.toMillis(headerTimeoutNanos) / 10);
    sweeper.scheduleWithFixedDelay(this::sweep, periodMs, periodMs, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void doStop() {
    sweeper.shutdownNow();
  }

  @Override
  public void onOpened(Connection connection) {
    // the address is kept: a closed end point may no longer know its remote address
    InetAddress client = client(connection.getEndPoint());
    open.put(connection, new Tracked(client));
    if (client != null) {
      int n = perClient.computeIfAbsent(client, k -> new AtomicInteger()).incrementAndGet();
      if (n > maxPerClient) {
        refused.increment();
        LOG.debug("closing connection {} of {} (limit {})", n, client, maxPerClient);
        connection.getEndPoint().close();
      }
    }
  }

  @Override
  public void onClosed(Connection connection) {
    Tracked t = open.remove(connection);
    if (t != null && t.client != null) {
      perClient.computeIfPresent(t.client, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
  }

  /** The counted client address of a connection, or null when it is not counted. */
  private InetAddress client(EndPoint endPoint) {
    if (maxPerClient <= 0) {
      return null;
    }
    SocketAddress remote = endPoint.getRemoteSocketAddress();
    if (!(remote instanceof InetSocketAddress inet) || exempt.test(remote)) {
      return null;
    }
    return inet.getAddress();
  }

  /**
   * The handler to put outermost: it tells the header bound when a request of a connection is being
   * handled (its header is complete) and when it has ended.
   */
  public Handler.Wrapper handler() {
    return new Handler.Wrapper() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        Tracked t = open.get(connection);
        if (t != null) {
          t.begin();
          Request.addCompletionListener(request, failure -> t.end(connection.getBytesIn()));
        }
        return super.handle(request, response, callback);
      }
    };
  }

  /** Closes connections whose request header has taken longer than the bound. */
  void sweep() {
    long now = System.nanoTime();
    for (Map.Entry<Connection, Tracked> e : open.entrySet()) {
      Connection connection = e.getKey();
      if (e.getValue().headerTooSlow(connection.getBytesIn(), now, headerTimeoutNanos)) {
        closedSlowHeader.increment();
        LOG.debug("closing {}: request header not complete in time", connection);
        connection.getEndPoint().close();
      }
    }
  }

  /** Connections closed because their header did not arrive in time. */
  public long closedSlowHeaders() {
    return closedSlowHeader.sum();
  }

  /** Connections closed because their client already had as many as allowed. */
  public long refusedConnections() {
    return refused.sum();
  }
}
