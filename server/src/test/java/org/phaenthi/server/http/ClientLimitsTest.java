package org.phaenthi.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * Slow and greedy clients: a header trickled in is cut off after the header timeout, a client at
 * its share of connections gets a new one in place of its oldest idle one (or, every one busy, a
 * 503 with {@code Retry-After}), and Jetty's own refusals are JSON.
 */
class ClientLimitsTest {
  @TempDir static Path tmp;
  static PhaenthiServer server;

  @BeforeAll
  static void start() {
    server =
        TestServers.start(
            TestServers.dataset(),
            tmp,
            "--header-timeout",
            "1",
            "--max-connections-per-client",
            "4");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aHeaderSentAByteAtATimeIsCutOffAfterTheHeaderTimeout() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      long t0 = System.nanoTime();
      Raw.write(s, "GET /api/levels HTTP/1.1\r\nHost: x\r\n");
      boolean closed = false;
      // one byte every 200 ms keeps Jetty's idle timeout (30 s) from ever firing
      for (int i = 0; i < 40 && !closed; i++) {
        try {
          Raw.write(s, "X");
        } catch (java.io.IOException e) {
          closed = true;
          break;
        }
        closed = Raw.closedWithin(s, 200);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(closed, "still open after " + seconds + " s");
      assertTrue(seconds < 4, "closed only after " + seconds + " s");
      assertTrue(server.closedSlowHeaders() >= 1);
    }
    // a normal request on a fresh connection is unaffected
    String ok =
        Raw.exchange(
            server.port(), "GET /api/levels HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
  }

  @Test
  void aKeptAliveConnectionAtRestIsNotCutButItsNextSlowHeaderIs() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      Raw.write(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
      String first = readResponse(s);
      assertTrue(first.startsWith("HTTP/1.1 200"), first);
      // at rest for twice the header timeout: Jetty's idle timeout (30 s) governs it, not ours
      assertFalse(Raw.closedWithin(s, 2_500), "an idle kept-alive connection was cut");
      Raw.write(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
      assertTrue(readResponse(s).startsWith("HTTP/1.1 200"), "second request on it answered");
      // the next header trickles in: cut within the bound
      long t0 = System.nanoTime();
      Raw.write(s, "GET /api/levels HTTP/1.1\r\n");
      boolean closed = false;
      for (int i = 0; i < 40 && !closed; i++) {
        try {
          Raw.write(s, "X");
        } catch (java.io.IOException e) {
          closed = true;
          break;
        }
        closed = Raw.closedWithin(s, 200);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(closed, "still open after " + seconds + " s");
      assertTrue(seconds < 4, "closed only after " + seconds + " s");
    }
  }

  /** Sends {@code GET /ok} on a kept-alive connection and requires a 200. */
  private static void assertOk(Socket s, String what) throws java.io.IOException {
    Raw.write(s, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
    String answer = readResponse(s);
    assertTrue(answer.startsWith("HTTP/1.1 200"), what + ": " + answer);
  }

  /** Reads one response with a Content-Length body from a kept-alive connection. */
  private static String readResponse(Socket s) throws java.io.IOException {
    s.setSoTimeout(10_000);
    java.io.InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return head.toString();
      }
      head.append((char) b);
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
    in.readNBytes(length);
    return head.toString();
  }

  @Test
  void aClientAtItsBoundGetsItsNewConnectionAndItsOldestIdleOneIsClosed() throws Exception {
    // the server's own wiring (listener on the connector, handler outermost), at a bound of 4
    long closedBefore = server.closedIdleConnections();
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        sockets.add(s);
        Raw.write(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(readResponse(s).startsWith("HTTP/1.1 200"), "connection " + (i + 1));
        Thread.sleep(30); // each idle for a different time
      }
      assertTrue(Raw.closedWithin(sockets.get(0), 2_000), "the oldest idle one is closed");
      for (int i = 1; i < 5; i++) {
        assertFalse(Raw.closedWithin(sockets.get(i), 50), "connection " + (i + 1) + " is kept");
      }
      assertEquals(closedBefore + 1, server.closedIdleConnections());
      String metrics =
          Raw.exchange(
              server.port(), "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertTrue(
          metrics.contains("phaenthi_http_connections_idle_closed_total")
              && metrics.contains("phaenthi_http_connections_refused_total"),
          metrics);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  @Test
  void jettysOwnRefusalsAreJsonErrors() throws Exception {
    String longUri = "/api/levels?x=" + "a".repeat(20_000);
    String bigHeader = "X-Big: " + "b".repeat(20_000) + "\r\n";
    String[][] cases = {
      {"GET " + longUri + " HTTP/1.1\r\nHost: x\r\n\r\n", "414"},
      {"GET /api/levels HTTP/1.1\r\nHost: x\r\n" + bigHeader + "\r\n", "431"},
      {"GET /api/levels HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "400"},
      {"GARBAGE\r\n\r\n", "400"},
      {"GET /api/levels HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "400"},
    };
    for (String[] c : cases) {
      String answer = Raw.exchange(server.port(), c[0]);
      assertTrue(answer.startsWith("HTTP/1.1 " + c[1]), answer);
      assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
      JsonNode body = Json.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertEquals(Integer.parseInt(c[1]), body.get("status").asInt(), answer);
      assertFalse(body.get("message").asText().isBlank());
      assertFalse(answer.contains("<html"), answer);
    }
  }

  /**
   * The per-client bound at its default (64) on a bare Jetty server with {@link ClientLimits} as
   * {@link PhaenthiServer} wires it, and a handler whose {@code /slow} blocks until released: the
   * only way to hold 64 requests in flight at once.
   */
  @Nested
  class AtTheDefaultBound {
    static final int BOUND = 64;
    Server jetty;
    ClientLimits limits;
    int port;
    final CountDownLatch release = new CountDownLatch(1);
    final Semaphore entered = new Semaphore(0);

    @BeforeEach
    void startJetty() throws Exception {
      jetty = new Server();
      ServerConnector connector = new ServerConnector(jetty);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      limits = new ClientLimits(10, BOUND, a -> false);
      connector.addBean(limits);
      jetty.addConnector(connector);
      Handler.Wrapper outer = limits.handler();
      outer.setHandler(
          new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback)
                throws Exception {
              if (Request.getPathInContext(request).equals("/slow")) {
                entered.release();
                release.await(30, TimeUnit.SECONDS);
              }
              response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
              Content.Sink.write(response, true, "ok", callback);
              return true;
            }
          });
      jetty.setHandler(outer);
      jetty.start();
      port = connector.getLocalPort();
    }

    @AfterEach
    void stopJetty() throws Exception {
      release.countDown();
      jetty.stop();
    }

    private Socket connect(String from) throws java.io.IOException {
      return new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0);
    }

    private void closeAll(List<Socket> sockets) throws java.io.IOException {
      for (Socket s : sockets) {
        s.close();
      }
    }

    /** {@code n} connections from {@code from}, each with one request answered, kept alive. */
    private List<Socket> idle(String from, int n) throws Exception {
      List<Socket> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Socket s = connect(from);
        out.add(s);
        assertOk(s, "connection " + (i + 1));
        if (i == 0) {
          Thread.sleep(50); // the first is idle longest by a clear margin
        }
      }
      return out;
    }

    /** {@code n} connections from {@code from}, each with a request held in the handler. */
    private List<Socket> busy(String from, int n) throws Exception {
      List<Socket> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Socket s = connect(from);
        out.add(s);
        Raw.write(s, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      }
      assertTrue(entered.tryAcquire(n, 20, TimeUnit.SECONDS), "requests in flight");
      return out;
    }

    @Test
    void the65thIdleKeptAliveConnectionIsServedAndTheOldestIdleOneIsClosed() throws Exception {
      List<Socket> sockets = idle("127.0.0.1", BOUND);
      try {
        Socket extra = connect("127.0.0.1");
        sockets.add(extra);
        assertOk(extra, "the 65th is served");
        assertTrue(Raw.closedWithin(sockets.get(0), 2_000), "the oldest idle one is closed");
        for (int i = 1; i < BOUND; i++) {
          assertFalse(Raw.closedWithin(sockets.get(i), 20), "connection " + (i + 1) + " kept");
        }
        // the next oldest is still usable
        assertOk(sockets.get(1), "the next oldest");
        assertEquals(1, limits.closedIdle());
        assertEquals(0, limits.refusedConnections());
      } finally {
        closeAll(sockets);
      }
    }

    @Test
    void the65thConnectionWhileAll64AreBusyIsAnswered503WithJsonAndRetryAfter() throws Exception {
      List<Socket> sockets = busy("127.0.0.1", BOUND);
      try {
        Socket extra = connect("127.0.0.1");
        extra.setSoTimeout(10_000);
        Raw.write(extra, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
        String answer = new String(extra.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        extra.close();
        assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertTrue(head.contains("retry-after: " + ClientLimits.RETRY_AFTER_SECONDS), head);
        assertTrue(head.contains("connection: close"), head);
        assertTrue(head.contains("content-type: application/json"), head);
        JsonNode body = Json.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals(503, body.get("status").asInt());
        assertEquals(ClientLimits.REFUSED_EN, body.get("message").asText());
        assertEquals(ClientLimits.REFUSED_TH, body.get("message_th").asText());
        assertTrue(body.get("message_th").asText().contains("การเชื่อมต่อ"));
        assertEquals(1, limits.refusedConnections());
        assertEquals(0, limits.closedIdle(), "no busy connection was closed");
        // the 64 busy ones finish normally
        release.countDown();
        for (Socket s : sockets) {
          assertTrue(readResponse(s).startsWith("HTTP/1.1 200"));
        }
        // and, idle now, one of them gives way to a new connection
        Socket after = connect("127.0.0.1");
        sockets.add(after);
        assertOk(after, "a new connection once they are idle");
        assertEquals(1, limits.closedIdle());
      } finally {
        closeAll(sockets);
      }
    }

    @Test
    void anotherClientIsUnaffectedByOneAtItsBound() throws Exception {
      List<Socket> busy = busy("127.0.0.1", BOUND);
      List<Socket> other = new ArrayList<>();
      try {
        // 127.0.0.2 is another address of loopback: another client
        other.addAll(idle("127.0.0.2", 3));
        for (Socket s : other) {
          assertOk(s, "the other client");
        }
        assertEquals(0, limits.refusedConnections());
        assertEquals(0, limits.closedIdle());
        for (Socket s : busy) {
          assertFalse(Raw.closedWithin(s, 20), "the first client's connections are kept");
        }
        release.countDown();
        for (Socket s : busy) {
          assertTrue(readResponse(s).startsWith("HTTP/1.1 200"));
        }
      } finally {
        closeAll(busy);
        closeAll(other);
      }
    }
  }
}
