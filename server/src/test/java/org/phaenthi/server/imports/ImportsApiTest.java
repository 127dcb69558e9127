package org.phaenthi.server.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * The import-jobs API over HTTP against a real embedded store with the Phuket fixture: upload →
 * ready with a report → publish → the served values change (summed up to district and province); a
 * report with errors cannot be published (409) and is downloadable; a cancelled job changes
 * nothing; an upload over the limit is 413; no token 401; bad parameters 400 naming them.
 */
class ImportsApiTest {
  static final String TOKEN = "imports-secret";
  static final String GOOD =
      "code,rate_eligible,rate_failing\n830101,200,30\n830102,100,0\n830201,50,5\n";

  @TempDir Path dir;
  private TestServers.OnStore on;
  private EmbeddedStore store;
  private PhaenthiServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    on =
        TestServers.onStore(
            dir, TestServers.dataset(), "--admin-token", TOKEN, "--upload-limit-mb", "1");
    store = on.store();
    server = on.server();
  }

  @AfterEach
  void stop() {
    on.close();
  }

  @Test
  void uploadValidatePublishChangesTheServedValues() throws Exception {
    HttpResponse<byte[]> r =
        upload("rates.csv", GOOD.getBytes(StandardCharsets.UTF_8), "&year=2561&indicator_set=test");
    assertEquals(202, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    JsonNode job = json(r);
    assertTrue(r.headers().firstValue("Location").orElse("").endsWith(job.get("id").asText()));
    job = waitFor(job.get("id").asText(), "ready");
    assertEquals("wide", job.get("format").asText());
    assertEquals("subdistrict", job.get("options").get("level").asText());
    assertEquals(0, job.get("report").get("errors").asInt(), job.toString());
    assertEquals(
        "test:rate", job.get("mapping").get("indicators").get(0).get("indicator").asText());
    assertEquals("830101", job.get("preview").get("rows").get(0).get(0).asText());
    assertTrue(job.get("publishable").asBoolean());
    long before = store.publications().size();

    JsonNode published =
        json(
            send(
                "POST",
                "/admin/api/imports/" + job.get("id").asText() + "/publish",
                "{\"note\":\"Phuket 2561\"}"));
    published = waitFor(published.get("id").asText(), "published");
    assertEquals(before + 1, store.publications().size());
    assertEquals(store.current().get().id(), published.get("publication").asLong());
    assertTrue(store.current().get().note().startsWith("Phuket 2561"));

    JsonNode values = get("/api/values?level=subdistrict&indicator=test:rate&year=2561");
    JsonNode a = find(values, "830101");
    // test:rate is a fail rate (higher is not better): failing over eligible, as uploaded
    assertEquals(30.0, a.get("numerator").asDouble());
    assertEquals(200.0, a.get("denominator").asDouble());
    assertEquals(15.0, a.get("value").asDouble(), 1e-9);
    // 830151 (no polygon) was in the old data of province 83: replaced by the upload, so absent
    JsonNode district =
        find(get("/api/values?level=district&indicator=test:rate&year=2561"), "8301");
    assertEquals(30.0, district.get("numerator").asDouble());
    assertEquals(300.0, district.get("denominator").asDouble());
    JsonNode province = find(get("/api/values?level=province&indicator=test:rate&year=2561"), "83");
    assertEquals(35.0, province.get("numerator").asDouble());
    assertEquals(350.0, province.get("denominator").asDouble());
    // other indicators keep their values
    assertEquals(
        72.0,
        find(get("/api/values?level=province&indicator=tpmap:households_surveyed&year=2561"), "83")
            .get("numerator")
            .asDouble());
  }

  @Test
  void aReportWithErrorsCannotBePublishedAndIsDownloadable() throws Exception {
    String bad =
        "code,rate_eligible,rate_failing\n830101,200,300\n839999,10,1\n830102,abc,1\n830101,5,1\n";
    JsonNode job =
        json(
            upload(
                "bad.csv", bad.getBytes(StandardCharsets.UTF_8), "&year=2561&indicator_set=test"));
    job = waitFor(job.get("id").asText(), "ready");
    JsonNode report = job.get("report");
    assertEquals(4, report.get("errors").asInt(), report.toString());
    JsonNode byKind = report.get("by_kind");
    assertEquals(1, byKind.get("numerator_exceeds_denominator").asInt());
    assertEquals(1, byKind.get("unknown_code").asInt());
    assertEquals(1, byKind.get("not_a_number").asInt());
    assertEquals(1, byKind.get("duplicate_row").asInt());
    assertEquals(3, report.get("issues").get(1).get("row").asInt());
    assertTrue(report.get("issues").get(1).get("suggestions").size() > 0);
    HttpResponse<byte[]> pub =
        send("POST", "/admin/api/imports/" + job.get("id").asText() + "/publish", "{}");
    assertEquals(409, pub.statusCode());
    assertEquals(409, json(pub).get("status").asInt());
    HttpResponse<byte[]> csv =
        send("GET", "/admin/api/imports/" + job.get("id").asText() + "/report.csv", null);
    assertEquals(200, csv.statusCode());
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertTrue(text.contains("numerator_exceeds_denominator"), text);
    assertTrue(text.contains("แถว 2"), text);
    HttpResponse<byte[]> xlsx =
        send("GET", "/admin/api/imports/" + job.get("id").asText() + "/report.xlsx", null);
    assertEquals(200, xlsx.statusCode());
    assertEquals('P', (char) xlsx.body()[0]);
    assertEquals(1, store.publications().size(), "nothing published");
  }

  @Test
  void aCancelledJobChangesNothingServed() throws Exception {
    String version = server.live().snapshot().version();
    JsonNode job =
        json(
            upload(
                "rates.csv",
                GOOD.getBytes(StandardCharsets.UTF_8),
                "&year=2561&indicator_set=test"));
    waitFor(job.get("id").asText(), "ready");
    JsonNode cancelled = json(send("DELETE", "/admin/api/imports/" + job.get("id").asText(), null));
    assertEquals("cancelled", cancelled.get("phase").asText());
    assertEquals(
        409,
        send("POST", "/admin/api/imports/" + job.get("id").asText() + "/publish", "{}")
            .statusCode());
    assertEquals(version, server.live().snapshot().version());
    assertEquals(1, store.publications().size());
  }

  @Test
  void limitsRightsAndBadParameters() throws Exception {
    byte[] big = new byte[(1 << 20) + 10];
    java.util.Arrays.fill(big, (byte) 'x');
    HttpResponse<byte[]> tooBig = upload("big.csv", big, "");
    assertEquals(413, tooBig.statusCode());
    assertTrue(json(tooBig).get("message").asText().contains("1 MB"));
    HttpResponse<byte[]> noToken =
        client.send(
            HttpRequest.newBuilder(uri("/admin/api/imports")).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(401, noToken.statusCode());
    HttpResponse<byte[]> badFormat =
        upload("a.csv", GOOD.getBytes(StandardCharsets.UTF_8), "&format=pdf");
    assertEquals(400, badFormat.statusCode());
    assertTrue(json(badFormat).get("message").asText().contains("'format'"));
    assertEquals(
        400, upload("a.csv", GOOD.getBytes(StandardCharsets.UTF_8), "&year=2018").statusCode());
    assertEquals(
        400, upload("a.csv", GOOD.getBytes(StandardCharsets.UTF_8), "&colour=red").statusCode());
    assertEquals(404, send("GET", "/admin/api/imports/nope", null).statusCode());
    // not a table: one clear sentence on the job, never a stack trace
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
    JsonNode failed = waitFor(json(upload("map.png", png, "")).get("id").asText(), "failed");
    assertTrue(
        failed.get("error").get("message").asText().contains("not a table"), failed.toString());
    JsonNode damaged =
        waitFor(
            json(upload("x.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "")).get("id").asText(),
            "failed");
    assertTrue(damaged.get("error").get("message").asText().contains("XLSX"), damaged.toString());
  }

  @Test
  void aMappingChangeRevalidates() throws Exception {
    // the columns are named so nothing is detected as an indicator; the mapping says which they are
    String file = "code,a,b\n830101,200,30\n";
    JsonNode job =
        json(upload("m.csv", file.getBytes(StandardCharsets.UTF_8), "&year=2561&format=wide"));
    String id = job.get("id").asText();
    job = waitFor(id, "ready");
    assertTrue(job.get("report").get("errors").asInt() > 0);
    JsonNode changed =
        json(
            send(
                "PUT",
                "/admin/api/imports/" + id,
                "{\"mapping\":{\"code\":0,\"indicators\":[{\"indicator\":\"test:rate\",\"denominator\":1,\"numerator\":2}]}}"));
    assertNotNull(changed.get("phase"));
    job = waitFor(id, "ready");
    assertEquals(0, job.get("report").get("errors").asInt(), job.get("report").toString());
    assertEquals(
        400, send("PUT", "/admin/api/imports/" + id, "{\"mapping\":{\"code\":-1}}").statusCode());
  }

  @Test
  void multipartUploadWithAFieldFile() throws Exception {
    String boundary = "----phaenthi" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"rates.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + GOOD
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(uri("/admin/api/imports?year=2561&indicator_set=test"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(202, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    JsonNode job = waitFor(json(r).get("id").asText(), "ready");
    assertEquals("rates.csv", job.get("file").get("name").asText());
    assertEquals(0, job.get("report").get("errors").asInt());
    assertEquals(3, job.get("rows").asInt());
  }

  // ---------------------------------------------------------------- helpers

  private JsonNode waitFor(String id, String phase) throws Exception {
    JsonNode j = null;
    for (int i = 0; i < 200; i++) {
      j = json(send("GET", "/admin/api/imports/" + id, null));
      if (j.get("phase").asText().equals(phase)) {
        return j;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job never reached " + phase + ": " + j);
  }

  private HttpResponse<byte[]> upload(String name, byte[] body, String params)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri("/admin/api/imports?filename=" + name + params))
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> send(String method, String path, String json)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    return json(
        client.send(
            HttpRequest.newBuilder(uri(path)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray()));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
    return Json.MAPPER.readTree(r.body());
  }

  private static JsonNode find(JsonNode values, String code) {
    for (JsonNode v : values.get("values")) {
      if (v.get("code").asText().equals(code)) {
        return v;
      }
    }
    throw new AssertionError("no " + code + " in " + values);
  }
}
