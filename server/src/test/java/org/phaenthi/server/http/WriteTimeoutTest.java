package org.phaenthi.server.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * {@code --write-timeout}: a client that asks for a lot and stops reading holds a pool thread in a
 * blocked write only for that long; then the connection is closed and the thread is free. A server
 * with the default (30 s) still holds it at the same moment, so the test bites.
 */
class WriteTimeoutTest {
  /**
   * Pipelined downloads: far more response bytes than the socket buffers on both sides hold. A
   * download streams, so its thread blocks in a write once the buffers are full (a small answer is
   * handed to Jetty whole and written without holding a thread).
   */
  private static final int PIPELINED = 120;

  private static final String REQUEST =
      "GET /api/export/subdistrict.geojson HTTP/1.1\r\nHost: x\r\n\r\n";

  @TempDir Path tmp;

  @Test
  void aClientThatStopsReadingIsCutOffAfterTheWriteTimeoutAndItsThreadFreed() throws Exception {
    try (PhaenthiServer server =
        TestServers.start(TestServers.dataset(), tmp, "--write-timeout", "2")) {
      long oneResponse = oneResponseBytes(server.port());
      try (Socket s = stalledReader(server.port())) {
        long t0 = System.nanoTime();
        awaitHeldThreads(t0, 10);
        // the blocked write gives up after 2 s; allow for scheduling on a busy machine
        long freedAt = awaitNoHeldThreads(t0, 12);
        double seconds = (freedAt - t0) / 1e9;
        assertTrue(seconds >= 1.0, "freed after " + seconds + " s, before the write timeout");
        assertTrue(seconds < 8, "freed only after " + seconds + " s");
        long read = drainUntilClosed(s, 10_000);
        assertTrue(read >= 0, "the server did not close the connection");
        assertTrue(
            read < PIPELINED * oneResponse,
            "read " + read + " bytes, all of " + PIPELINED + " responses: nothing was cut off");
      }
      // the server goes on answering
      String ok =
          Raw.exchange(
              server.port(), "GET /api/levels HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
    }
  }

  @Test
  void withTheDefaultTimeoutTheStalledWriteIsStillHeldAtThatMoment() throws Exception {
    try (PhaenthiServer server = TestServers.start(TestServers.dataset(), tmp)) {
      try (Socket s = stalledReader(server.port())) {
        long t0 = System.nanoTime();
        awaitHeldThreads(t0, 10);
        Thread.sleep(5_000);
        assertTrue(heldThreads() >= 1, "a 30 s write timeout freed the thread within 5 s");
      }
      // closing the socket ends the write at once
      awaitNoHeldThreads(System.nanoTime(), 10);
    }
  }

  /** Connects with a tiny receive window, sends the pipelined requests and reads nothing. */
  private static Socket stalledReader(int port) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096); // before connect, so the window is small from the start
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    Raw.write(s, REQUEST.repeat(PIPELINED));
    return s;
  }

  private static long oneResponseBytes(int port) throws IOException {
    String answer =
        Raw.exchange(port, REQUEST.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));
    assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    return answer.length();
  }

  /**
   * Threads inside Javalin's request handling: pool threads serving a request. Idle pool threads
   * (and Jetty's selectors) have no Javalin frame on their stacks.
   */
  private static long heldThreads() {
    return Thread.getAllStackTraces().values().stream()
        .filter(
            frames ->
                Arrays.stream(frames).anyMatch(f -> f.getClassName().startsWith("io.javalin.")))
        .count();
  }

  private static void awaitHeldThreads(long t0, int seconds) throws InterruptedException {
    while (heldThreads() == 0) {
      assertTrue(
          System.nanoTime() - t0 < seconds * 1_000_000_000L,
          "no thread blocked writing the stalled responses");
      Thread.sleep(20);
    }
  }

  private static long awaitNoHeldThreads(long t0, int seconds) throws InterruptedException {
    while (heldThreads() > 0) {
      assertTrue(
          System.nanoTime() - t0 < seconds * 1_000_000_000L,
          "a pool thread still blocked after " + seconds + " s");
      Thread.sleep(20);
    }
    return System.nanoTime();
  }

  /** Reads what the server sent until it closed the connection; -1 if it did not in time. */
  private static long drainUntilClosed(Socket s, int millis) throws IOException {
    s.setSoTimeout(millis);
    InputStream in = s.getInputStream();
    byte[] buf = new byte[65536];
    long total = 0;
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        total += n;
      }
      return total;
    } catch (SocketTimeoutException e) {
      return -1;
    } catch (IOException reset) {
      return total;
    }
  }

  @Test
  void theStalledRequestsAreLongerThanTheSocketBuffers() throws Exception {
    try (PhaenthiServer server = TestServers.start(TestServers.dataset(), tmp)) {
      long total = PIPELINED * oneResponseBytes(server.port());
      // Linux grows a loopback send buffer to 4 MB at most (net.ipv4.tcp_wmem)
      assertTrue(total > 8L << 20, total + " bytes would fit in the buffers");
    }
  }
}
