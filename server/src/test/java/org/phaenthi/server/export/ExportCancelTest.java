package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.phaenthi.server.http.ClientPresence;

/**
 * A spooled build (GeoPackage, PMTiles) is cancelled once every client waiting for it has gone, and
 * only then: a second waiter keeps it running. Real sockets against a Javalin app whose route waits
 * for a build through {@link ExportSpool} and {@link ClientPresence}, exactly as {@code
 * ExportHandler} does; the build runs until it is cancelled or released.
 */
class ExportCancelTest {
  private Javalin app;
  private ExportSpool spool;
  private final AtomicInteger builds = new AtomicInteger();
  private final AtomicInteger cancelledBuilds = new AtomicInteger();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicBoolean answered = new AtomicBoolean();
  private final CountDownLatch handlerDone = new CountDownLatch(2);

  @BeforeEach
  void start() {
    spool = new ExportSpool(1 << 20);
    ExportSpool.CancellableBuilder slow =
        (file, cancelled) -> {
          builds.incrementAndGet();
          started.countDown();
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
          while (System.nanoTime() < end) {
            if (cancelled.getAsBoolean()) {
              cancelledBuilds.incrementAndGet();
              throw new ExportSpool.Cancelled();
            }
            try {
              if (release.await(20, TimeUnit.MILLISECONDS)) {
                Files.writeString(file, "the download");
                return;
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IOException(e);
            }
          }
          throw new IOException("neither cancelled nor released in 20 s");
        };
    app =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.routes.get(
                  "/slow.gpkg",
                  ctx -> {
                    ClientPresence client = ClientPresence.of(ctx);
                    try {
                      OutputStream out = ctx.outputStream();
                      spool.use(
                          "k",
                          slow,
                          f -> {
                            if (client.closeConnection()) {
                              ctx.header("Connection", "close");
                            }
                            Files.copy(f, out);
                            answered.set(true);
                          },
                          client);
                    } catch (ExportSpool.Cancelled e) {
                      ClientPresence.abandon(ctx, e);
                    } finally {
                      handlerDone.countDown();
                    }
                  });
            });
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    release.countDown();
    app.stop();
    spool.close();
  }

  private Socket ask() throws IOException {
    Socket s = new Socket("127.0.0.1", app.port());
    s.setSoTimeout(15_000);
    s.getOutputStream()
        .write(
            "GET /slow.gpkg HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  @Test
  void theBuildStopsWhenItsOnlyClientLeaves() throws Exception {
    Socket a = ask();
    assertTrue(started.await(10, TimeUnit.SECONDS), "the build started");
    a.close();
    long t0 = System.nanoTime();
    for (int i = 0; i < 150 && cancelledBuilds.get() == 0; i++) {
      Thread.sleep(20);
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertEquals(1, cancelledBuilds.get(), "the build was cancelled (waited " + ms + " ms)");
    assertTrue(ms < 2_000, "cancelled within 2 s of the client leaving: " + ms + " ms");
    // the spool counts the cancel in the handler's thread, just after the builder stopped
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (spool.cancelled() == 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertEquals(1, spool.cancelled());
    assertFalse(spool.ready("k"), "a cancelled build is not kept");
    assertFalse(answered.get());
    try (var files = Files.list(spool.directory())) {
      assertEquals(0, files.count(), "the half-built file is deleted");
    }
    // the next client builds it again and gets it
    release.countDown();
    try (Socket b = ask()) {
      String answer = readAll(b.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
      assertTrue(answer.endsWith("the download"), answer);
    }
    assertEquals(2, builds.get());
  }

  @Test
  void aSecondWaiterKeepsTheBuildRunning() throws Exception {
    Socket a = ask();
    assertTrue(started.await(10, TimeUnit.SECONDS), "the build started");
    try (Socket b = ask()) {
      Thread.sleep(300); // b waits for a's build now
      a.close();
      Thread.sleep(1_000); // several probes of a's connection
      assertEquals(0, cancelledBuilds.get(), "b still waits: the build goes on");
      release.countDown();
      String answer = readAll(b.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
      assertTrue(answer.endsWith("the download"), answer);
    }
    assertTrue(handlerDone.await(10, TimeUnit.SECONDS), "both handlers ended");
    assertEquals(1, builds.get(), "one shared build");
    assertEquals(0, spool.cancelled());
  }

  @Test
  void everyWaiterLeavingCancelsTheSharedBuild() throws Exception {
    Socket a = ask();
    assertTrue(started.await(10, TimeUnit.SECONDS), "the build started");
    Socket b = ask();
    Thread.sleep(300);
    a.close();
    Thread.sleep(600);
    assertEquals(0, cancelledBuilds.get(), "b still waits");
    b.close();
    for (int i = 0; i < 150 && cancelledBuilds.get() == 0; i++) {
      Thread.sleep(20);
    }
    assertEquals(1, cancelledBuilds.get(), "cancelled once the last waiter left");
    assertTrue(handlerDone.await(10, TimeUnit.SECONDS), "both handlers ended");
    assertEquals(1, builds.get(), "b did not start a build of its own");
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    String text = "";
    for (int n; (n = in.read(chunk)) > 0; ) {
      buf.write(chunk, 0, n);
      text = buf.toString(StandardCharsets.UTF_8);
      if (text.endsWith("the download")) {
        break;
      }
    }
    return text;
  }
}
