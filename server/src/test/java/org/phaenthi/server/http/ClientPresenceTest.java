package org.phaenthi.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A handler busy building sees its client close the connection, and a client that waits stays. */
class ClientPresenceTest {
  private Javalin app;
  private final AtomicBoolean sawGone = new AtomicBoolean();
  private final CountDownLatch handling = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);

  @BeforeEach
  void start() {
    app =
        Javalin.create(
                c ->
                    c.routes.get(
                        "/build",
                        ctx -> {
                          ClientPresence client = ClientPresence.of(ctx);
                          handling.countDown();
                          long until = System.nanoTime() + 1_500_000_000L;
                          while (System.nanoTime() < until) {
                            if (client.getAsBoolean()) {
                              sawGone.set(true);
                              break;
                            }
                            Thread.sleep(10);
                          }
                          done.countDown();
                          ctx.result(sawGone.get() ? "gone" : "built");
                        }))
            .start(InetAddress.getLoopbackAddress().getHostAddress(), 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private Socket request() throws Exception {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), app.port());
    OutputStream o = s.getOutputStream();
    o.write("GET /build HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    o.flush();
    return s;
  }

  @Test
  void aClosedConnectionIsSeenWhileBuilding() throws Exception {
    Socket s = request();
    assertTrue(handling.await(5, TimeUnit.SECONDS));
    long t0 = System.nanoTime();
    s.close();
    assertTrue(done.await(5, TimeUnit.SECONDS));
    assertTrue(sawGone.get(), "the build saw its client go");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 1000, "seen within " + ms + " ms");
  }

  @Test
  void aWaitingClientIsNotGone() throws Exception {
    try (Socket s = request()) {
      InputStream in = s.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 200", head);
      assertFalse(sawGone.get());
    }
  }
}
