package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A download that fails after its first bytes were sent is aborted (a truncated transfer the client
 * notices), never finished with a JSON error appended to the partial file; one that fails before
 * still gets the JSON error. Uses the server's own error mapping ({@link PhaenthiServer#errors}).
 */
class CommittedFailureTest {
  static final int SENT = 256 * 1024; // beyond Jetty's response buffer: committed

  static Javalin app;

  @BeforeAll
  static void start() {
    app =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.routes.get(
                  "/fails-mid-way",
                  ctx -> partThenThrow(ctx, new IllegalStateException("disk full")));
              c.routes.get(
                  "/refused-mid-way",
                  ctx -> partThenThrow(ctx, ApiException.badRequest("parameter 'x' went bad")));
              c.routes.get(
                  "/fails-at-once",
                  ctx -> {
                    throw new IllegalStateException("before any byte");
                  });
              PhaenthiServer.errors(c.routes);
            });
    app.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
  }

  private static void partThenThrow(Context ctx, RuntimeException e) throws IOException {
    ctx.contentType("text/csv");
    OutputStream out = ctx.outputStream();
    byte[] row = "830101,10.0,100.0\r\n".getBytes(StandardCharsets.US_ASCII);
    for (int n = 0; n < SENT; n += row.length) {
      out.write(row);
    }
    out.flush();
    throw e;
  }

  @Test
  void aFailureAfterTheFirstBytesAbortsTheTransfer() throws Exception {
    for (String path : new String[] {"/fails-mid-way", "/refused-mid-way"}) {
      String answer = exchange(path);
      assertTrue(answer.startsWith("HTTP/1.1 200"), path + ": " + answer.substring(0, 40));
      assertTrue(answer.toLowerCase().contains("transfer-encoding: chunked"), path);
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      assertTrue(body.length() > SENT / 2, path + ": the part sent arrived, " + body.length());
      assertFalse(body.contains("\"status\""), path + ": a JSON error was appended to the file");
      assertFalse(body.contains("internal error"), path);
      assertFalse(body.contains("went bad"), path);
      // no final zero-length chunk: the client knows the transfer is incomplete
      assertFalse(body.endsWith("\r\n0\r\n\r\n"), path + ": the chunked body ended normally");
    }
  }

  @Test
  void aFailureBeforeAnyByteIsStillAJsonError() throws Exception {
    String answer = exchange("/fails-at-once");
    assertTrue(answer.startsWith("still open after HTTP/1.1 500"), answer);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertTrue(body.contains("\"status\":500"), body);
    assertTrue(body.contains("internal error"), body);
    assertEquals(-1, body.indexOf("before any byte"), "the exception text stays in the log");
  }

  /**
   * A keep-alive GET (so the body is chunked and its end is marked), read until the server closes
   * the connection; {@code null} when it keeps it open, as after a normally finished response.
   */
  private static String exchange(String path) throws IOException {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(3_000);
      s.getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[65536];
      try {
        for (int n; (n = s.getInputStream().read(buf)) >= 0; ) {
          got.write(buf, 0, n);
        }
      } catch (SocketTimeoutException stillOpen) {
        return "still open after " + got.toString(StandardCharsets.UTF_8);
      } catch (SocketException reset) {
        // an abort may reset the connection: what arrived is what the client has
      }
      return got.toString(StandardCharsets.UTF_8);
    }
  }
}
