package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.phaenthi.boundaries.store.EmbeddedStore;
import org.phaenthi.server.Config;
import org.phaenthi.server.DataBootstrap;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;
import org.phaenthi.server.admin.AdminCli;

/**
 * The admin page in Chromium over the Phuket fixture with two publications (the second with other
 * 2561 rates): logging in with a token kept in session storage only, a wrong token refused, the
 * publications list, "publish again" (rollback) changing the map's legend back, the audit list, and
 * a 375 px wide screen. The import steps (upload, mapping, report, publish) need the import-job
 * endpoints of the server (branch imports); their page logic is tested in web/src/test/js.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPageIT {
  @TempDir static Path dir;
  private static EmbeddedStore store;
  private static PhaenthiServer server;
  private static String base;
  private static String national;
  private static String scoped;

  @BeforeAll
  static void start() {
    Browser.assumeAvailable();
    store = new EmbeddedStore(dir.resolve("store"));
    store.publish(TestServers.dataset().asDraft("test", "first"));
    store.publish(TestServers.rateNumeratorsPlusOne(store.load()));
    national = token("national", "all");
    scoped = token("phuket-office", "83");
    Config config =
        Config.read(
            new String[] {
              "--port", "0", "--host", "127.0.0.1", "--store", dir.resolve("store").toString()
            },
            Map.of());
    server = new PhaenthiServer(config, new LiveData(store.load()), store).start();
    base = "http://127.0.0.1:" + server.port() + "/";
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
      store.close();
    }
  }

  private static String token(String name, String scope) {
    StringWriter out = new StringWriter();
    int code =
        AdminCli.run(
            new String[] {
              "token",
              "create",
              "--name",
              name,
              "--scope",
              scope,
              "--store",
              dir.resolve("store").toString()
            },
            Map.of(),
            DataBootstrap::openAdminRecords,
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertEquals(0, code);
    return out.toString().trim();
  }

  private static void openAdmin(Browser b) {
    b.driver.get("about:blank");
    b.driver.get(base + "admin");
    try {
      b.waitUpTo(15).until(d -> "true".equals(b.js("return document.body.dataset.ready")));
    } catch (RuntimeException e) {
      throw new AssertionError("admin page not ready: " + b.drainConsoleErrors(), e);
    }
  }

  private static String legend(Browser b) {
    b.driver.get("about:blank");
    b.driver.get(base + "#l=district&i=test:rate&y=2561&lang=en");
    try {
      b.waitReady();
    } catch (RuntimeException e) {
      throw new AssertionError("map not ready: " + b.drainConsoleErrors(), e);
    }
    return (String) b.js("return document.querySelector('.legend').textContent");
  }

  private static void logIn(Browser b, String token) {
    b.driver.findElement(By.id("token-input")).sendKeys(token, Keys.ENTER);
  }

  @Test
  @Order(1)
  void logInRollBackAndSeeTheMapChangeBack() throws Exception {
    try (Browser b = Browser.start(1200, 900)) {
      // The app's values URLs name the data version (VersionedUrlsTest), so a rollback is a new
      // URL; this test is about what the server serves, so the tab keeps no HTTP cache anyway.
      b.driver.executeCdpCommand("Network.enable", Map.of());
      b.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
      String before = legend(b);
      openAdmin(b);
      assertEquals(
          "token-input", b.js("return document.activeElement.id"), "the token field has focus");
      logIn(b, "pht_0000000000000000_wrong");
      b.waitUpTo(10).until(d -> !(Boolean) b.js("return document.getElementById('alert').hidden"));
      assertFalse((Boolean) b.js("return document.getElementById('login').hidden"));
      assertEquals("", b.js("return document.body.dataset.who"));

      logIn(b, national);
      b.waitUpTo(10).until(d -> "national|all".equals(b.js("return document.body.dataset.who")));
      assertEquals(national, b.js("return sessionStorage.getItem('phaenthi.admin.token')"));
      assertEquals(0L, b.js("return localStorage.length"));
      assertEquals("", b.js("return document.cookie"));
      b.waitUpTo(10).until(d -> "2".equals(b.js("return document.body.dataset.served")));
      assertEquals(
          1L, b.js("return document.querySelectorAll('#pubs-table button.republish').length"));

      b.driver.findElement(By.cssSelector("#pubs-table button.republish[data-id='1']")).click();
      b.driver.switchTo().alert().accept();
      b.waitUpTo(10).until(d -> "3".equals(b.js("return document.body.dataset.served")));
      b.waitUpTo(10)
          .until(
              d ->
                  ((String) b.js("return document.getElementById('audit-table').textContent"))
                      .contains("rollback to publication 1"));
      b.screenshot("admin-after-rollback");
      String after = legend(b);
      assertNotEquals(before, after, "the map shows publication 1's rates again");

      // and forward again: publishing 2 again brings back the first legend
      openAdmin(b);
      b.waitUpTo(10).until(d -> "3".equals(b.js("return document.body.dataset.served")));
      b.driver.findElement(By.cssSelector("#pubs-table button.republish[data-id='2']")).click();
      b.driver.switchTo().alert().accept();
      b.waitUpTo(10).until(d -> "4".equals(b.js("return document.body.dataset.served")));
      assertEquals(before, legend(b));
      // the one the test asked for: the wrong token's 401
      List<String> errors =
          b.drainConsoleErrors().stream()
              .filter(e -> !(e.contains("admin/api/whoami") && e.contains("401")))
              .toList();
      assertTrue(errors.isEmpty(), errors.toString());
    }
  }

  @Test
  @Order(2)
  void aScopedTokenSeesNoRollbackAndThePageFitsAPhone() throws Exception {
    try (Browser b = Browser.start(800, 800)) {
      // headless Chromium's window is at least 500 px wide; a phone's viewport is emulated
      b.driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 375, "height", 800, "deviceScaleFactor", 1, "mobile", true));
      openAdmin(b);
      logIn(b, scoped);
      b.waitUpTo(10)
          .until(d -> "phuket-office|83".equals(b.js("return document.body.dataset.who")));
      b.waitUpTo(10).until(d -> !"".equals(b.js("return document.body.dataset.served || ''")));
      assertEquals(
          0L, b.js("return document.querySelectorAll('#pubs-table button.republish').length"));
      long width = (Long) b.js("return document.documentElement.scrollWidth");
      assertTrue(
          width <= 375,
          "no sideways scrolling at 375 px: "
              + width
              + " "
              + b.js(
                  "return [...document.querySelectorAll('body *')].filter(e =>"
                      + " e.getBoundingClientRect().right > 376).slice(0, 8).map(e => e.tagName +"
                      + " '#' + e.id + '.' + e.className + ':' +"
                      + " Math.round(e.getBoundingClientRect().right)).join(' ')"));
      // the header stays one row on a phone: every visible item of it on the same line
      Object rows =
          b.js(
              "const h = document.querySelector('header.top h1').getBoundingClientRect();"
                  + " return [...document.querySelectorAll('header.top > *, header.top .tools > *')]"
                  + ".map(e => e.getBoundingClientRect()).filter(r => r.width > 0)"
                  + ".every(r => r.top < h.bottom && r.bottom > h.top);");
      assertEquals(
          Boolean.TRUE,
          rows,
          "the admin header wraps at 375 px: "
              + b.js(
                  "return [...document.querySelectorAll('header.top > *, header.top .tools > *')]"
                      + ".map(e => e.id + ':' + Math.round(e.getBoundingClientRect().top)).join(' ')"));
      for (String id : List.of("file-input", "token-input", "note")) {
        assertEquals(
            Boolean.TRUE,
            b.js(
                "const e = document.getElementById(arguments[0]);"
                    + " return !!(e.labels && e.labels.length) || !!document.querySelector('label[for=' + arguments[0] + ']')",
                id),
            id + " has a label");
      }
      b.screenshot("admin-phone");
      b.driver.findElement(By.id("btn-logout")).click();
      assertEquals(null, b.js("return sessionStorage.getItem('phaenthi.admin.token')"));
    }
  }

  private static String served(Browser b) {
    return (String) b.js("return document.body.dataset.served || ''");
  }

  @Test
  @Order(3)
  void uploadFixTheMappingPublishAndRollBack() throws Exception {
    // eligible and failing the wrong way round: failing > eligible on every row
    Path file = dir.resolve("phuket-2561.csv");
    java.nio.file.Files.writeString(
        file, "code,rate_eligible,rate_failing\n830101,30,200\n830102,0,100\n830201,5,50\n");
    try (Browser b = Browser.start(1200, 900)) {
      b.driver.executeCdpCommand("Network.enable", Map.of());
      b.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
      String before = legend(b);
      openAdmin(b);
      logIn(b, national);
      b.waitUpTo(10).until(d -> !served(b).isEmpty());
      String servedBefore = served(b);

      b.driver.findElement(By.id("file-input")).sendKeys(file.toAbsolutePath().toString());
      b.driver.findElement(By.id("upload-year")).sendKeys("2561");
      b.driver.findElement(By.id("upload-set")).sendKeys("test");
      b.driver.findElement(By.id("btn-upload")).click();
      b.waitUpTo(20).until(d -> "ready".equals(b.js("return document.body.dataset.phase")));
      String counts = b.driver.findElement(By.id("report-counts")).getText();
      assertTrue(counts.startsWith("ข้อผิดพลาด 3"), counts);
      assertFalse(b.driver.findElement(By.id("btn-publish")).isEnabled(), "errors block publish");
      assertTrue(
          b.driver.findElement(By.id("issues")).getText().contains("100 มากกว่าจำนวนที่สำรวจ 0"),
          b.driver.findElement(By.id("issues")).getText());

      new Select(b.driver.findElement(By.id("ind-0-denominator"))).selectByValue("2");
      new Select(b.driver.findElement(By.id("ind-0-numerator"))).selectByValue("1");
      b.driver.findElement(By.id("btn-remap")).click();
      b.waitUpTo(20).until(d -> b.driver.findElement(By.id("btn-publish")).isEnabled());
      assertTrue(b.driver.findElement(By.id("report-counts")).getText().startsWith("ข้อผิดพลาด 0"));

      b.driver.findElement(By.id("note")).sendKeys("Phuket 2561 from the office");
      b.driver.findElement(By.id("btn-publish")).click();
      b.waitUpTo(20).until(d -> "published".equals(b.js("return document.body.dataset.phase")));
      b.waitUpTo(10).until(d -> !servedBefore.equals(served(b)));
      String link = b.driver.findElement(By.id("map-link")).getAttribute("href");
      assertTrue(link.contains("i=test%3Arate") || link.contains("i=test:rate"), link);
      assertTrue(link.contains("y=2561"), link);
      b.waitUpTo(10)
          .until(
              d ->
                  ((String) b.js("return document.getElementById('audit-table').textContent"))
                      .contains("phuket-2561.csv"));
      b.screenshot("admin-published");
      b.driver.findElement(By.id("map-link")).click();
      b.waitReady();
      assertEquals("test:rate", b.state("indicator"));
      String published = legend(b);
      assertNotEquals(before, published, "the map shows the uploaded values");

      openAdmin(b);
      b.waitUpTo(10).until(d -> !served(b).isEmpty());
      b.driver
          .findElement(
              By.cssSelector("#pubs-table button.republish[data-id='" + servedBefore + "']"))
          .click();
      b.driver.switchTo().alert().accept();
      b.waitUpTo(10).until(d -> Long.parseLong(served(b)) > Long.parseLong(servedBefore) + 1);
      assertEquals(before, legend(b), "rolled back: the values of before the upload");
    }
  }

  @Test
  @Order(4)
  void theAdminPageHonoursTheLanguageOfTheLinkAndKeepsItsOwnChoiceInIt() throws Exception {
    try (Browser b = Browser.start(1200, 900)) {
      b.driver.get("about:blank");
      b.driver.get(base + "admin#lang=en");
      b.waitUpTo(15).until(d -> "true".equals(b.js("return document.body.dataset.ready")));
      assertEquals("en", b.js("return document.documentElement.lang"));
      assertEquals("Data admin", b.driver.findElement(By.id("title")).getText());
      assertEquals("ไทย", b.driver.findElement(By.id("btn-lang")).getText());
      assertTrue(
          b.driver.findElement(By.id("to-map")).getAttribute("href").endsWith("#lang=en"),
          "the map link keeps the language");
      // its language button writes the choice into the link, as the map app's does
      b.driver.findElement(By.id("btn-lang")).click();
      assertEquals("th", b.js("return document.documentElement.lang"));
      assertEquals("ผู้ดูแลข้อมูล", b.driver.findElement(By.id("title")).getText());
      assertTrue(b.driver.getCurrentUrl().endsWith("#lang=th"), b.driver.getCurrentUrl());
      // a link with another language pasted into the open tab
      b.js("location.hash = 'lang=en'");
      b.waitUpTo(5).until(d -> "Data admin".equals(d.findElement(By.id("title")).getText()));
      assertEquals(List.of(), b.drainConsoleErrors());
    }
  }
}
