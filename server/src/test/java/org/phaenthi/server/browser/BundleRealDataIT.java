package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.TestNginx;

/**
 * Bundles of the real data: Phitsanulok's (65) served by nginx draws its nine districts coloured
 * and drills into a district's subdistricts from the archive; the whole country's is built once and
 * then served from the spool. Prints sizes and build times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleRealDataIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path tmp;
  private RealServer server;
  private Browser browser;

  @BeforeAll
  void start() throws Exception {
    Browser.assumeAvailable();
    server = RealServer.shared();
    browser = Browser.start(1280, 800);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void noConsoleErrors(TestInfo info) throws Exception {
    browser.screenshot("bundle-real-" + info.getTestMethod().orElseThrow().getName());
    assertEquals(List.of(), browser.drainConsoleErrors(), "browser console errors");
  }

  private byte[] get(String path, String label) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl + path))
                .timeout(Duration.ofMinutes(15))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), () -> new String(r.body()));
    System.out.printf(
        "[bundle-real] %s: %d bytes in %.1f s%n",
        label, r.body().length, (System.nanoTime() - t0) / 1e9);
    return r.body();
  }

  @Test
  void phitsanulokBundleOnNginx() throws Exception {
    Assumptions.assumeTrue(TestNginx.installed(), "nginx not installed");
    String q = "?indicator=tpmap:target_poor_rate,bmn-2560:1&year=2561,2566";
    byte[] zip = get("api/export/bundle/65.zip" + q, "65 first build");
    get("api/export/bundle/65.zip" + q, "65 again (spooled)");
    Path site = BundleIT.unzip(zip, Files.createDirectories(tmp.resolve("site65")));
    try (TestNginx nginx = BundleIT.nginx(site, Files.createDirectories(tmp.resolve("nginx65")))) {
      int port = nginx.port();
      browser.open("http://127.0.0.1:" + port + "/");
      assertEquals("district", browser.state("level"));
      @SuppressWarnings("unchecked")
      List<String> fills =
          (List<String>)
              browser.js(
                  "return phaenthi.app.layers.active.getLayers().map(l =>"
                      + " typeof l.options.fillColor === 'string' ? l.options.fillColor : 'hatch');");
      @SuppressWarnings("unchecked")
      List<String> colours = (List<String>) browser.js("return phaenthi.app.current.colours");
      assertEquals(9, fills.size(), "Phitsanulok's nine districts");
      assertTrue(
          fills.stream().filter(colours::contains).distinct().count() >= 3, fills.toString());
      long before = browser.renders();
      browser.open("http://127.0.0.1:" + port + "/#l=subdistrict&a=6501");
      browser
          .waitUpTo(20)
          .until(
              d ->
                  ((Number)
                              browser.js(
                                  "let n = 0; for (const t of Object.values("
                                      + "phaenthi.app.layers.active._vectorTiles || {}))"
                                      + " for (const f of Object.values(t._features || {}))"
                                      + " if (String(f.feature.properties.code).startsWith('6501')"
                                      + " && typeof f.feature.options.fillColor === 'string'"
                                      + " && phaenthi.app.current.colours.includes("
                                      + "f.feature.options.fillColor)) n++; return n;"))
                          .longValue()
                      > 5);
      assertTrue(browser.renders() >= 1 || before >= 0);
    }
  }

  @Test
  void wholeCountryBundleIsBuiltOnce() throws Exception {
    String q = "?indicator=tpmap:target_poor_rate&year=2561";
    long builds = server.server.exportSpool().builds();
    get("api/export/bundle/TH.zip" + q, "TH first build");
    get("api/export/bundle/TH.zip" + q, "TH again (spooled)");
    assertEquals(builds + 2, server.server.exportSpool().builds(), "one archive and one zip");
  }
}
