package org.phaenthi.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.boundaries.store.Store;
import org.phaenthi.server.Config;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.PhaenthiServer;

/** The admin import and the store gate on one node over the embedded store. */
class AdminImportHandlerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path tmp;

  @Test
  void adminImportNeedsTheTokenAndSwapsToTheNewVersion() throws Exception {
    Path data1 = ClusterTestData.dataDir(tmp, "data1", false);
    Path data2 = ClusterTestData.dataDir(tmp, "data2", true);
    try (Node n = Node.start(tmp, data1, "--admin-token", "tok-123")) {
      String v1 = n.http.json("/health").get("data_version").asText();
      assertEquals(401, post(n, "/admin/import", null).statusCode());
      assertEquals(401, post(n, "/admin/import", "Bearer nope").statusCode());
      assertEquals(
          400,
          post(n, "/admin/import?data=" + tmp.resolve("missing"), "Bearer tok-123").statusCode());
      HttpResponse<String> r = post(n, "/admin/import?data=" + data2, "Bearer tok-123");
      assertEquals(200, r.statusCode(), r.body());
      JsonNode body = Json.MAPPER.readTree(r.body());
      assertEquals("imported", body.get("status").asText());
      assertEquals(v1, body.get("previous_version").asText());
      String v2 = body.get("data_version").asText();
      assertNotEquals(v1, v2);
      assertEquals(v2, n.http.json("/health").get("data_version").asText());
      assertEquals(Optional.of(v2), n.store.dataVersion());
      r = post(n, "/admin/import?data=" + data2, "Bearer tok-123");
      assertEquals("unchanged", Json.MAPPER.readTree(r.body()).get("status").asText());
    }
  }

  @Test
  void anImportRunningOnAnotherNodeIs409AndNothingChanges() throws Exception {
    Path data1 = ClusterTestData.dataDir(tmp, "data1", false);
    Path data2 = ClusterTestData.dataDir(tmp, "data2", true);
    try (Node n = Node.start(tmp, data1, "--admin-token", "tok-123")) {
      String v1 = n.http.json("/health").get("data_version").asText();
      n.store.importElsewhere = true;
      HttpResponse<String> r = post(n, "/admin/import?data=" + data2, "Bearer tok-123");
      assertEquals(409, r.statusCode(), r.body());
      assertEquals(true, r.body().contains("another node"), r.body());
      assertEquals(v1, n.http.json("/health").get("data_version").asText());
      n.store.importElsewhere = false;
      assertEquals(200, post(n, "/admin/import?data=" + data2, "Bearer tok-123").statusCode());
    }
  }

  @Test
  void adminImportIsNotFoundWithoutAToken() throws Exception {
    try (Node n = Node.start(tmp, ClusterTestData.dataDir(tmp, "data1", false))) {
      HttpResponse<String> r = post(n, "/admin/import", "Bearer anything");
      assertEquals(404, r.statusCode());
      assertEquals(404, Json.MAPPER.readTree(r.body()).get("status").asInt());
    }
  }

  @Test
  void unreachableStoreGives503ForDataAndDegradedHealth() throws Exception {
    try (Node n = Node.start(tmp, ClusterTestData.dataDir(tmp, "data1", false))) {
      assertEquals(200, n.http.get("/api/levels").statusCode());
      n.store.up = false;
      HttpResponse<byte[]> meta = n.http.get("/api/levels");
      assertEquals(503, meta.statusCode());
      JsonNode err = Json.MAPPER.readTree(meta.body());
      assertEquals(503, err.get("status").asInt());
      assertEquals(true, err.get("message").asText().contains("store is unreachable"));
      assertEquals(true, err.get("message_th").asText().startsWith("ติดต่อที่เก็บข้อมูลไม่ได้"));
      HttpResponse<byte[]> health = n.http.get("/health");
      assertEquals(503, health.statusCode());
      assertEquals(
          true,
          Json.MAPPER
              .readTree(health.body())
              .get("message_th")
              .asText()
              .startsWith("ติดต่อที่เก็บข้อมูลไม่ได้"));
      String degraded = new String(health.body(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(false, degraded.contains(tmp.toString()), "no store path: " + degraded);
      assertEquals("degraded", Json.MAPPER.readTree(health.body()).get("status").asText());
      n.store.up = true;
      assertEquals(200, n.http.get("/api/levels").statusCode());
      assertEquals("ok", n.http.json("/health").get("status").asText());
    }
  }

  @Test
  void aFailedWriteIsOneSentenceNotTheSqlBatch() throws Exception {
    Path data1 = ClusterTestData.dataDir(tmp, "data1", false);
    Path data2 = ClusterTestData.dataDir(tmp, "data2", true);
    try (Node n = Node.start(tmp, data1, "--admin-token", "tok-123")) {
      // what PostgisStore's codec throws when PostgreSQL refuses a batch: the driver's message
      // quotes the batch's statement with all its values
      String batch =
          "INSERT INTO phaenthi_value (version, level, code, payload) VALUES "
              + "('v2', 'subdistrict', '830101', 'xxxxxxxx'), ".repeat(20_000);
      java.sql.BatchUpdateException driver =
          new java.sql.BatchUpdateException(
              "Batch entry 0 "
                  + batch
                  + " was aborted: ERROR: could not extend file: No space left on device"
                  + "  Call getNextException to see other errors in the batch.",
              new int[0]);
      driver.setNextException(
          new java.sql.SQLException(
              "ERROR: could not extend file \"base/16384/16397\": No space left on device\n"
                  + "  Hint: Check free disk space."));
      n.store.failure =
          new IllegalStateException(
              "import failed and was rolled back; the previous data is intact: "
                  + driver.getMessage(),
              driver);
      HttpResponse<String> r = post(n, "/admin/import?data=" + data2, "Bearer tok-123");
      assertEquals(503, r.statusCode());
      assertEquals(true, r.body().length() < 1_000, r.body().length() + " bytes");
      String message = Json.MAPPER.readTree(r.body()).get("message").asText();
      assertEquals(false, message.contains("INSERT"), message);
      assertEquals(true, message.contains("No space left on device"), message);
      assertEquals(true, message.startsWith("import failed, nothing changed"), message);
    }
  }

  private static HttpResponse<String> post(Node n, String path, String auth) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.server.port() + path))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An embedded store whose reachability the test switches. */
  static final class SwitchableStore implements Store {
    final Store inner;
    volatile boolean up = true;

    SwitchableStore(Store inner) {
      this.inner = inner;
    }

    @Override
    public Optional<org.phaenthi.boundaries.catalog.Publication> current() {
      return inner.current();
    }

    @Override
    public java.util.List<org.phaenthi.boundaries.catalog.Publication> publications() {
      return inner.publications();
    }

    /** When set, {@link #replace} fails with it (as a store refusing the write would). */
    volatile RuntimeException failure;

    volatile boolean importElsewhere;

    @Override
    public Optional<Store.ImportClaim> tryClaimImport() {
      return importElsewhere ? Optional.empty() : inner.tryClaimImport();
    }

    @Override
    public Dataset load(long id) {
      return inner.load(id);
    }

    @Override
    public org.phaenthi.boundaries.catalog.Publication publish(
        org.phaenthi.boundaries.catalog.Draft draft, Long republishOf) {
      if (failure != null) {
        throw failure;
      }
      return inner.publish(draft, republishOf);
    }

    @Override
    public Optional<org.phaenthi.boundaries.catalog.BoundarySet> boundarySet(String id) {
      return inner.boundarySet(id);
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public void onNewVersion(Consumer<String> listener) {
      inner.onNewVersion(listener);
    }

    @Override
    public boolean available() {
      return up;
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /** One node over an embedded store in {@code dir}. */
  record Node(PhaenthiServer server, SwitchableStore store, HttpTestClient http)
      implements AutoCloseable {
    static Node start(Path dir, Path data, String... extra) {
      String[] base = {
        "--port",
        "0",
        "--host",
        "127.0.0.1",
        "--store",
        dir.resolve("store").toString(),
        "--data",
        data.toString(),
        "--boundaries",
        ClusterTestData.boundariesOption(data)
      };
      String[] args = new String[base.length + extra.length];
      System.arraycopy(base, 0, args, 0, base.length);
      System.arraycopy(extra, 0, args, base.length, extra.length);
      Config config = Config.read(args, Map.of());
      SwitchableStore store = new SwitchableStore(new EmbeddedStore(dir.resolve("store")));
      Dataset ds = DataBootstrap.prepare(config, store);
      PhaenthiServer server = new PhaenthiServer(config, new LiveData(ds), store).start();
      return new Node(server, store, new HttpTestClient(server.port()));
    }

    @Override
    public void close() {
      server.close();
      store.close();
    }
  }
}
