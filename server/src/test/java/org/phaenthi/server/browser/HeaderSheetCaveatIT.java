package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The three defects the last new-user walkthrough of issue 13 left, on the real data: the header's
 * map title cut off at desktop sizes, the legend over the area on a phone with the sheet up, and
 * English source names in the Thai change caveat. Each test failed on the code before its fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeaderSheetCaveatIT {
  private RealServer server;
  private Browser browser;

  @RegisterExtension
  static final TestBrowsers BROWSERS = TestBrowsers.onRealServer("header-sheet-caveat-");

  @BeforeAll
  void start() {
    server = BROWSERS.server();
    browser = BROWSERS.browser();
  }

  /**
   * The longest indicator name with subdistrict data, inside Phitsanulok, at 1280×800 and 1920×1080
   * in both languages: the header shows the whole title (indicator, area, level, year), neither cut
   * by an ellipsis nor overflowing its box.
   */
  @Test
  void theHeaderShowsTheWholeTitleOfALongIndicator() {
    browser.open(server.baseUrl + "#lang=en");
    String code =
        (String)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('api/indicators').then(r => r.json()).then(b => {"
                    + " const inds = b.indicators.filter(i => ((i.years || {}).subdistrict || [])"
                    + "  .includes(2561));"
                    + " inds.sort((x, y) => (y.name_en || '').length - (x.name_en || '').length);"
                    + " done(inds[0].code); })");
    assertNotNull(code);
    for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(1920, 1080))) {
      browser.driver.manage().window().setSize(size);
      for (String lang : List.of("en", "th")) {
        browser.open(server.baseUrl + "#i=" + code + "&y=2561&l=subdistrict&a=65&lang=" + lang);
        browser.waitUpTo(10).until(d -> browser.js("return phaenthi.app.chain.length").equals(1L));
        @SuppressWarnings("unchecked")
        Map<String, Object> t =
            (Map<String, Object>)
                browser.js(
                    "const h = document.getElementById('map-title'), cs = getComputedStyle(h);"
                        + "return {text: h.textContent, want: phaenthi.app.titleText,"
                        + " sw: h.scrollWidth, cw: h.clientWidth, sh: h.scrollHeight,"
                        + " ch: h.clientHeight, ellipsis: cs.textOverflow,"
                        + " lines: Math.round(h.clientHeight / parseFloat(cs.lineHeight)),"
                        + " font: parseFloat(cs.fontSize)}");
        String where = size + " " + lang + ": " + t;
        assertEquals(t.get("want"), t.get("text"), where);
        String text = (String) t.get("text");
        assertTrue(text.contains("2561"), "the year: " + where);
        assertTrue(text.contains(lang.equals("th") ? "พิษณุโลก" : "Phitsanulok"), where);
        assertTrue(num(t, "sw") <= num(t, "cw"), "not cut at the side: " + where);
        assertTrue(num(t, "sh") <= num(t, "ch") + 1, "not cut below: " + where);
        assertFalse("ellipsis".equals(t.get("ellipsis")) && num(t, "sw") > num(t, "cw"), where);
        assertTrue(num(t, "font") >= 13, "readable: " + where);
        assertTrue(num(t, "lines") <= 3, "at most three lines: " + where);
      }
    }
  }

  /**
   * A phone with district 6501's sheet up: the subdistricts of the district are fitted in the part
   * of the map that neither the sheet nor the legend covers (the legend covered its right part).
   */
  @Test
  void onAPhoneTheAreaFitsBesideTheSheetAndTheLegend() {
    browser.driver.manage().window().setSize(new Dimension(375, 667));
    for (String hash :
        List.of(
            "#i=tpmap:target_poor_rate&y=2561&l=subdistrict&a=6501&s=6501&lang=th",
            "#i=tpmap:target_poor_rate&y=2561&l=district&a=65&s=65&lang=en")) {
      String area = hash.replaceAll(".*&s=(\\d+).*", "$1");
      browser.open(server.baseUrl + hash);
      browser.waitUpTo(10).until(d -> d.findElement(By.id("area-panel")).isDisplayed());
      browser.js("return new Promise(r => setTimeout(r, 800))");
      @SuppressWarnings("unchecked")
      Map<String, Object> r =
          (Map<String, Object>)
              browser.jsAsync(
                  "const done = arguments[arguments.length - 1];"
                      + "phaenthi.app.layers.boundsOf(arguments[0]).then(b => {"
                      + " const m = phaenthi.app.map, c = m.getContainer().getBoundingClientRect();"
                      + " const nw = m.latLngToContainerPoint(b.getNorthWest()),"
                      + "  se = m.latLngToContainerPoint(b.getSouthEast());"
                      + " const box = (e) => { const q = e.getBoundingClientRect();"
                      + "  return {l: q.left, t: q.top, r: q.right, b: q.bottom}; };"
                      + " done({area: {l: c.left + nw.x, t: c.top + nw.y, r: c.left + se.x,"
                      + "  b: c.top + se.y}, map: box(m.getContainer()),"
                      + "  sheet: box(document.getElementById('area-panel')),"
                      + "  legend: box(document.querySelector('.legend'))}); })",
                  area);
      String where = hash + ": " + r;
      Map<?, ?> a = (Map<?, ?>) r.get("area");
      Map<?, ?> sheet = (Map<?, ?>) r.get("sheet");
      Map<?, ?> legend = (Map<?, ?>) r.get("legend");
      Map<?, ?> map = (Map<?, ?>) r.get("map");
      double slack = 2;
      assertTrue(v(a, "b") <= v(sheet, "t") + slack, "above the sheet: " + where);
      assertTrue(v(a, "t") >= v(map, "t") - slack, "below the map's top: " + where);
      assertTrue(
          v(a, "l") >= v(map, "l") - slack && v(a, "r") <= v(map, "r") + slack,
          "in the map " + where);
      boolean apart =
          v(a, "r") <= v(legend, "l") + slack
              || v(a, "l") >= v(legend, "r") - slack
              || v(a, "b") <= v(legend, "t") + slack
              || v(a, "t") >= v(legend, "b") - slack;
      assertTrue(apart, "the legend does not cover the area: " + where);
      assertTrue(v(a, "r") - v(a, "l") > 60, "the area is not tiny: " + where);
    }
  }

  /**
   * The Thai change caveat shown in the Thai legend names the sources in Thai: no Latin letters but
   * the system's name TPMAP (as the Thai sources write it), and it holds both years.
   */
  @Test
  void theThaiChangeCaveatNamesTheSourcesInThai() {
    browser.open(server.baseUrl + "#i=tpmap:target_poor_rate&y=2566&c=2561&l=province&lang=th");
    Object shown =
        browser.js(
            "const e = document.querySelector('.legend .caveat'); return e && e.textContent");
    assertNotNull(shown, "the real data's two years come from two sources: a caveat");
    String th = (String) shown;
    assertTrue(th.contains("2561") && th.contains("2566") && th.contains("แหล่งต่างกัน"), th);
    assertEquals("", th.replace("TPMAP", "").replaceAll("[^A-Za-z]", ""), th);
  }

  private static double num(Map<String, Object> m, String k) {
    return ((Number) m.get(k)).doubleValue();
  }

  private static double v(Map<?, ?> m, String k) {
    return ((Number) m.get(k)).doubleValue();
  }
}
