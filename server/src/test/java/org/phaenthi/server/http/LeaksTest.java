package org.phaenthi.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/** /health names no store path; /metrics is for this machine, a token or its own port. */
class LeaksTest {
  @TempDir Path tmp;

  @Test
  void healthNamesTheKindOfStoreNotItsPath() {
    try (PhaenthiServer server = TestServers.start(TestServers.dataset(), tmp)) {
      HttpResponse<byte[]> h = new HttpTestClient(server.port()).get("/health");
      String body = new String(h.body(), StandardCharsets.UTF_8);
      assertEquals(200, h.statusCode());
      assertTrue(body.contains("\"store\":\"embedded\""), body);
      assertFalse(body.contains(tmp.toString()), body);
      assertFalse(body.contains(".mv.db"), body);
    }
  }

  @Test
  void metricsAnswerLoopbackAndTokenBearersButNotForwardedClients() {
    try (PhaenthiServer server =
        TestServers.start(
            TestServers.dataset(),
            tmp,
            "--trusted-proxies",
            "127.0.0.1",
            "--metrics-token",
            "m-secret")) {
      HttpTestClient http = new HttpTestClient(server.port());
      assertEquals(200, http.get("/metrics").statusCode(), "loopback");
      // a public client behind the (trusted) proxy on this machine
      HttpResponse<byte[]> outside = http.get("/metrics", "X-Forwarded-For", "203.0.113.9");
      assertEquals(404, outside.statusCode());
      assertFalse(new String(outside.body(), StandardCharsets.UTF_8).contains("jvm_"));
      assertEquals(
          404,
          http.get("/metrics", "X-Forwarded-For", "203.0.113.9", "Authorization", "Bearer no")
              .statusCode());
      HttpResponse<byte[]> bearer =
          http.get(
              "/metrics", "X-Forwarded-For", "203.0.113.9", "Authorization", "Bearer m-secret");
      assertEquals(200, bearer.statusCode());
      assertTrue(new String(bearer.body(), StandardCharsets.UTF_8).contains("jvm_"));
    }
  }

  @Test
  void aMetricsPortServesOnlyMetricsAndTheMainPortNone() throws Exception {
    int free;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      free = s.getLocalPort();
    }
    try (PhaenthiServer server =
        TestServers.start(TestServers.dataset(), tmp, "--metrics-port", String.valueOf(free))) {
      assertEquals(free, server.metricsPort());
      HttpTestClient main = new HttpTestClient(server.port());
      HttpTestClient metrics = new HttpTestClient(server.metricsPort());
      assertEquals(404, main.get("/metrics").statusCode());
      assertEquals(200, main.get("/api/levels").statusCode());
      HttpResponse<byte[]> m = metrics.get("/metrics");
      assertEquals(200, m.statusCode());
      assertTrue(new String(m.body(), StandardCharsets.UTF_8).contains("jvm_"));
      assertEquals(404, metrics.get("/api/levels").statusCode());
      assertEquals(404, metrics.get("/").statusCode());
    }
  }
}
