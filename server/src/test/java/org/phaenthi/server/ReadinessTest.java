package org.phaenthi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.api.ReadyHandler;

/** {@code /health/ready}: 503 with the phase until the start-up is done, then 200; never back. */
class ReadinessTest {
  @TempDir Path tmp;

  @Test
  void phasesOnlyGoForward() {
    Readiness r = new Readiness();
    assertEquals(Readiness.Phase.DECODING_BANDS, r.phase());
    r.advance(Readiness.Phase.READY);
    r.advance(Readiness.Phase.WARMING_UP);
    r.advance(Readiness.Phase.DECODING_BANDS);
    assertEquals(Readiness.Phase.READY, r.phase());
    assertTrue(r.ready());
  }

  @Test
  void notReadyIs503WithRetryAfterAndAMessageInBothLanguagesThen200() throws Exception {
    Readiness r = new Readiness();
    Javalin app = Javalin.create(c -> c.routes.get("/health/ready", new ReadyHandler(r)));
    app.start("127.0.0.1", 0);
    try {
      HttpTestClient http = new HttpTestClient(app.port());
      for (Readiness.Phase p :
          new Readiness.Phase[] {Readiness.Phase.DECODING_BANDS, Readiness.Phase.WARMING_UP}) {
        r.advance(p);
        HttpResponse<byte[]> res = http.get("/health/ready");
        assertEquals(503, res.statusCode(), p.id());
        assertEquals("1", res.headers().firstValue("Retry-After").orElse(""));
        assertEquals("no-store", res.headers().firstValue("Cache-Control").orElse(""));
        JsonNode body = Json.MAPPER.readTree(res.body());
        assertFalse(body.path("ready").asBoolean(true));
        assertEquals(p.id(), body.path("phase").asText());
        assertTrue(body.path("message").asText().startsWith("starting"), body.toString());
        assertTrue(body.path("message_th").asText().contains("กำลังเริ่มระบบ"), body.toString());
      }
      r.advance(Readiness.Phase.READY);
      HttpResponse<byte[]> res = http.get("/health/ready");
      assertEquals(200, res.statusCode());
      JsonNode body = Json.MAPPER.readTree(res.body());
      assertTrue(body.path("ready").asBoolean());
      assertEquals("ready", body.path("phase").asText());
    } finally {
      app.stop();
    }
  }

  /** A started server gets ready by itself (decode, then warm-up) and says so on both routes. */
  @Test
  void aStartedServerBecomesReady() throws Exception {
    try (PhaenthiServer server = TestServers.start(TestServers.dataset(), tmp)) {
      HttpTestClient http = new HttpTestClient(server.port());
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!server.readiness().ready() && System.nanoTime() < deadline) {
        JsonNode h = http.json("/health");
        assertEquals("ok", h.path("status").asText(), "/health is 200 while starting");
        Thread.sleep(20);
      }
      assertTrue(server.readiness().ready(), "ready within 60 s");
      assertEquals(200, http.get("/health/ready").statusCode());
      JsonNode h = http.json("/health");
      assertTrue(h.path("ready").asBoolean(), h.toString());
      assertEquals("ready", h.path("phase").asText());
    }
  }
}
