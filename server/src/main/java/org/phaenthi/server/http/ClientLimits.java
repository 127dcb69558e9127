package org.phaenthi.server.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.phaenthi.server.Json;
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
 *   <li><b>Connections per client address</b>, as nginx and HAProxy reuse kept-alive connections: a
 *       client at its bound that opens one more gets it, and its <b>oldest idle</b> connection is
 *       closed instead — idle meaning no request being handled and no bytes since the last one
 *       ended, oldest by Jetty's own {@link IdleTimeout#getIdleFor()} of the end point. Only when
 *       every one of its connections is busy is the new one <b>refused</b>: its request is answered
 *       {@code 503} with {@code Retry-After} and a JSON error (English and Thai) and the connection
 *       closed. A slot that frees before that request arrives admits it after all. Refusals waiting
 *       for their request are bounded too (as many as the bound; beyond that a new connection is
 *       closed at once, unanswered) and wait at most the header timeout. Trusted proxies are not
 *       counted (all their clients share their address).
 * </ul>
 *
 * <p>Both events are counted ({@link #closedIdle()}, {@link #refusedConnections()}) and logged at
 * most once a minute per client.
 *
 * <p>The response side is bounded by Jetty itself: {@code HttpConfiguration.setIdleTimeout} limits
 * each blocking write, so a reader that stops reading frees its thread after that time.
 */
public final class ClientLimits extends AbstractLifeCycle implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(ClientLimits.class);

  private final long headerTimeoutNanos;
  private final int maxPerClient;
  private final Predicate<SocketAddress> exempt;
  private final Map<InetAddress, Client> perClient = new ConcurrentHashMap<>();

  /** What a refused client is told to wait before it tries again. */
  static final int RETRY_AFTER_SECONDS = 2;

  private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private final Map<InetAddress, Long> lastLogged = new ConcurrentHashMap<>();

  /**
   * One client address's connections: those counted against its bound (in the order they were
   * admitted) and those refused that wait for their request to be answered 503. A client with
   * neither is removed from the map; {@code gone} tells a thread that found it just before that to
   * look again.
   */
  private static final class Client {
    final Set<Connection> counted = new LinkedHashSet<>();
    int refusing;
    boolean gone;
  }

  /**
   * What is known of an open connection: its counted client, its requests being handled, the bytes
   * it had received when the last one ended, when its current header began (0 = none).
   */
  private static final class Tracked {
    final InetAddress client;
    int handling;
    long bytesAtRest;
    long headerSince;

    /** Over its client's bound with every other connection busy: its request gets the 503. */
    boolean refused;

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

    /** Idle: no request being handled and nothing received since the last one ended. */
    synchronized boolean atRest(long bytesIn) {
      return handling == 0 && bytesIn <= bytesAtRest;
    }

    synchronized boolean refused() {
      return refused;
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
  private final LongAdder closedIdle = new LongAdder();
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
    Tracked t = new Tracked(client);
    open.put(connection, t);
    if (client == null) {
      return;
    }
    Connection evict = null;
    boolean closeNow = false;
    while (true) {
      Client c = perClient.computeIfAbsent(client, k -> new Client());
      synchronized (c) {
        if (c.gone) {
          continue; // emptied and removed just now: take the new one
        }
        if (c.counted.size() < maxPerClient) {
          c.counted.add(connection);
        } else if ((evict = oldestIdle(c)) != null) {
          c.counted.remove(evict);
          c.counted.add(connection);
        } else if (c.refusing < maxPerClient) {
          c.refusing++;
          synchronized (t) {
            t.refused = true;
          }
        } else {
          closeNow = true;
        }
      }
      break;
    }
    if (evict != null) {
      closedIdle.increment();
      logOnce(
          client,
          "its oldest idle connection was closed to accept a new one"
              + " (phaenthi_http_connections_idle_closed_total)");
      evict.getEndPoint().close();
    } else if (closeNow) {
      refused.increment();
      logOnce(client, "every connection busy and as many refusals pending: closed unanswered");
      connection.getEndPoint().close();
    } else if (t.refused()) {
      // it only waits for its request, to answer it 503: no longer than a header may take
      EndPoint ep = connection.getEndPoint();
      long bound = TimeUnit.NANOSECONDS.toMillis(headerTimeoutNanos);
      if (ep.getIdleTimeout() <= 0 || ep.getIdleTimeout() > bound) {
        ep.setIdleTimeout(bound);
      }
    }
  }

  /**
   * The client's counted connection idle longest ({@link IdleTimeout#getIdleFor()}, Jetty's own
   * clock of the end point's last read or write), or null when every one is busy. Called holding
   * the client's lock.
   */
  private Connection oldestIdle(Client c) {
    Connection best = null;
    long bestIdle = -1;
    for (Connection k : c.counted) {
      Tracked t = open.get(k);
      if (t == null || !t.atRest(k.getBytesIn())) {
        continue;
      }
      long idle =
          k.getEndPoint() instanceof IdleTimeout it
              ? it.getIdleFor()
              : System.currentTimeMillis() - k.getCreatedTimeStamp();
      if (idle > bestIdle) {
        best = k;
        bestIdle = idle;
      }
    }
    return best;
  }

  /**
   * A refused connection's request has arrived: admitted if a slot freed (or an idle connection can
   * give way) since it opened; true when it was.
   */
  private boolean admitLate(Connection connection, Tracked t) {
    Client c = perClient.get(t.client);
    if (c == null) {
      return false; // cannot happen while it is refusing; refuse rather than count it nowhere
    }
    Connection evict = null;
    synchronized (c) {
      if (c.gone) {
        return false;
      }
      if (c.counted.size() >= maxPerClient && (evict = oldestIdle(c)) == null) {
        return false;
      }
      if (evict != null) {
        c.counted.remove(evict);
      }
      c.counted.add(connection);
      c.refusing--;
      synchronized (t) {
        t.refused = false;
      }
    }
    if (evict != null) {
      closedIdle.increment();
      logOnce(t.client, "its oldest idle connection was closed to accept a new one");
      evict.getEndPoint().close();
    }
    return true;
  }

  @Override
  public void onClosed(Connection connection) {
    Tracked t = open.remove(connection);
    if (t == null || t.client == null) {
      return;
    }
    Client c = perClient.get(t.client);
    if (c == null) {
      return;
    }
    synchronized (c) {
      if (t.refused()) {
        c.refusing--;
      } else {
        c.counted.remove(connection);
      }
      if (c.counted.isEmpty() && c.refusing <= 0 && !c.gone) {
        c.gone = true;
        perClient.remove(t.client, c);
      }
    }
  }

  /**
   * Logs an event of a client's bound, at most once a minute per client (the counters count all).
   */
  private void logOnce(InetAddress client, String what) {
    long now = System.nanoTime();
    boolean[] first = {false};
    lastLogged.compute(
        client,
        (k, at) -> {
          if (at == null || now - at >= LOG_EVERY_NANOS) {
            first[0] = true;
            return now;
          }
          return at;
        });
    if (first[0]) {
      LOG.warn(
          "client {} is at its limit of {} connections (--max-connections-per-client): {}; its"
              + " further events this minute are only counted",
          client.getHostAddress(),
          maxPerClient,
          what);
    }
  }

  /** The 503 of a refused connection's request, as JSON; the connection closes after it. */
  private static void refuse(Response response, Callback callback) {
    response.setStatus(503);
    response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(REFUSAL), callback);
  }

  static final String REFUSED_EN =
      "too many connections from your address: every one of them is busy with a request."
          + " Wait for one to finish, or retry after the seconds in Retry-After; reuse kept-alive"
          + " connections rather than opening new ones.";
  static final String REFUSED_TH =
      "มีการเชื่อมต่อจากที่อยู่ของคุณมากเกินไป และทุกการเชื่อมต่อกำลังประมวลผลคำขออยู่"
          + " กรุณารอให้คำขอใดคำขอหนึ่งเสร็จ หรือลองใหม่หลังจากจำนวนวินาทีที่ระบุใน Retry-After"
          + " และควรใช้การเชื่อมต่อเดิมซ้ำแทนการเปิดการเชื่อมต่อใหม่";
  private static final byte[] REFUSAL =
      Json.bytes(Json.obj("status", 503, "message", REFUSED_EN, "message_th", REFUSED_TH));

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
        if (t != null && t.refused() && !admitLate(connection, t)) {
          refused.increment();
          logOnce(t.client, "every connection busy: a new connection answered 503");
          refuse(response, callback);
          return true;
        }
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
    lastLogged.values().removeIf(at -> now - at >= LOG_EVERY_NANOS);
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

  /**
   * New connections of a client at its bound with every connection busy: answered 503 (or, beyond
   * as many pending refusals as the bound, closed unanswered).
   */
  public long refusedConnections() {
    return refused.sum();
  }

  /** Idle connections closed so that their client, at its bound, could open a new one. */
  public long closedIdle() {
    return closedIdle.sum();
  }
}
