package org.phaenthi.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.Json;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/**
 * Tokens made on the command line, against a running server on the same embedded store: whoami, 401
 * without a token or with an unknown or revoked one, 403 outside the scope, the bootstrap {@code
 * --admin-token}, admin switched on by the first token, and the audit log kept in the store across
 * a restart.
 */
class AdminTokensTest {
  @TempDir Path dir;
  private final List<PhaenthiServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(PhaenthiServer::close);
  }

  private PhaenthiServer start(String... options) {
    PhaenthiServer s = TestServers.start(TestServers.dataset(), dir, options);
    servers.add(s);
    return s;
  }

  /** Runs {@code admin ARGS --store DIR}; returns [exit code, stdout, stderr]. */
  private String[] cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--store", dir.resolve("store").toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        AdminCli.run(
            all.toArray(String[]::new),
            Map.of(),
            DataBootstrap::openAdminRecords,
            new PrintWriter(out),
            new PrintWriter(err));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  private String create(String name, String scope) {
    String[] r = cli("token", "create", "--name", name, "--scope", scope);
    assertEquals("0", r[0], r[2]);
    return r[1].trim();
  }

  private static HttpResponse<byte[]> get(HttpTestClient c, String path, String token) {
    return token == null ? c.get(path) : c.get(path, "Authorization", "Bearer " + token);
  }

  private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  private static int rollback(HttpTestClient c, String token) {
    return c.send("POST", "/admin/api/publications/1/publish", "Authorization", "Bearer " + token)
        .statusCode();
  }

  /** Polls until the status is the wanted one, for at most 6 s (tokens are re-read every 2 s). */
  private static long waitForStatus(HttpTestClient c, String path, String token, int want)
      throws InterruptedException {
    long t0 = System.nanoTime();
    while (get(c, path, token).statusCode() != want) {
      if (System.nanoTime() - t0 > 6_000_000_000L) {
        HttpResponse<byte[]> last = get(c, path, token);
        throw new AssertionError(
            path
                + " did not answer "
                + want
                + " within 6 s but "
                + last.statusCode()
                + " "
                + new String(last.body()));
      }
      Thread.sleep(100);
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void scopedAndAllTokensFromTheCommandLine() throws Exception {
    String office = create("phitsanulok-office", "65");
    String national = create("national", "all");
    HttpTestClient c = new HttpTestClient(start().port());
    JsonNode who = json(get(c, "/admin/api/whoami", office));
    assertEquals("phitsanulok-office", who.get("name").asText());
    assertEquals("65", who.get("scope").asText());
    assertEquals("all", json(get(c, "/admin/api/whoami", national)).get("scope").asText());

    HttpResponse<byte[]> none = c.get("/admin/api/whoami");
    assertEquals(401, none.statusCode());
    assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertEquals(401, json(none).get("status").asInt());
    assertEquals(401, get(c, "/admin/api/whoami", "nonsense").statusCode());
    // the right id with a wrong secret
    assertEquals(
        401,
        get(c, "/admin/api/whoami", office.substring(0, office.length() - 2) + "xx").statusCode());

    assertEquals(403, rollback(c, office), "a scoped token cannot roll back");
    assertEquals(201, rollback(c, national));
  }

  private static HttpResponse<String> upload(int port, String token, String csv) throws Exception {
    var b =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/admin/api/imports?filename=rates.csv&year=2561&indicator_set=test"))
            .header("Content-Type", "text/csv")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return java.net.http.HttpClient.newHttpClient()
        .send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aScopedTokenIsRefusedAtPublishWithTheRowsOutsideItsProvinceNamed() throws Exception {
    String office = create("phitsanulok-office", "65");
    PhaenthiServer s = start();
    HttpTestClient c = new HttpTestClient(s.port());
    // the fixture is Phuket (83): for a token of 65 every row is another province's
    StringBuilder csv = new StringBuilder("code,rate_eligible,rate_failing\n");
    String[] codes = {"830101", "830102", "830201", "830202", "830301", "830302", "830101"};
    for (String code : codes) {
      csv.append(code).append(",100,5\n");
    }
    HttpResponse<String> up = upload(s.port(), office, csv.toString());
    assertEquals(202, up.statusCode(), up.body());
    String path = "/admin/api/imports/" + Json.MAPPER.readTree(up.body()).get("id").asText();
    JsonNode job = null;
    for (int i = 0; i < 300; i++) {
      job = json(get(c, path, office));
      if (!job.get("phase").asText().matches("reading|detecting|validating")) {
        break;
      }
      Thread.sleep(20);
    }
    assertEquals("ready", job.get("phase").asText(), job.toString());
    assertEquals(7, job.get("report").get("by_kind").get("outside_scope").asInt());
    String before = json(c.get("/health")).get("data_version").asText();

    HttpResponse<byte[]> pub =
        c.send("POST", path + "/publish", "Authorization", "Bearer " + office);
    assertEquals(403, pub.statusCode(), new String(pub.body()));
    JsonNode err = json(pub);
    assertEquals(403, err.get("status").asInt());
    String en = err.get("message").asText();
    // the count, and the first five rows with their codes (row 1 is the header)
    assertTrue(en.contains("7 rows are outside province 65"), en);
    assertTrue(
        en.contains("row 2 (830101), 3 (830102), 4 (830201), 5 (830202), 6 (830301), …"), en);
    String th = err.get("message_th").asText();
    assertTrue(th.contains("มี 7 แถวที่อยู่นอกจังหวัด 65"), th);
    assertTrue(th.contains("แถว 2 (830101), 3 (830102)"), th);
    assertEquals(before, json(c.get("/health")).get("data_version").asText(), "nothing published");

    // revoked: 401 on the import endpoints too; no token: 401
    cli("token", "revoke", "--name", "phitsanulok-office");
    waitForStatus(c, path, office, 401);
    assertEquals(401, upload(s.port(), office, csv.toString()).statusCode());
    assertEquals(401, upload(s.port(), null, csv.toString()).statusCode());
    assertEquals(401, c.send("POST", path + "/publish").statusCode());
  }

  @Test
  void aRevokedTokenIsRefusedWithinSeconds() throws Exception {
    String office = create("office", "65");
    HttpTestClient c = new HttpTestClient(start().port());
    assertEquals(200, get(c, "/admin/api/whoami", office).statusCode());
    String[] r = cli("token", "revoke", "--name", "office");
    assertEquals("0", r[0], r[2]);
    long ms = waitForStatus(c, "/admin/api/whoami", office, 401);
    assertTrue(ms < 6_000, ms + " ms");
    assertEquals("1", cli("token", "revoke", "--name", "office")[0], "already revoked");
  }

  @Test
  void theBootstrapTokenStillWorksNextToStoredTokens() throws Exception {
    String office = create("office", "65");
    HttpTestClient c = new HttpTestClient(start("--admin-token", "boot-strap").port());
    JsonNode who = json(get(c, "/admin/api/whoami", "boot-strap"));
    assertEquals("admin", who.get("name").asText());
    assertEquals("all", who.get("scope").asText());
    assertEquals(200, get(c, "/admin/api/whoami", office).statusCode());
    assertEquals(401, get(c, "/admin/api/whoami", "boot-strap-").statusCode());
  }

  @Test
  void adminIsOffUntilATokenExists() throws Exception {
    HttpTestClient c = new HttpTestClient(start().port());
    assertEquals(404, c.get("/admin/api/whoami").statusCode());
    String office = create("office", "65");
    waitForStatus(c, "/admin/api/whoami", office, 200);
    cli("token", "revoke", "--name", "office");
    // once a store has tokens, admin stays on: a revoked token is refused, not "not found"
    waitForStatus(c, "/admin/api/whoami", office, 401);
  }

  @Test
  void theAuditLogIsKeptInTheStoreAndScopedTokensSeeTheirOwn() throws Exception {
    String office = create("office", "65");
    String national = create("national", "all");
    try (EmbeddedStore store = new EmbeddedStore(dir.resolve("store"));
        PhaenthiServer s = TestServers.serve(dir, TestServers.dataset(), store)) {
      store.publish(TestServers.dataset().asDraft("test", "test"));
      assertEquals(201, rollback(new HttpTestClient(s.port()), national));
    }
    cli("token", "revoke", "--name", "office");
    // a new server on the same store reads what the first one and the command line recorded
    HttpTestClient c = new HttpTestClient(start().port());
    JsonNode entries = json(get(c, "/admin/api/audit", national)).get("entries");
    assertEquals(4, entries.size(), entries.toString());
    assertEquals("token revoke", entries.get(0).get("action").asText());
    assertTrue(entries.get(0).get("detail").asText().contains("name=office"));
    JsonNode rb = entries.get(1);
    assertEquals("national", rb.get("who").asText());
    assertEquals("rollback to publication 1", rb.get("action").asText());
    assertEquals(2, rb.get("publication").asLong());
    assertEquals("token create", entries.get(2).get("action").asText());
    assertTrue(entries.get(3).get("detail").asText().contains("scope=65"));
    assertFalse(entries.toString().contains(office.substring(21)), "no secret in the log");

    assertEquals(1, json(get(c, "/admin/api/audit?limit=1", national)).get("entries").size());
    HttpResponse<byte[]> bad = get(c, "/admin/api/audit?limit=0", national);
    assertEquals(400, bad.statusCode());
    assertTrue(json(bad).get("message").asText().contains("limit"));
    assertEquals(400, get(c, "/admin/api/audit?limit=x", national).statusCode());
    assertEquals(400, get(c, "/admin/api/audit?page=2", national).statusCode());

    String other = create("other-office", "66");
    waitForStatus(c, "/admin/api/whoami", other, 200);
    assertEquals(0, json(get(c, "/admin/api/audit", other)).get("entries").size());
  }

  @Test
  void theAdminPageIsServedWithTheStrictPolicy() {
    HttpTestClient c = new HttpTestClient(start().port());
    HttpResponse<byte[]> page = c.get("/admin");
    assertEquals(200, page.statusCode(), new String(page.body()));
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(new String(page.body()).contains("js/admin/admin.js"));
    assertEquals(200, c.get("/js/admin/admin.js").statusCode());
  }

  @Test
  void theCommandLineShowsATokenOnceAndNeverAgain() {
    String[] made = cli("token", "create", "--name", "office", "--scope", "65");
    assertEquals("0", made[0]);
    String token = made[1].trim();
    assertTrue(token.startsWith("pht_"), token);
    assertTrue(made[2].contains("shown only now"), made[2]);
    String[] list = cli("token", "list");
    assertEquals("0", list[0]);
    assertTrue(list[1].contains("office") && list[1].contains("65"), list[1]);
    assertFalse(list[1].contains(token.substring(21)), "list shows no secret");
    String[] twice = cli("token", "create", "--name", "office", "--scope", "66");
    assertEquals("1", twice[0]);
    assertTrue(twice[2].contains("office"), twice[2]);
    String[] badScope = cli("token", "create", "--name", "x", "--scope", "6a");
    assertEquals("1", badScope[0]);
    assertTrue(badScope[2].contains("scope"), badScope[2]);
    assertEquals("2", cli("token", "create", "--name", "x")[0], "--scope is required");
  }
}
