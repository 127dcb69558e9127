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
import org.openqa.selenium.support.ui.Select;

/**
 * Change over time in the web app (issue 13): the target-poor rate 2561→2566 by province, the
 * bundled data's two comparable years. Failed before the change mode existed (no compare picker).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeMapIT {
  static final String RATE = "tpmap:target_poor_rate";

  /** Code → [change, fill colour] of every province shape. */
  static final String FILLS =
      "const out = {}; phaenthi.app.layers.active.eachLayer(l => {"
          + "  const r = phaenthi.app.current.byCode.get(l.feature.properties.code);"
          + "  out[l.feature.properties.code] = [r ? r.value : null,"
          + "    typeof l.options.fillColor === 'string' ? l.options.fillColor : 'hatch'];"
          + "}); return out;";

  private RealServer server;
  private Browser browser;

  @RegisterExtension static final TestBrowsers BROWSERS = TestBrowsers.onRealServer("change-");

  @BeforeAll
  void start() throws Exception {
    server = BROWSERS.server();
    browser = BROWSERS.browser();
  }

  private static int red(String hex) {
    return Integer.parseInt(hex.substring(1, 3), 16);
  }

  private static int blue(String hex) {
    return Integer.parseInt(hex.substring(5, 7), 16);
  }

  @Test
  void aChangeMapColoursRisesOfPovertyWarmAndTheLegendNamesBothYears() {
    browser.open(server.baseUrl + "#i=" + RATE + "&y=2566&c=2561");
    assertEquals(2561L, browser.state("compare"));
    String legend = browser.driver.findElement(By.cssSelector(".legend")).getText();
    assertTrue(legend.contains("การเปลี่ยนแปลง 2561→2566"), legend);
    assertTrue(legend.contains("จุดร้อยละ"), "the change is in percentage points: " + legend);
    assertTrue(
        browser.driver.findElement(By.id("map-title")).getText().contains("2561→2566"),
        "the title says it is a change map");

    @SuppressWarnings("unchecked")
    Map<String, List<Object>> fills = (Map<String, List<Object>>) browser.js(FILLS);
    assertEquals(77, fills.size());
    // the values are the server's changes, computed from counts
    @SuppressWarnings("unchecked")
    Map<String, Object> api =
        (Map<String, Object>)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('api/values?level=province&indicator="
                    + RATE
                    + "&year=2566&compare=2561').then(r => r.json()).then(b => {"
                    + "  const o = {}; b.values.forEach(v => o[v.code] = v.value); done(o); });");
    for (var e : fills.entrySet()) {
      Object mine = e.getValue().get(0);
      Object theirs = api.get(e.getKey());
      assertEquals(
          theirs == null ? null : ((Number) theirs).doubleValue(),
          mine == null ? null : ((Number) mine).doubleValue(),
          "change of " + e.getKey());
    }
    assertEquals("hatch", fills.get("10").get(1), "Bangkok has no จปฐ. data: no change either");

    // the target-poor rate is lower-is-better and fell in every province from 2561 to 2566: every
    // fill is on the cool ("better") side, strongest where it fell most, and no class reaches above
    // 0
    String most = null;
    String least = null;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (List<Object> v : fills.values()) {
      if (v.get(0) == null) {
        continue;
      }
      double d = ((Number) v.get(0)).doubleValue();
      String fill = (String) v.get(1);
      assertTrue(blue(fill) > red(fill), "a fall of poverty (" + d + ") is cool: " + fill);
      if (d < min) {
        min = d;
        most = fill;
      }
      if (d > max) {
        max = d;
        least = fill;
      }
    }
    assertNotNull(most);
    assertTrue(max < 0, "the real data has falls only: up to " + max);
    assertTrue(
        luminance(most) < luminance(least),
        "the largest fall ("
            + min
            + ") "
            + most
            + " is stronger than the smallest ("
            + max
            + ") "
            + least);
  }

  private static int luminance(String hex) {
    int r = red(hex);
    int g = Integer.parseInt(hex.substring(3, 5), 16);
    return (299 * r + 587 * g + 114 * blue(hex)) / 1000;
  }

  @Test
  void thePickerTurnsTheChangeMapOnAndOffAndTheLinkKeepsIt() {
    browser.open(server.baseUrl + "#i=" + RATE + "&y=2566");
    Select compare = new Select(browser.driver.findElement(By.id("compare")));
    assertFalse(
        browser.driver.findElement(By.cssSelector(".legend")).getText().contains("→"),
        "no change map by default");
    assertFalse(
        browser.driver.findElement(By.cssSelector("#compare option[value='2566']")).isEnabled(),
        "a year cannot be compared with itself");
    long before = browser.renders();
    compare.selectByValue("2561");
    browser.waitRenderAfter(before);
    assertTrue(
        browser.driver.findElement(By.cssSelector(".legend")).getText().contains("2561→2566"));
    assertTrue(
        ((String) browser.js("return location.hash")).contains("c=2561"),
        "the link carries the base year");
    before = browser.renders();
    new Select(browser.driver.findElement(By.id("compare"))).selectByValue("");
    browser.waitRenderAfter(before);
    assertFalse(browser.driver.findElement(By.cssSelector(".legend")).getText().contains("→"));
    assertEquals(null, browser.state("compare"));
  }

  /** The map's breaks and the server's /api/classes for the same state, as [web, server]. */
  private List<Object> breaksBoth(String query) {
    @SuppressWarnings("unchecked")
    List<Object> both =
        (List<Object>)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('api/classes?' + arguments[0]).then(r => r.json())"
                    + ".then(b => done([phaenthi.app.current.breaks, b.breaks]));",
                query);
    return both;
  }

  @Test
  void theMapsBreaksAreTheServersClasses() {
    for (String method : List.of("quantile", "jenks", "equal")) {
      browser.open(server.baseUrl + "#l=district&i=bmn-2560:16&y=2561&m=" + method + "&n=6");
      List<Object> both =
          breaksBoth("level=district&indicator=bmn-2560:16&year=2561&method=" + method + "&n=6");
      assertEquals(both.get(1), both.get(0), method + ": web and server breaks");
      assertTrue(((List<?>) both.get(0)).size() >= 3, "several classes: " + both.get(0));
    }
    browser.open(server.baseUrl + "#i=" + RATE + "&y=2566&c=2561&m=jenks");
    List<Object> both =
        breaksBoth("level=province&indicator=" + RATE + "&year=2566&compare=2561&method=jenks");
    assertEquals(both.get(1), both.get(0), "change map: web and server breaks");
  }

  @Test
  void aBaseYearTheLevelLacksIsDropped() {
    // subdistricts have 2561 only: there is nothing to compare with
    browser.open(server.baseUrl + "#l=subdistrict&a=6501&i=" + RATE + "&y=2561&c=2566");
    assertEquals(null, browser.state("compare"));
    assertFalse(browser.driver.findElement(By.cssSelector(".legend")).getText().contains("→"));
  }

  @Test
  void theDataLinksOfAChangeMapDownloadTheChangeTheMapShows() {
    browser.open(server.baseUrl + "#i=" + RATE + "&y=2566&c=2561");
    assertEquals(2561L, browser.state("compare"));
    @SuppressWarnings("unchecked")
    List<String> links =
        (List<String>)
            browser.js("return [...document.querySelectorAll('#downloads a')].map(a => a.href)");
    assertEquals(3, links.size(), links.toString());
    for (String href : links) {
      assertTrue(href.contains("compare=2561") && href.contains("year=2566"), href);
    }
    assertEquals(
        "",
        browser.js(
            "return document.getElementById('downloads').innerText.includes('2566 (') ? 'note' : ''"),
        "no note that the files hold the year's values: they hold the change");
    // the CSV's change column is the value the map shows, for every province
    @SuppressWarnings("unchecked")
    Map<String, Object> mismatch =
        (Map<String, Object>)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()).then(text => {"
                    // RFC 4180: a cell holding , or \" is quoted, \" doubled
                    + "  const split = (l) => { const c = []; let b = '', q = false;"
                    + "    for (let i = 0; i < l.length; i++) { const x = l[i];"
                    + "      if (q) { if (x === '\"' && l[i + 1] === '\"') { b += x; i++; }"
                    + "               else if (x === '\"') q = false; else b += x; }"
                    + "      else if (x === '\"') q = true;"
                    + "      else if (x === ',') { c.push(b); b = ''; } else b += x; }"
                    + "    c.push(b); return c; };"
                    + "  const rows = text.replace(/^\\uFEFF/, '').trim().split('\\r\\n').map(split);"
                    + "  const head = rows[0]; const code = head.indexOf('code'), ch = head.indexOf('change');"
                    + "  const out = {n: rows.length - 1};"
                    + "  for (const r of rows.slice(1)) {"
                    + "    const v = phaenthi.app.current.byCode.get(r[code]);"
                    + "    const shown = v && v.value !== null ? v.value : null;"
                    + "    const file = r[ch] === '' ? null : Number(r[ch]);"
                    + "    if (shown === null ? file !== null : Math.abs(shown - file) > 1e-9) out[r[code]] = [shown, file];"
                    + "  } done(out); }, e => done({error: String(e)}))",
                links.stream().filter(l -> l.contains(".csv?")).findFirst().orElseThrow());
    assertEquals(77L, mismatch.remove("n"), "every province in the file");
    assertEquals(Map.of(), mismatch, "areas whose exported change differs from the map's");
  }
}
