package org.phaenthi.server.browser;

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
 * A phone (390×844) with an area's sheet up: the compact legend above the sheet uses the width of
 * the strip of map left above it, its swatches and ranges on one line each (it was about 141 px
 * wide, the ranges squeezed). Failed before the fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLegendIT {
  private RealServer server;
  private Browser browser;

  @RegisterExtension
  static final TestBrowsers BROWSERS = TestBrowsers.onRealServer("phone-legend-");

  @BeforeAll
  void start() {
    server = BROWSERS.server();
    browser = BROWSERS.browser();
  }

  @Test
  void withTheSheetUpTheLegendUsesTheWidthOfTheStrip() {
    browser.driver.manage().window().setSize(new Dimension(390, 844));
    for (String hash :
        List.of(
            "#i=tpmap:target_poor_rate&y=2561&l=district&a=65&s=65&lang=en",
            "#i=tpmap:target_poor_rate&y=2561&l=subdistrict&a=6501&s=6501&lang=th",
            "#i=tpmap:people_surveyed&y=2561&l=district&a=65&s=6501&lang=en")) {
      browser.open(server.baseUrl + hash);
      browser.waitUpTo(10).until(d -> d.findElement(By.id("area-panel")).isDisplayed());
      browser.js("return new Promise(r => setTimeout(r, 600))");
      @SuppressWarnings("unchecked")
      Map<String, Object> m =
          (Map<String, Object>)
              browser.js(
                  "const box = (e) => { const q = e.getBoundingClientRect();"
                      + " return {l: q.left, t: q.top, r: q.right, b: q.bottom, w: q.width}; };"
                      + "const lg = document.querySelector('.legend');"
                      + "const rows = [...lg.querySelectorAll('li')].map(li => {"
                      + " const r = li.querySelector('.range'), q = r.getBoundingClientRect();"
                      + " const lh = parseFloat(getComputedStyle(r).lineHeight) || 20;"
                      + " return {text: r.textContent, w: q.width, lines: Math.round(q.height / lh),"
                      + "  cut: r.scrollWidth > r.clientWidth + 1}; });"
                      + "return {legend: box(lg),"
                      + " map: box(phaenthi.app.map.getContainer()),"
                      + " sheet: box(document.getElementById('area-panel')), rows,"
                      + " sw: lg.scrollWidth, cw: lg.clientWidth}");
      String where = hash + ": " + m;
      Map<?, ?> legend = (Map<?, ?>) m.get("legend");
      Map<?, ?> map = (Map<?, ?>) m.get("map");
      Map<?, ?> sheet = (Map<?, ?>) m.get("sheet");
      double strip = v(map, "w");
      double w = v(legend, "w");
      assertTrue(w >= 250 || w >= 0.7 * strip, "the legend uses the strip's width: " + where);
      assertTrue(
          v(legend, "l") >= v(map, "l") - 0.5 && v(legend, "r") <= v(map, "r") + 0.5,
          "inside the map: " + where);
      assertTrue(v(legend, "b") <= v(sheet, "t") + 0.5, "above the sheet: " + where);
      assertTrue(v(m, "sw") <= v(m, "cw"), "no sideways scrolling: " + where);
      for (Object o : (List<?>) m.get("rows")) {
        Map<?, ?> row = (Map<?, ?>) o;
        assertTrue(v(row, "lines") <= 1, "each range on one line: " + row + " in " + where);
        assertTrue(!(Boolean) row.get("cut"), "not cut: " + row + " in " + where);
      }
    }
  }

  private static double v(Map<?, ?> m, String k) {
    return ((Number) m.get(k)).doubleValue();
  }
}
