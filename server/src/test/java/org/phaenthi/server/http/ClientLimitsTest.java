package org.phaenthi.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * Slow and greedy clients: a header trickled in is cut off after the header timeout, a client
 * cannot open more than its share of connections, and Jetty's own refusals are JSON.
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
  void aClientCannotHoldMoreThanItsConnections() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        sockets.add(new Socket("127.0.0.1", server.port()));
      }
      Thread.sleep(300);
      int closed = 0;
      for (Socket s : sockets) {
        if (Raw.closedWithin(s, 300)) {
          closed++;
        }
      }
      assertEquals(2, closed, "connections 5 and 6 of one client are closed");
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
    Thread.sleep(200);
    String ok =
        Raw.exchange(
            server.port(), "GET /api/levels HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertTrue(ok.startsWith("HTTP/1.1 200"), "closed connections free their slots: " + ok);
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
}
