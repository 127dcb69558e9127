package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
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
          + "  const bottom = body.levels.find(l => !l.child);"
          + "  bottom.child = 'village';"
          + "  body.levels.push({level: 'village', name_th: 'หมู่บ้าน', name_en: 'Village', count: 84090,"
          + "    code_digits: 8, parent: bottom.level, child: null, geometry: 'none'});"
          + "  return new Response(JSON.stringify(body), {headers: {'Content-Type': 'application/json'}});"
          + "};";

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
    browser.screenshot("meeting-" + info.getTestMethod().orElseThrow().getName());
    assertEquals(List.of(), browser.drainConsoleErrors(), "browser console errors");
    browser.driver.manage().window().setSize(new Dimension(1280, 800));
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
}
