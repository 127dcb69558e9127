package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestNginx;
import org.phaenthi.server.TestServers;

/**
 * The static bundle of Phuket (83), unzipped into a temporary folder and served by {@code python3
 * -m http.server} and by nginx, with no Phaenthi server behind either: the map is drawn in the
 * classes' colours with its legend, a district drills down to its subdistricts drawn from the
 * PMTiles archive (range requests), and search finds an area.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleIT {
  private static final String FILLS =
      "return phaenthi.app.layers.active.getLayers().map(l =>"
          + " typeof l.options.fillColor === 'string' ? l.options.fillColor : 'hatch');";

  /** Fills of the vector-tile features drawn (the archive's subdistricts). */
  private static final String TILE_FILLS =
      "const fills = []; const level = phaenthi.app.state.level;"
          + "for (const t of Object.values(phaenthi.app.layers.active._vectorTiles || {}))"
          + "  for (const f of Object.values(t._features || {}))"
          + "    if (f.layerName === level && String(f.feature.properties.code).startsWith(arguments[0]))"
          + "      fills.push(typeof f.feature.options.fillColor === 'string'"
          + "      ? f.feature.options.fillColor : 'hatch');"
          + "return fills;";

  private static final String POINT_OF =
      "const prefix = arguments[0]; const app = phaenthi.app; let pt = null;"
          + "app.layers.active.eachLayer(l => {"
          + "  if (pt || !l.feature.properties.code.startsWith(prefix)) return;"
          + "  const c = app.map.latLngToContainerPoint(l.getCenter());"
          + "  const r = app.map.getContainer().getBoundingClientRect();"
          + "  const x = Math.round(c.x + r.left), y = Math.round(c.y + r.top);"
          + "  const el = document.elementFromPoint(x, y);"
          + "  if (el && el.tagName === 'CANVAS' && el.closest('.leaflet-choro-pane')) pt = [x, y];"
          + "});"
          + "return pt;";

  @TempDir static Path tmp;
  private Path site;
  private Browser browser;

  @RegisterExtension static final TestBrowsers BROWSERS = TestBrowsers.alone("bundle-");

  @BeforeAll
  void buildBundle() throws Exception {
    Path serverDir = Files.createDirectories(tmp.resolve("server"));
    byte[] zip;
    try (PhaenthiServer server =
        TestServers.start(TestServers.dataset(), serverDir, "--access-log", "false")) {
      HttpResponse<byte[]> r =
          new HttpTestClient(server.port()).get("/api/export/bundle/83.zip?indicator=test:rate");
      assertEquals(200, r.statusCode(), new String(r.body()));
      zip = r.body();
    }
    // the server is gone: the bundle is all there is
    site = unzip(zip, Files.createDirectories(tmp.resolve("site")));
    assertEquals("phaenthi-83", site.getFileName().toString());
    browser = BROWSERS.browser();
  }

  @Test
  void pythonHttpServerServesTheBundle() throws Exception {
    int port = freePort();
    Process p =
        new ProcessBuilder(
                "python3",
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                "--directory",
                site.toString(),
                String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("python.log").toFile())
            .start();
    try {
      awaitListening(p, port);
      checkMap("http://127.0.0.1:" + port + "/", false);
    } finally {
      p.destroy();
    }
  }

  @Test
  void nginxServesTheBundle() throws Exception {
    Assumptions.assumeTrue(TestNginx.installed(), "nginx not installed");
    try (TestNginx nginx = nginx(site, Files.createDirectories(tmp.resolve("nginx")))) {
      checkMap("http://127.0.0.1:" + nginx.port() + "/", true);
    }
  }

  /** nginx as a production static server of {@code site} (sendfile, no access log), listening. */
  static TestNginx nginx(Path site, Path prefix) throws Exception {
    return TestNginx.start(
        prefix,
        64,
        port ->
            "  include /etc/nginx/mime.types;\n  sendfile on;\n  server {\n    listen 127.0.0.1:"
                + port
                + ";\n    root "
                + site
                + ";\n  }\n");
  }

  /** Unzips a bundle into {@code out}; returns its folder. */
  static Path unzip(byte[] zip, Path out) throws IOException {
    String folder = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path p = out.resolve(e.getName()).normalize();
        assertTrue(p.startsWith(out));
        Files.createDirectories(p.getParent());
        Files.write(p, in.readAllBytes());
        folder = e.getName().substring(0, e.getName().indexOf('/'));
      }
    }
    return out.resolve(folder);
  }

  /**
   * @param ranges whether the host answers byte ranges (nginx) or sends the whole file (python)
   */
  private void checkMap(String url, boolean ranges) {
    browser.open(url);
    // the bundle opens on Phuket's districts, coloured by the classes
    assertEquals("district", browser.state("level"));
    @SuppressWarnings("unchecked")
    List<String> fills = (List<String>) browser.js(FILLS);
    @SuppressWarnings("unchecked")
    List<String> colours = (List<String>) browser.js("return phaenthi.app.current.colours");
    assertEquals(3, fills.size(), "Phuket's three districts: " + fills);
    for (String f : fills) {
      assertTrue(f.equals("hatch") || colours.contains(f), "fill " + f + " is a class colour");
    }
    assertTrue(fills.stream().anyMatch(colours::contains), "some district is coloured");
    assertTrue(browser.driver.findElements(By.cssSelector(".legend li")).size() >= 2, "legend");
    double firstMap =
        ((Number) browser.js("return phaenthi.app.timings.firstMapFromNavigation")).doubleValue();
    // drill down: a district's subdistricts come from the PMTiles archive by range requests
    @SuppressWarnings("unchecked")
    List<Long> pt = (List<Long>) browser.js(POINT_OF, "8301");
    assertNotNull(pt, "no visible point on district 8301");
    long before = browser.renders();
    new Actions(browser.driver)
        .moveToLocation(pt.get(0).intValue(), pt.get(1).intValue())
        .click()
        .perform();
    browser.waitUpTo(20).until(d -> "subdistrict".equals(browser.state("level")));
    assertEquals("8301", browser.state("area"));
    browser
        .waitUpTo(20)
        .until(
            d -> {
              @SuppressWarnings("unchecked")
              List<String> t = (List<String>) browser.js(TILE_FILLS, "8301");
              return !t.isEmpty();
            });
    @SuppressWarnings("unchecked")
    List<String> tileFills = (List<String>) browser.js(TILE_FILLS, "8301");
    @SuppressWarnings("unchecked")
    List<String> tileColours = (List<String>) browser.js("return phaenthi.app.current.colours");
    for (String f : tileFills) {
      assertTrue(
          f.equals("hatch") || tileColours.contains(f), "tile fill " + f + " is a class colour");
    }
    assertTrue(tileFills.stream().anyMatch(tileColours::contains), "some subdistrict coloured");
    @SuppressWarnings("unchecked")
    List<Long> statuses =
        (List<Long>)
            browser.js(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.endsWith('/tiles.pmtiles')).map(e => e.responseStatus)");
    long archiveReads = statuses.size();
    if (ranges) {
      assertTrue(archiveReads >= 2, "header and tiles read by ranges: " + statuses);
      assertTrue(statuses.stream().allMatch(s -> s == 206), "every read a 206: " + statuses);
    } else {
      assertEquals(List.of(200L), statuses, "a host without ranges: the archive fetched once");
    }
    long apiCalls =
        (Long)
            browser.js(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/api/') || e.name.includes('/tiles/')).length");
    assertEquals(0, apiCalls, "no request to a server API");
    assertTrue(browser.renders() > before);
    // search from the bundle's index
    WebElement search = browser.driver.findElement(By.id("search"));
    search.sendKeys("Kathu");
    browser
        .waitUpTo(10)
        .until(d -> !d.findElements(By.cssSelector("#search-results button")).isEmpty());
    String first = browser.driver.findElement(By.cssSelector("#search-results button")).getText();
    assertTrue(first.contains("กะทู้") || first.contains("Kathu"), first);
    // the area panel of a district: its values from the bundle, and no link to what a static host
    // lacks
    browser.open(url + "#l=district&s=8301");
    browser
        .waitUpTo(10)
        .until(
            d -> {
              WebElement panel = d.findElement(By.id("area-panel"));
              return panel.isDisplayed() && panel.getText().contains("เมืองภูเก็ต");
            });
    assertEquals(
        Boolean.TRUE,
        browser.js("return document.getElementById('downloads').hidden"),
        "no download link in a static bundle");
    // the district's report card is one of the bundle's files, for the map's indicator and year
    browser
        .waitUpTo(10)
        .until(
            d -> (Long) browser.js("return document.querySelectorAll('.report-card').length") == 1);
    String card =
        (String) browser.js("return document.querySelector('.report-card').getAttribute('href')");
    assertEquals("data/report/8301/test_rate/2561/th.pdf", card);
    assertEquals(
        "%PDF",
        browser.jsAsync(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(t => done(t.slice(0, 4)),"
                + " e => done(String(e)))",
            card),
        "the card is served by the static host");
    System.out.printf(
        "[bundle] %s: first coloured map %.0f ms from navigation; %d subdistrict features from %d"
            + " archive reads%n",
        url, firstMap, tileFills.size(), archiveReads);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static void awaitListening(Process p, int port) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("static server exited with " + p.exitValue());
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("static server did not listen on " + port);
  }
}
