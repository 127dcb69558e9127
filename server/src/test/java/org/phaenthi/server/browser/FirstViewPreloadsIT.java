package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.server.http.VersionedUrls;

/**
 * The app's page preloads the two answers its first map waits on (the top level's shapes and the
 * default values, {@code Link: rel=preload} from {@code FirstViewPreloads}), and the app uses them:
 * each is fetched once, by the preload, never a second time by the app's own {@code fetch} — which
 * is what happens as soon as the server's URL and the app's differ by one character.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstViewPreloadsIT {
  private static final Pattern LINK =
      Pattern.compile("<([^>]+)>; rel=preload; as=fetch; crossorigin");

  @TempDir static Path tmp;
  private PhaenthiServer server;
  private Browser browser;

  @BeforeAll
  void start() throws Exception {
    Browser.assumeAvailable();
    server = TestServers.start(TestServers.dataset(), tmp);
    browser = Browser.start(1280, 800);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private List<String> preloads(HttpTestClient http, String path) {
    HttpResponse<byte[]> page = http.get(path);
    assertEquals(200, page.statusCode());
    String link = page.headers().firstValue("Link").orElse("");
    List<String> urls = new ArrayList<>();
    Matcher m = LINK.matcher(link);
    while (m.find()) {
      urls.add(m.group(1));
    }
    return urls;
  }

  @Test
  void theFirstMapUsesThePreloadedShapesAndValues() {
    HttpTestClient http = new HttpTestClient(server.port());
    List<String> urls = preloads(http, "/");
    assertEquals(preloads(http, "/index.html"), urls);
    JsonNode meta = http.json("/api/meta");
    assertEquals(2, urls.size(), urls.toString());
    assertTrue(urls.get(0).startsWith("api/geometry/"), urls.toString());
    assertTrue(urls.get(0).endsWith("&v=" + meta.get("boundary_version").asText()), urls.get(0));
    assertTrue(urls.get(1).startsWith("api/values?"), urls.toString());
    assertTrue(urls.get(1).endsWith("&v=" + meta.get("data_version").asText()), urls.get(1));
    for (String url : urls) {
      HttpResponse<byte[]> r = http.get("/" + url);
      assertEquals(200, r.statusCode(), url);
      assertEquals(VersionedUrls.IMMUTABLE, r.headers().firstValue("Cache-Control").orElse(""));
    }

    String base = "http://127.0.0.1:" + server.port() + "/";
    browser.open(base);
    for (String url : urls) {
      @SuppressWarnings("unchecked")
      List<String> fetched =
          (List<String>)
              browser.js(
                  "return performance.getEntriesByType('resource')"
                      + ".filter(e => e.name === arguments[0]).map(e => e.initiatorType)",
                  base + url);
      assertEquals(List.of("link"), fetched, "fetched once, by the preload: " + url);
    }
    assertEquals(List.of(), browser.drainConsoleErrors(), "browser console errors");
  }
}
