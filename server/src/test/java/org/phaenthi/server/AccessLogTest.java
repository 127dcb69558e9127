package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogTest {
  @Test
  void aLineHasMethodPathStatusTimeAndCache() {
    assertEquals(
        " INFO phaenthi.access - GET /tiles/province/6/50/30.mvt 200 0.4ms cache=hit",
        AccessLog.line("GET", "/tiles/province/6/50/30.mvt", 200, 0.36f, "hit"));
    assertEquals(
        " INFO phaenthi.access - POST /admin/import 202 1234.5ms",
        AccessLog.line("POST", "/admin/import", 202, 1234.46f, null));
    assertTrue(AccessLog.line("GET", "/", 200, 0f, null).endsWith(" 200 0.0ms"));
  }

  @Test
  void everyLineFromManyThreadsIsWrittenWholeAndNoneIsLost() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AccessLog log = new AccessLog(out, true);
    int threads = 8;
    int perThread = AccessLog.BACKLOG / 2; // 4× the backlog in all: some lines written directly
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  log.log("GET", "/t/" + id + "/" + i, 200, 1f, "hit");
                }
              });
      ts.add(th);
      th.start();
    }
    for (Thread th : ts) {
      th.join();
    }
    log.close();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(threads * perThread, lines.length);
    Set<String> paths = new HashSet<>();
    for (String line : lines) {
      assertTrue(
          line.matches(
              "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO phaenthi\\.access - GET /t/\\d+/\\d+ 200 1\\.0ms cache=hit"),
          line);
      paths.add(line.split(" ")[5]);
      long apart =
          Duration.between(LocalTime.parse(line.substring(0, 12)), LocalTime.now())
              .abs()
              .toSeconds();
      assertTrue(apart < 60 || apart > 86_340, "local time of the request: " + line);
    }
    assertEquals(threads * perThread, paths.size(), "each line exactly once");
  }

  @Test
  void offWritesNothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AccessLog log = new AccessLog(out, false);
    log.log("GET", "/", 200, 1f, null);
    log.close();
    assertEquals(0, out.size());
  }

  /**
   * A HEAD is handled as its GET (HeadAsGet) but logged as the HEAD it was, by Javalin's request
   * logger and by the tile fast path alike; a GET is still a GET.
   */
  @Test
  void headRequestsAreLoggedAsHead(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream before = System.err;
    // the server's access log writes to System.err as it is when the server is made
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String tile = "/tiles/province/6/49/30.mvt?indicator=test:rate&year=2561";
    try (PhaenthiServer server = TestServers.start(TestServers.dataset(), tmp)) {
      HttpTestClient http = new HttpTestClient(server.port());
      assertEquals(200, http.send("HEAD", "/api/levels").statusCode());
      assertEquals(200, http.get("/api/levels").statusCode());
      assertEquals(404, http.send("HEAD", "/api/values?level=foo").statusCode());
      assertEquals(200, http.get(tile).statusCode()); // rendered by Javalin, now cached
      assertEquals(200, http.send("HEAD", tile).statusCode()); // answered by the fast path
      assertTrue(server.tileFastPathAnswered() >= 1, "the fast path answered the HEAD");
    } finally {
      System.setErr(before);
    }
    String log = err.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("phaenthi.access - HEAD /api/levels 200 "), log);
    assertTrue(log.contains("phaenthi.access - GET /api/levels 200 "), log);
    assertTrue(log.contains("phaenthi.access - HEAD /api/values 404 "), log);
    assertTrue(log.contains("phaenthi.access - GET /tiles/province/6/49/30.mvt 200 "), log);
    assertTrue(
        log.matches(
            "(?s).*phaenthi\\.access - HEAD /tiles/province/6/49/30\\.mvt 200 \\S+ cache=hit.*"),
        log);
  }
}
