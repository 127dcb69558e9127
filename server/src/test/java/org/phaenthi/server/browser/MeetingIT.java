package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.interactions.Actions;

/**
 * What a meeting sees (issue 13) and the levels as data (issue 10): the app against the real
 * server, one browser for the class. Each test failed on the code before its fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingIT {
  /**
   * A viewport point on a GeoJSON shape whose code starts with the prefix, not under any control.
   */
  static final String POINT_OF =
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

  /**
   * Wraps fetch so /api/levels also declares a values-only `village` level below the subdistricts,
   * as the data catalogue will (issue 10).
   */
  static final String VILLAGE_LEVEL =
      "const realFetch = window.fetch.bind(window);"
          + "window.fetch = async (url, opts) => {"
          + "  const r = await realFetch(url, opts);"
          + "  if (!String(url).endsWith('api/levels')) return r;"
          + "  const body = await r.json();"
          // the served boundary set declares villages itself now; this only adds them to one that
          // does not
          + "  if (body.levels.some(l => l.geometry === 'none')) {"
          + "    return new Response(JSON.stringify(body), {headers: {'Content-Type': 'application/json'}});"
          + "  }"
          + "  const bottom = body.levels.find(l => !l.child);"
          + "  bottom.child = 'village';"
          + "  body.levels.push({level: 'village', name_th: 'หมู่บ้าน', name_en: 'Village', count: 84090,"
          + "    code_digits: 8, parent: bottom.level, child: null, geometry: 'none'});"
          + "  return new Response(JSON.stringify(body), {headers: {'Content-Type': 'application/json'}});"
          + "};";

  private RealServer server;
  private Browser browser;

  @RegisterExtension static final TestBrowsers BROWSERS = TestBrowsers.onRealServer("meeting-");

  @BeforeAll
  void start() throws Exception {
    server = BROWSERS.server();
    browser = BROWSERS.browser();
  }

  private void open(String pathAndHash) {
    browser.open(server.baseUrl + pathAndHash);
  }

  private void clickAreaStartingWith(String prefix) {
    @SuppressWarnings("unchecked")
    List<Long> pt = (List<Long>) browser.js(POINT_OF, prefix);
    assertNotNull(pt, "no visible point on an area starting with " + prefix);
    new Actions(browser.driver)
        .moveToLocation(pt.get(0).intValue(), pt.get(1).intValue())
        .click()
        .perform();
  }

  @Test
  void levelsComeFromTheApiAndAValuesOnlyLevelIsNeverAMapLevel() {
    String script = browser.onNewDocument(VILLAGE_LEVEL);
    try {
      open("#l=village&a=16010101");
      assertEquals("province", browser.state("level"), "a values-only level in a link is ignored");
      assertEquals("", browser.state("area"));
      assertEquals(
          List.of("province", "district", "subdistrict"),
          browser.js("return [...document.querySelectorAll('#level option')].map(o => o.value)"),
          "the level picker offers the map levels only");
      assertEquals(
          4L, browser.js("return phaenthi.app.levels.all.length"), "the app saw the village level");
      assertEquals(
          List.of("จังหวัด", "อำเภอ/เขต", "ตำบล/แขวง"),
          browser.js("return [...document.querySelectorAll('#level option')].map(o => o.text)"),
          "level names are the API's");

      // drilling stops at the lowest map level: a subdistrict opens its panel, it does not drill on
      open("#l=subdistrict&a=1601");
      long before = browser.renders();
      browser
          .waitUpTo(20)
          .until(
              d ->
                  (Long)
                          browser.js(
                              "return document.querySelectorAll('.leaflet-tile-loaded').length")
                      > 0);
      String code =
          (String) browser.js("return phaenthi.app.current.rows.find(r => r.value !== null).code");
      browser.js("phaenthi.app.focusArea(arguments[0])", code);
      browser.js(
          "document.querySelector('#ranking').open = true;"
              + "document.querySelector('#ranking button[data-code=\"' + arguments[0] + '\"]').click()",
          code);
      browser
          .waitUpTo(10)
          .until(d -> !d.findElement(org.openqa.selenium.By.id("area-panel")).getText().isEmpty());
      assertEquals("subdistrict", browser.state("level"));
      assertEquals(code, browser.state("selected"));
      assertEquals(before, browser.renders(), "no drill-down below the map levels");

      // up one level with U: the district's siblings in its province
      browser.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys("u");
      browser.waitUpTo(20).until(d -> "district".equals(browser.state("level")));
      assertEquals("16", browser.state("area"));
    } finally {
      browser.removeOnNewDocument(script);
    }
  }

  /** Relative luminance of "#rrggbb" in the page: how strong a colour is. */
  private static final String LUMINANCE =
      "const lum = (hex) => { const n = parseInt(hex.slice(1), 16);"
          + " const ch = [n >> 16, (n >> 8) & 255, n & 255].map(c => c / 255)"
          + ".map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);"
          + " return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]; };";

  /**
   * Fill, value and class colours of the worst province of the map shown, and the darkest class
   * colour.
   */
  private static final String WORST =
      LUMINANCE
          + "const app = phaenthi.app, hib = app.current.indicator.higher_is_better;"
          + "const rows = app.current.rows.filter(r => r.value !== null)"
          + ".sort((a, b) => hib ? a.value - b.value : b.value - a.value);"
          + "const worst = rows[0], best = rows[rows.length - 1];"
          + "const fillOf = (code) => { let f = null; app.layers.active.eachLayer(l => {"
          + "  if (l.feature.properties.code === code) f = l.options.fillColor; }); return f; };"
          + "const cs = app.current.colours;"
          + "const darkest = [...cs].sort((a, b) => lum(a) - lum(b))[0];"
          + "return {worst: fillOf(worst.code), best: fillOf(best.code), darkest, colours: cs};";

  @Test
  void worseIsTheStrongEndForEveryPaletteAndDirection() {
    // poverty rate: lower is better; BMN 1 (newborns of 2,500 g or more): higher is better
    for (String indicator : List.of("tpmap:target_poor_rate", "bmn-2560:1")) {
      for (String palette : List.of("YlOrRd", "Greys", "Blues")) {
        open("#i=" + indicator + "&p=" + palette);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> w = (java.util.Map<String, Object>) browser.js(WORST);
        assertEquals(
            w.get("darkest"),
            w.get("worst"),
            indicator + " " + palette + ": worst is darkest " + w);
        assertTrue(
            !w.get("best").equals(w.get("darkest")), indicator + " " + palette + ": best is pale");
      }
      // a diverging palette: the worst areas get its warm (red) end, whichever way is better
      open("#i=" + indicator + "&p=RdYlBu");
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> w = (java.util.Map<String, Object>) browser.js(WORST);
      String worst = (String) w.get("worst");
      int red = Integer.parseInt(worst.substring(1, 3), 16);
      int blue = Integer.parseInt(worst.substring(5, 7), 16);
      assertTrue(red > 150 && blue < 100, indicator + " RdYlBu: worst is red: " + w);
    }
    // the palettes are swatches, colour-blind-safe ones marked, and choosing one recolours the map
    List<?> swatches =
        (List<?>)
            browser.js(
                "return [...document.querySelectorAll('#palettes input[name=palette]')].map(i =>"
                    + " ({value: i.value, colours: i.closest('label').querySelectorAll('.swatch i').length,"
                    + " safe: i.closest('label').dataset.cbSafe === 'true',"
                    + " mark: i.closest('label').querySelector('.cb-safe') !== null}))");
    assertTrue(swatches.size() >= 10, "palette swatches: " + swatches);
    for (Object o : swatches) {
      java.util.Map<?, ?> sw = (java.util.Map<?, ?>) o;
      assertTrue(((Long) sw.get("colours")) >= 3, "a swatch shows the palette: " + sw);
      assertEquals(sw.get("safe"), sw.get("mark"), "colour-blind-safe palettes are marked: " + sw);
    }
    assertTrue(swatches.stream().anyMatch(o -> (Boolean) ((java.util.Map<?, ?>) o).get("safe")));
    assertTrue(swatches.stream().anyMatch(o -> !(Boolean) ((java.util.Map<?, ?>) o).get("safe")));
    long before = browser.renders();
    browser.js("document.querySelector('#palettes input[value=Greens]').click()");
    browser.waitRenderAfter(before);
    assertEquals("Greens", browser.state("palette"));
  }

  @Test
  void backAndForwardRestoreDrillDownsAndLevelChanges() {
    open("");
    long r = browser.renders();
    clickAreaStartingWith("16");
    browser
        .waitUpTo(20)
        .until(d -> "district".equals(browser.state("level")) && browser.renders() > r);
    long r2 = browser.renders();
    clickAreaStartingWith("1601");
    browser
        .waitUpTo(20)
        .until(d -> "subdistrict".equals(browser.state("level")) && browser.renders() > r2);
    assertEquals("1601", browser.state("area"));

    browser.driver.navigate().back();
    browser.waitUpTo(20).until(d -> "district".equals(browser.state("level")));
    assertEquals("16", browser.state("area"));
    browser.driver.navigate().back();
    browser.waitUpTo(20).until(d -> "province".equals(browser.state("level")));
    assertEquals("", browser.state("area"));
    browser.driver.navigate().forward();
    browser.waitUpTo(20).until(d -> "district".equals(browser.state("level")));
    assertEquals("16", browser.state("area"));
    browser
        .waitUpTo(20)
        .until(d -> "false".equals(browser.js("return String(phaenthi.app.rendering)")));
    assertTrue(
        (Long) browser.js("return phaenthi.app.current.rows.length") < 30,
        "the map shows Lop Buri's districts again");

    // the level picker pushes an entry too
    long r3 = browser.renders();
    browser.js(
        "const sel = document.getElementById('level'); sel.value = 'subdistrict';"
            + " sel.dispatchEvent(new Event('change'))");
    browser.waitRenderAfter(r3);
    browser.driver.navigate().back();
    browser.waitUpTo(20).until(d -> "district".equals(browser.state("level")));
    assertEquals("district", browser.js("return document.getElementById('level').value"));
  }

  @Test
  void goingUpClosesThePanelAndAPastedLinkAppliesWhole() {
    open("#l=district&a=16&s=1601");
    browser
        .waitUpTo(10)
        .until(d -> d.findElement(org.openqa.selenium.By.id("area-panel")).isDisplayed());
    long r = browser.renders();
    browser.js("document.querySelector('#breadcrumb button').click()");
    browser.waitRenderAfter(r);
    assertEquals("province", browser.state("level"));
    assertTrue(
        (Boolean) browser.js("return document.getElementById('area-panel').hidden"),
        "going up closes the previous area's panel");
    assertEquals("", browser.state("selected"));

    // a link differing after # pasted into the open tab: language, indicator, level and panel all
    // change
    long r2 = browser.renders();
    browser.js("location.hash = 'l=district&a=16&i=bmn-2560:1&lang=en&s=1602'");
    browser.waitRenderAfter(r2);
    browser
        .waitUpTo(10)
        .until(
            d -> d.findElement(org.openqa.selenium.By.id("area-panel")).getText().contains("1602"));
    assertEquals("en", browser.js("return document.documentElement.lang"));
    assertEquals("bmn-2560:1", browser.state("indicator"));
    assertEquals("bmn-2560:1", browser.js("return document.getElementById('indicator').value"));
    String controls = (String) browser.js("return document.getElementById('controls').innerText");
    assertTrue(controls.contains("Indicator"), "the side panel is in English: " + controls);
    String table =
        (String) browser.js("return document.querySelector('#area-panel table').innerText");
    assertTrue(
        !table.matches("(?s).*[\\u0E00-\\u0E7F].*"), "the area panel is in English: " + table);

    // and a link without a panel closes it
    long r3 = browser.renders();
    browser.js("location.hash = 'l=district&a=16&i=bmn-2560:1&lang=en'");
    browser.waitRenderAfter(r3);
    assertTrue((Boolean) browser.js("return document.getElementById('area-panel').hidden"));
  }

  @Test
  void presentationModeShowsTheWholeCountryWithATitleThatFits() {
    for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(1920, 1080))) {
      browser.driver.manage().window().setSize(size);
      open("");
      browser.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys("p");
      browser
          .waitUpTo(5)
          .until(d -> (Boolean) browser.js("return document.body.classList.contains('present')"));
      // the refit follows the layout change
      browser.waitUpTo(10).until(d -> (Boolean) browser.js("return phaenthi.app.fitted !== false"));
      browser.js("return new Promise(r => setTimeout(r, 300))");
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> m =
          (java.util.Map<String, Object>)
              browser.js(
                  "const app = phaenthi.app, map = app.map;"
                      + "const mr = map.getContainer().getBoundingClientRect();"
                      + "const lr = app.legend.getContainer().getBoundingClientRect();"
                      + "const out = [];"
                      + "for (const f of app.layers.topShapes.features) {"
                      + "  const b = L.geoJSON(f).getBounds();"
                      + "  for (const ll of [b.getNorthWest(), b.getNorthEast(), b.getSouthWest(), b.getSouthEast()]) {"
                      + "    const p = map.latLngToContainerPoint(ll); const x = p.x + mr.left, y = p.y + mr.top;"
                      + "    const inMap = x >= mr.left - 1 && x <= mr.right + 1 && y >= mr.top - 1 && y <= mr.bottom + 1;"
                      + "    const underLegend = x > lr.left && x < lr.right && y > lr.top && y < lr.bottom;"
                      + "    if (!inMap) out.push(f.properties.code + ' off-screen');"
                      + "  }"
                      + "}"
                      + "const tip = (code, pick) => { const f = app.layers.topShapes.features.find(x => x.properties.code === code);"
                      + "  return pick(L.geoJSON(f).getBounds()); };"
                      + "const covered = (ll) => { const p = map.latLngToContainerPoint(ll);"
                      + "  const x = p.x + mr.left, y = p.y + mr.top; return x > lr.left && x < lr.right && y > lr.top && y < lr.bottom; };"
                      + "return {out, header: document.querySelector('.top').getBoundingClientRect().height,"
                      + " height: innerHeight,"
                      + " narathiwatCovered: covered(tip('96', b => b.getSouthEast())),"
                      + " chiangRaiCovered: covered(tip('57', b => b.getNorthEast()))};");
      assertEquals(List.of(), m.get("out"), size + ": every province's extent on screen");
      assertEquals(false, m.get("narathiwatCovered"), size + ": Narathiwat not under the legend");
      assertEquals(false, m.get("chiangRaiCovered"), size + ": Chiang Rai not under the legend");
      double header = ((Number) m.get("header")).doubleValue();
      double height = ((Number) m.get("height")).doubleValue();
      assertTrue(header <= 0.15 * height, size + ": the title takes " + header + " of " + height);
      browser
          .driver
          .findElement(org.openqa.selenium.By.tagName("body"))
          .sendKeys(org.openqa.selenium.Keys.ESCAPE);
    }
  }

  @Test
  void embedCodeStartsCleanAndTheLegendFitsTheFrame() throws Exception {
    open("#l=district&a=16");
    long r = browser.renders();
    clickAreaStartingWith("1601");
    browser.waitRenderAfter(r);
    browser
        .waitUpTo(10)
        .until(d -> d.findElement(org.openqa.selenium.By.id("area-panel")).isDisplayed());
    browser.js("document.getElementById('btn-share').click()");
    String code = (String) browser.js("return document.getElementById('share-iframe').value");
    browser.js("document.getElementById('share-dialog').close()");
    String src = code.replaceAll("(?s).*src=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
    assertTrue(src.contains("/embed?"), code);
    StringBuilder page =
        new StringBuilder("<!doctype html><meta charset=utf-8><title>host</title>");
    int[][] sizes = {{800, 600}, {360, 300}, {400, 400}};
    for (int k = 0; k < sizes.length; k++) {
      page.append("<iframe id=f")
          .append(k)
          .append(" src='")
          .append(src)
          .append("' width=")
          .append(sizes[k][0])
          .append(" height=")
          .append(sizes[k][1])
          .append("></iframe>");
    }
    com.sun.net.httpserver.HttpServer host =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = page.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
      for (int k = 0; k < sizes.length; k++) {
        browser.driver.switchTo().frame("f" + k);
        browser.waitReady();
        String where = sizes[k][0] + "x" + sizes[k][1];
        assertTrue(
            (Boolean) browser.js("return document.getElementById('area-panel').hidden"),
            where + ": the embed opens without the area panel");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Number> lg =
            (java.util.Map<String, Number>)
                browser.js(
                    "const r = document.querySelector('.legend').getBoundingClientRect();"
                        + "return {w: r.width, h: r.height, W: innerWidth, H: innerHeight};");
        double share =
            lg.get("w").doubleValue()
                * lg.get("h").doubleValue()
                / (lg.get("W").doubleValue() * lg.get("H").doubleValue());
        assertTrue(share <= 0.2, where + ": the legend covers " + share + " of the frame " + lg);
        assertTrue(
            lg.get("h").doubleValue() <= 0.6 * lg.get("H").doubleValue(),
            where + ": legend height " + lg);
        browser.driver.switchTo().defaultContent();
      }
    } finally {
      browser.driver.switchTo().defaultContent();
      host.stop(0);
    }
  }

  @Test
  void anIndicatorWithoutTheYearMovesToItsLatestYearAndSaysSoInBothLanguages() {
    for (String lang : List.of("th", "en")) {
      open("#i=tpmap:target_poor_rate&y=2566&lang=" + lang);
      assertEquals(2566L, browser.state("year"));
      long r = browser.renders();
      browser.js(
          "const sel = document.getElementById('indicator'); sel.value = 'bmn-2560:1';"
              + " sel.dispatchEvent(new Event('change'))");
      browser.waitRenderAfter(r);
      assertEquals(2561L, browser.state("year"), lang + ": moved to the indicator's latest year");
      assertEquals("2561", browser.js("return document.getElementById('year').value"));
      assertTrue(
          (Long) browser.js("return phaenthi.app.current.rows.filter(r => r.value !== null).length")
              > 70,
          lang + ": the map has values");
      String notice =
          (String) browser.js("return document.querySelector('.legend .notice')?.innerText || ''");
      assertTrue(notice.contains("2566") && notice.contains("2561"), lang + ": " + notice);
      boolean thai = notice.matches("(?s).*[\\u0E00-\\u0E7F].*");
      assertEquals(
          lang.equals("th"), thai, lang + ": the notice is in the UI's language: " + notice);
    }
  }

  @Test
  void theThaiUiShowsNoEnglishOfItsOwn() {
    // counts in people, the Bangkok reason in the hover box, and the legend
    open("#i=tpmap:poor_people");
    browser.js("phaenthi.app.focusArea('10')");
    String text =
        (String)
            browser.js(
                "return [document.querySelector('.legend').innerText,"
                    + " document.querySelector('.hover-info').innerText,"
                    + " document.getElementById('map-title').innerText,"
                    + " [...document.querySelectorAll('#controls label, #controls legend, #controls summary')]"
                    + "   .map(e => e.firstChild && e.firstChild.textContent).join(' ')].join(' ')");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("[A-Za-z]{3,}").matcher(text.replace("Bangkok", ""));
    List<String> allowed = List.of("TPMAP", "Jenks", "BMN", "MPI");
    List<String> leaks = new java.util.ArrayList<>();
    while (m.find()) {
      if (!allowed.contains(m.group())) {
        leaks.add(m.group());
      }
    }
    assertEquals(List.of(), leaks, "English in the Thai UI: " + text);
  }

  /** Whether the bounds of area `code` lie inside the map, clear of the legend; and the zoom. */
  private static final String FIT_OF =
      "const app = phaenthi.app, map = app.map, code = arguments[0];"
          + "const f = app.layers.topShapes.features.find(x => x.properties.code === code);"
          + "const b = f ? L.geoJSON(f).getBounds() : app.layers.selection.layer.getBounds();"
          + "const size = map.getSize(), nw = map.latLngToContainerPoint(b.getNorthWest()),"
          + " se = map.latLngToContainerPoint(b.getSouthEast());"
          + "const mr = map.getContainer().getBoundingClientRect(), lr = app.legend.getContainer().getBoundingClientRect();"
          + "const inside = nw.x >= -1 && nw.y >= -1 && se.x <= size.x + 1 && se.y <= size.y + 1;"
          + "const clearOfLegend = se.x + mr.left <= lr.left + 1 || se.y + mr.top <= lr.top + 1;"
          + "const panel = document.getElementById('area-panel').getBoundingClientRect();"
          + "const clearOfPanel = panel.width === 0 || se.x + mr.left <= panel.left + 1;"
          + "return {inside, clearOfLegend, clearOfPanel, zoom: map.getZoom(),"
          + " outlined: app.layers.selection ? app.layers.selection.code : null};";

  private void chooseSearchResult(String query, String expectLabel, String expectSelected) {
    var search = browser.driver.findElement(org.openqa.selenium.By.id("search"));
    search.clear();
    search.sendKeys(query);
    browser
        .waitUpTo(10)
        .until(
            d ->
                !d.findElements(org.openqa.selenium.By.cssSelector("#search-results button"))
                    .isEmpty());
    var first =
        browser.driver.findElement(org.openqa.selenium.By.cssSelector("#search-results button"));
    assertTrue(
        first.getText().contains(expectLabel),
        "result labelled with level and parent: " + first.getText());
    long r = browser.renders();
    first.click();
    browser.waitRenderAfter(r);
    assertEquals(expectSelected, browser.state("selected"));
    assertTrue(
        (Boolean) browser.js("return !document.getElementById('area-panel').hidden"),
        "the panel is open");
  }

  @Test
  void aSearchResultIsFittedBesideThePanelAndOutlined() {
    open("");
    double countryZoom = ((Number) browser.js("return phaenthi.app.map.getZoom()")).doubleValue();
    chooseSearchResult("ลพบุรี", "จังหวัด", "16");
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> province =
        (java.util.Map<String, Object>) browser.js(FIT_OF, "16");
    assertTrue(
        ((Number) province.get("zoom")).doubleValue() >= countryZoom + 1.5,
        "zoomed to the province: " + province);
    assertEquals(true, province.get("inside"), "the whole province is on the map: " + province);
    assertEquals(true, province.get("clearOfLegend"), province.toString());
    assertEquals(true, province.get("clearOfPanel"), province.toString());
    assertEquals("16", province.get("outlined"));

    chooseSearchResult("โก่งธนู", "ตำบล/แขวง · เมืองลพบุรี, ลพบุรี", "160104");
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> sub =
        (java.util.Map<String, Object>) browser.js(FIT_OF, "160104");
    assertEquals("160104", sub.get("outlined"), "the subdistrict is outlined");
    assertEquals(true, sub.get("inside"), "the whole subdistrict is on the map: " + sub);
    assertEquals(true, sub.get("clearOfLegend"), sub.toString());
    assertTrue(((Number) sub.get("zoom")).doubleValue() <= 12, "with its surroundings: " + sub);
  }

  private void tap(String prefix) {
    @SuppressWarnings("unchecked")
    List<Long> pt = (List<Long>) browser.js(POINT_OF, prefix);
    assertNotNull(pt, "no visible point on an area starting with " + prefix);
    var finger =
        new org.openqa.selenium.interactions.PointerInput(
            org.openqa.selenium.interactions.PointerInput.Kind.TOUCH, "finger");
    var seq = new org.openqa.selenium.interactions.Sequence(finger, 0);
    seq.addAction(
        finger.createPointerMove(
            java.time.Duration.ZERO,
            org.openqa.selenium.interactions.PointerInput.Origin.viewport(),
            pt.get(0).intValue(),
            pt.get(1).intValue()));
    seq.addAction(
        finger.createPointerDown(
            org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()));
    seq.addAction(
        finger.createPointerUp(
            org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()));
    browser.driver.perform(List.of(seq));
  }

  @Test
  void onAPhoneTheFirstTapInspectsAndNothingCoversTheDrawerOrTheLegend() {
    browser.driver.manage().window().setSize(new Dimension(375, 667));
    open("");
    // the settings drawer is above the map's zoom buttons and legend
    String sideRight = "return document.getElementById('side').getBoundingClientRect().right";
    browser.driver.findElement(org.openqa.selenium.By.id("btn-menu")).click();
    browser.waitUpTo(5).until(d -> ((Number) browser.js(sideRight)).doubleValue() > 200);
    browser.js("return new Promise(r => setTimeout(r, 300))");
    String top =
        (String)
            browser.js(
                "const r = document.querySelector('.leaflet-control-zoom').getBoundingClientRect();"
                    + "const el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                    + "return el.closest('#side') ? 'side' : el.outerHTML.slice(0, 80)");
    assertEquals("side", top, "the drawer covers the zoom buttons");
    browser.driver.findElement(org.openqa.selenium.By.id("btn-menu")).click();
    browser.waitUpTo(5).until(d -> ((Number) browser.js(sideRight)).doubleValue() <= 0);

    // the search hint and the language button are not cut
    assertEquals(
        true,
        browser.js(
            "const i = document.getElementById('search'), cs = getComputedStyle(i);"
                + "const g = document.createElement('canvas').getContext('2d'); g.font = cs.font;"
                + "return g.measureText(i.placeholder).width <= i.clientWidth - parseFloat(cs.paddingLeft)"
                + " - parseFloat(cs.paddingRight);"),
        "search placeholder fits");
    assertEquals(
        true,
        browser.js(
            "const b = document.getElementById('btn-lang'); return b.scrollWidth <= b.clientWidth;"),
        "language button label fits");

    // a tap shows the province's values; only a second tap drills into it
    tap("16");
    browser
        .waitUpTo(5)
        .until(
            d ->
                ((String) browser.js("return document.querySelector('.hover-info').innerText"))
                    .contains("ลพบุรี"));
    browser.js("return new Promise(r => setTimeout(r, 500))");
    assertEquals("province", browser.state("level"), "the first tap does not drill");
    long r = browser.renders();
    tap("16");
    browser
        .waitUpTo(20)
        .until(d -> "district".equals(browser.state("level")) && browser.renders() > r);
    browser
        .waitUpTo(10)
        .until(d -> (Boolean) browser.js("return !document.getElementById('area-panel').hidden"));
    @SuppressWarnings("unchecked")
    java.util.Map<String, Number> rects =
        (java.util.Map<String, Number>)
            browser.js(
                "const l = document.querySelector('.legend').getBoundingClientRect();"
                    + "const p = document.getElementById('area-panel').getBoundingClientRect();"
                    + "return {legendBottom: l.bottom, legendTop: l.top, panelTop: p.top};");
    assertTrue(
        rects.get("legendBottom").doubleValue() <= rects.get("panelTop").doubleValue() + 1,
        "the legend sits above the sheet: " + rects);
  }
}
