package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The web app items of issue 13 left after the meeting fixes: national vs view breaks, Thai from
 * the server, the responsive embed, the data link, the report card button, accessibility and the
 * page width at 1280 px. Each test failed on the code before its change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppItemsIT {
  private RealServer server;
  private Browser browser;

  @RegisterExtension static final TestBrowsers BROWSERS = TestBrowsers.onRealServer("items-");

  @BeforeAll
  void start() throws Exception {
    server = BROWSERS.server();
    browser = BROWSERS.browser();
  }

  private void open(String hash) {
    browser.open(server.baseUrl + hash);
  }

  private String fill(String code) {
    return (String) browser.js("return phaenthi.app.layers.styleFor(arguments[0]).fillColor", code);
  }

  @Test
  void districtKeepsItsColourWhenDrillingUnderNationalBreaksAndTheLegendSaysWhich() {
    String hash = "#i=tpmap:target_poor_rate&y=2561&l=district";
    open(hash);
    String national = fill("6501");
    open(hash + "&a=65");
    assertEquals(national, fill("6501"), "national breaks: 6501 keeps its colour in Phitsanulok");
    assertEquals(
        "national",
        browser.js("return document.querySelector('.legend .scope-note')?.dataset.scope"));
    open(hash + "&a=65&sc=view");
    assertNotEquals(national, fill("6501"), "breaks of this view recolour 6501");
    assertEquals(
        "view", browser.js("return document.querySelector('.legend .scope-note')?.dataset.scope"));
    assertEquals("view", browser.js("return document.getElementById('scope').value"));
  }

  @Test
  void theThaiInterfaceShowsTheServersThaiAndTheEnglishOneNoThai() {
    open("#i=tpmap:target_poor_rate&y=2561&l=province");
    String def = (String) browser.js("return document.getElementById('indicator-def').textContent");
    assertTrue(def.contains("สำนักงาน") || def.contains("ข้อมูลสาธารณะ TPMAP"), def);
    assertFalse(def.contains("public data"), "no English source line in Thai: " + def);
    String credits =
        (String)
            browser.js("return document.querySelector('.leaflet-control-attribution').innerText");
    assertFalse(credits.contains("Boundaries:"), credits);
    assertTrue(credits.contains("ขอบเขตการปกครอง"), credits);
    browser.js("phaenthi.app.focusArea('10')");
    String hover = (String) browser.js("return document.querySelector('.hover-info').innerText");
    assertTrue(
        hover.contains("กรุงเทพมหานครไม่อยู่ในการสำรวจ"), "Bangkok's reason in Thai: " + hover);
    open("#i=tpmap:people_surveyed&y=2561&l=province");
    String unit = (String) browser.js("return document.querySelector('.legend .muted').innerText");
    assertTrue(unit.contains("คน"), "the unit in Thai: " + unit);
    assertFalse(unit.contains("people"), unit);

    open("#i=bmn-2560:1&y=2561&l=province&lang=en");
    String en = (String) browser.js("return document.getElementById('indicator-def').textContent");
    assertFalse(
        en.matches("(?s).*[\\u0E00-\\u0E7F].*"), "no Thai in the English source line: " + en);
    assertFalse(en.contains("indicator1.ALL"), "no raw column names: " + en);
    assertTrue(en.contains("Pass rate"), en);
  }

  @Test
  void theResponsiveSnippetSizesTheFrameFromTheEmbedsMessageOnly() throws Exception {
    open("#i=tpmap:target_poor_rate&y=2561&l=province");
    browser.js("document.getElementById('btn-share').click()");
    String snippet =
        (String) browser.js("return document.getElementById('share-responsive').value");
    browser.js("document.getElementById('share-dialog').close()");
    assertTrue(snippet.contains("data-phaenthi-embed") && snippet.contains("phaenthi:height"));
    int[] widths = {800, 360, 400};
    StringBuilder page =
        new StringBuilder("<!doctype html><meta charset=utf-8><body style=margin:0>");
    for (int w : widths) {
      page.append("<div style='width:").append(w).append("px'>").append(snippet).append("</div>");
    }
    HttpServer host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
    host.createContext(
        "/",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    host.start();
    try {
      browser.driver.get("http://127.0.0.1:" + host.getAddress().getPort() + "/");
      // every frame posts its height: none stays at the snippet's 600 px
      browser
          .waitUpTo(60)
          .until(
              d ->
                  (Boolean)
                      browser.js(
                          "return [...document.querySelectorAll('iframe')]"
                              + ".every(f => f.style.height && f.style.height !== '600px')"));
      @SuppressWarnings("unchecked")
      List<Map<String, Number>> frames =
          (List<Map<String, Number>>)
              browser.js(
                  "return [...document.querySelectorAll('iframe')].map(f => "
                      + "({w: f.getBoundingClientRect().width, h: f.getBoundingClientRect().height}))");
      for (int k = 0; k < widths.length; k++) {
        double w = frames.get(k).get("w").doubleValue();
        double h = frames.get(k).get("h").doubleValue();
        assertEquals(widths[k], w, 1, "full width");
        // Thailand is taller than wide: the height is the width times its aspect (≤ 1.25) + title
        assertTrue(h > 1.1 * w && h < 1.25 * w + 80, widths[k] + ": height " + h);
      }
      // the whole country is in each resized frame, clear of the frame's edges
      for (int k = 0; k < widths.length; k++) {
        browser.driver.switchTo().frame(k);
        browser.waitReady();
        Boolean inside =
            (Boolean)
                browser.js(
                    "const app = phaenthi.app;"
                        + " return app.map.getBounds().pad(0.02).contains(app.countryBounds)");
        assertTrue(inside, widths[k] + ": the country fits the resized frame");
        browser.driver.switchTo().defaultContent();
      }
      // a message of another origin or shape changes nothing
      browser.js(
          "const f = document.querySelector('iframe');"
              + "window.dispatchEvent(new MessageEvent('message', {data: {type: 'phaenthi:height',"
              + " height: 150}, origin: location.origin, source: f.contentWindow}));"
              + "window.dispatchEvent(new MessageEvent('message', {data: {type: 'phaenthi:height',"
              + " height: 99999}, origin: arguments[0], source: f.contentWindow}));"
              + "window.dispatchEvent(new MessageEvent('message', {data: 'phaenthi:height=150',"
              + " origin: arguments[0], source: f.contentWindow}));",
          server.baseUrl.replaceAll("/$", ""));
      double after =
          ((Number)
                  browser.js(
                      "return document.querySelector('iframe').getBoundingClientRect().height"))
              .doubleValue();
      // the embed itself may post a settled height again meanwhile (fonts, title): the frame keeps
      // a
      // height of its own aspect, never the foreign 150 px (or a clamped 99999)
      double w0 = frames.get(0).get("w").doubleValue();
      assertTrue(
          after > 1.1 * w0 && after < 1.25 * w0 + 80,
          "foreign messages ignored: height " + after + " for width " + w0);
    } finally {
      browser.driver.switchTo().defaultContent();
      host.stop(0);
    }
  }

  @Test
  void theSidePanelOffersTheViewAsCsvXlsxAndGeojson() throws Exception {
    open("#i=tpmap:target_poor_rate&y=2561&l=district&a=65");
    @SuppressWarnings("unchecked")
    List<String> links =
        (List<String>)
            browser.js("return [...document.querySelectorAll('#downloads a')].map(a => a.href)");
    assertEquals(3, links.size(), links.toString());
    for (String ext : List.of("csv", "xlsx", "geojson")) {
      String href =
          links.stream()
              .filter(l -> l.contains("/api/export/district." + ext + "?"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(ext + " in " + links));
      assertTrue(href.contains("indicator=tpmap:target_poor_rate"), href);
      assertTrue(href.contains("year=2561") && href.contains("parent=65"), href);
      Object status =
          browser.jsAsync(
              "const done = arguments[arguments.length - 1];"
                  + "fetch(arguments[0]).then(r => done(r.status), e => done(String(e)))",
              href);
      assertEquals(200L, status, href);
    }
  }

  @Test
  void theReportCardButtonFollowsTheMetaFlagAndNeverAsksTheEndpoint() {
    // every request the page makes to render/ (fetch or HEAD), counted before the app starts
    String id =
        browser.onNewDocument(
            "window.__renderAsked = 0; const realFetch = window.fetch.bind(window);"
                + "window.fetch = (url, opts) => { if (String(url).includes('render/report/'))"
                + " window.__renderAsked++; return realFetch(url, opts); };");
    try {
      open("#i=tpmap:target_poor_rate&y=2561&l=district&a=65&s=65&lang=en");
      assertEquals(Boolean.TRUE, browser.js("return phaenthi.app.meta.render.report"));
      browser.waitUpTo(10).until(d -> d.findElement(By.id("area-panel")).isDisplayed());
      browser
          .waitUpTo(10)
          .until(
              d ->
                  (Long) browser.js("return document.querySelectorAll('.report-card').length")
                      == 1);
      // the card of the view: its indicator and year (and the map's classification and palette)
      assertEquals(
          "render/report/65.pdf?indicator=tpmap:target_poor_rate&year=2561&lang=en",
          browser.js("return document.querySelector('.report-card').getAttribute('href')"));
      assertEquals(0L, browser.js("return window.__renderAsked"), "no probe of the PDF");
      assertEquals(
          0L,
          browser.js(
              "return performance.getEntriesByType('resource')"
                  + ".filter(e => e.name.includes('/render/report/')).length"),
          "no request to the report card before the button is used");
    } finally {
      browser.removeOnNewDocument(id);
    }
    // another indicator, classification and palette: the card says so too
    open("#i=bmn-2560:16&y=2561&l=district&a=65&s=65&m=jenks&n=7&p=YlOrRd&lang=th");
    browser
        .waitUpTo(10)
        .until(
            d -> (Long) browser.js("return document.querySelectorAll('.report-card').length") == 1);
    assertEquals(
        "render/report/65.pdf?indicator=bmn-2560:16&year=2561&method=jenks&classes=7"
            + "&palette=YlOrRd&lang=th",
        browser.js("return document.querySelector('.report-card').getAttribute('href')"));
    // the province map of 2566 (a year the card's district map does not have): no year, so the
    // server takes the districts' latest, rather than a 404
    open("#i=tpmap:target_poor_rate&y=2566&l=province&s=65&lang=en");
    browser
        .waitUpTo(10)
        .until(
            d -> (Long) browser.js("return document.querySelectorAll('.report-card').length") == 1);
    String href =
        (String) browser.js("return document.querySelector('.report-card').getAttribute('href')");
    assertEquals("render/report/65.pdf?indicator=tpmap:target_poor_rate&lang=en", href);
    assertEquals(
        200L,
        browser.jsAsync(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.status), e => done(String(e)))",
            href));
    // a server that says it makes none (an older one, a static copy): no button
    String none =
        browser.onNewDocument(
            "const realFetch = window.fetch.bind(window);"
                + "window.fetch = (url, opts) => String(url).startsWith('api/meta')"
                + " ? realFetch(url, opts).then(r => r.json()).then(m => { delete m.render;"
                + " return new Response(JSON.stringify(m), {headers: {'Content-Type':"
                + " 'application/json'}}); }) : realFetch(url, opts);");
    try {
      open("#i=tpmap:target_poor_rate&y=2561&l=district&a=65&s=65&lang=th");
      browser.waitUpTo(10).until(d -> d.findElement(By.id("area-panel")).isDisplayed());
      browser.js("return new Promise(r => setTimeout(r, 500))");
      assertEquals(0L, browser.js("return document.querySelectorAll('.report-card').length"));
    } finally {
      browser.removeOnNewDocument(none);
    }
  }

  @Test
  void theMapIsDescribedLabelledAndPannedByKeysWithReadableCredits() {
    open("#i=tpmap:target_poor_rate&y=2561&l=province");
    String desc =
        (String) browser.js("return document.getElementById('map-description').textContent");
    String top =
        (String)
            browser.js(
                "const rows = phaenthi.app.current.rows.filter(r => r.value !== null)"
                    + ".sort((a, b) => b.value - a.value); return rows[0].name_th");
    assertTrue(desc.contains("สูงสุด") && desc.contains(top), desc);
    assertTrue(desc.contains("ต่ำสุด") && desc.contains("5 ชั้น"), desc);
    assertEquals(
        "map-description",
        browser.js("return document.getElementById('map').getAttribute('aria-describedby')"));
    assertEquals(
        "ขยาย", browser.js("return document.querySelector('.leaflet-control-zoom-in').title"));
    assertEquals(
        "ย่อ", browser.js("return document.querySelector('.leaflet-control-zoom-out').title"));
    String prefix =
        (String)
            browser.js("return document.querySelector('.leaflet-control-attribution').innerText");
    assertTrue(prefix.startsWith("แผนที่โดย"), prefix);
    String row =
        (String)
            browser.js("return document.querySelector('.legend li').getAttribute('aria-label')");
    assertTrue(row.matches(".+: \\d+ พื้นที่"), row);
    // the saved picture carries the description as its alt text (a PNG iTXt chunk)
    String alt =
        (String)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "import('./js/picture.js').then(m => m.pictureBytes(phaenthi.app)).then(b => {"
                    + " const s = new TextDecoder().decode(b); const i = s.indexOf('Description');"
                    + " done(i < 0 ? '' : s.slice(i + 16, s.indexOf('IEND') - 8)); })");
    assertTrue(alt.contains(top), "alt text in the PNG: " + alt);

    // arrow keys on the focused map pan it and leave the indicator alone
    Object indicator = browser.state("indicator");
    String before = (String) browser.js("return phaenthi.app.map.getCenter().toString()");
    browser.js("document.getElementById('map').focus()");
    browser.driver.findElement(By.id("map")).sendKeys(Keys.ARROW_RIGHT);
    browser
        .waitUpTo(5)
        .until(d -> !before.equals(browser.js("return phaenthi.app.map.getCenter().toString()")));
    assertEquals(indicator, browser.state("indicator"));

    // credits text over the darkest fill (black, the worst case) keeps 4.5:1
    @SuppressWarnings("unchecked")
    List<Number> ratios =
        (List<Number>)
            browser.js(
                "const rgba = s => s.match(/[\\d.]+/g).map(Number);"
                    + "const lum = ([r, g, b]) => [r, g, b].map(c => { c /= 255;"
                    + " return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })"
                    + ".reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);"
                    + "const box = document.querySelector('.leaflet-control-attribution');"
                    + "const [br, bg, bb, ba = 1] = rgba(getComputedStyle(box).backgroundColor);"
                    + "const back = [br * ba, bg * ba, bb * ba];"
                    + "return [box, ...box.querySelectorAll('a')].map(el => {"
                    + " const l1 = lum(rgba(getComputedStyle(el).color)), l2 = lum(back);"
                    + " return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05); })");
    for (Number r : ratios) {
      assertTrue(r.doubleValue() >= 4.5, "credits contrast " + ratios);
    }
  }

  @Test
  void noHorizontalScrollbarAt1280() {
    for (String hash : List.of("#l=province", "#l=district&a=65", "#l=district&a=65&s=6501")) {
      open(hash);
      assertEquals(1280L, browser.js("return innerWidth"));
      Long scroll = (Long) browser.js("return document.documentElement.scrollWidth");
      assertTrue(scroll <= 1280, hash + ": scrollWidth " + scroll);
    }
  }
}
