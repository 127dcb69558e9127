package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/**
 * The classification's "Breaks from" select: its options are short enough for the select in the
 * side panel (they were cut: "the whole country (same colours in every view)"), and the line under
 * it says what the choice means, in the interface's language. Failed before the fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceScopeIT {
  private RealServer server;
  private Browser browser;

  @RegisterExtension
  static final TestBrowsers BROWSERS = TestBrowsers.onRealServer("source-scope-");

  @BeforeAll
  void start() {
    server = BROWSERS.server();
    browser = BROWSERS.browser();
  }

  /**
   * What the select needs: a copy of it sized by its content (a select as wide as its widest
   * option, arrow and padding included) next to the real one's width; the panel's overflow; and the
   * explanation under the select.
   */
  private static final String MEASURE =
      "const s = document.getElementById('scope'), side = document.getElementById('side');"
          + "const copy = s.cloneNode(true); copy.removeAttribute('id');"
          + "copy.style.width = 'auto'; copy.style.display = 'inline-block';"
          + "copy.style.position = 'absolute'; copy.style.visibility = 'hidden';"
          + "s.parentNode.appendChild(copy); const need = copy.getBoundingClientRect().width;"
          + "copy.remove();"
          + "const r = s.getBoundingClientRect(), p = side.getBoundingClientRect();"
          + "const note = document.getElementById('scope-explain');"
          + "const nr = note ? note.getBoundingClientRect() : null;"
          + "return {need, have: r.width, right: r.right, panelRight: p.right,"
          + " sw: side.scrollWidth, cw: side.clientWidth,"
          + " options: [...s.options].map(o => o.text),"
          + " note: note ? note.textContent : null, noteShown: !!(nr && nr.height > 0),"
          + " noteBelow: !!(nr && nr.top >= r.bottom - 1), noteRight: nr ? nr.right : 0,"
          + " noteSw: note ? note.scrollWidth : 0, noteCw: note ? note.clientWidth : 0}";

  @Test
  void theBreaksFromOptionsFitTheSelectAndTheLineUnderItExplainsTheChoice() {
    for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
      browser.driver.manage().window().setSize(size);
      for (String lang : List.of("en", "th")) {
        browser.open(
            server.baseUrl + "#i=tpmap:target_poor_rate&y=2561&l=district&a=65&lang=" + lang);
        if (size.width < 700) {
          browser.js("document.body.classList.add('side-open')");
          browser.js("return new Promise(r => setTimeout(r, 400))");
        }
        String national = null;
        for (String scope : List.of("national", "view")) {
          browser.js(
              "const s = document.getElementById('scope'); s.value = arguments[0];"
                  + " s.dispatchEvent(new Event('change'));",
              scope);
          browser
              .waitUpTo(10)
              .until(d -> scope.equals(browser.js("return phaenthi.app.state.scope")));
          browser.js("return new Promise(r => setTimeout(r, 300))");
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) browser.js(MEASURE);
          String where = size + " " + lang + " " + scope + ": " + m;
          assertTrue(
              num(m, "need") <= num(m, "have") + 0.5, "the options fit the select: " + where);
          assertTrue(num(m, "right") <= num(m, "panelRight") + 0.5, "inside the panel: " + where);
          assertTrue(num(m, "sw") <= num(m, "cw"), "the panel does not overflow: " + where);
          assertTrue((Boolean) m.get("noteShown"), "an explanation is shown: " + where);
          assertTrue((Boolean) m.get("noteBelow"), "under the select: " + where);
          assertTrue(num(m, "noteRight") <= num(m, "panelRight") + 0.5, where);
          assertTrue(num(m, "noteSw") <= num(m, "noteCw"), "the explanation wraps: " + where);
          String note = (String) m.get("note");
          boolean thai = note.matches("(?s).*[\\u0E00-\\u0E7F].*");
          assertEquals(lang.equals("th"), thai, "in the interface's language: " + where);
          String options = String.join(" ", (List<String>) m.get("options"));
          assertEquals(
              lang.equals("th"),
              options.matches("(?s).*[\\u0E00-\\u0E7F].*"),
              "options in the interface's language: " + where);
          if (national == null) {
            national = note;
          } else {
            assertNotEquals(national, note, "the explanation follows the choice: " + where);
          }
        }
      }
    }
  }

  private static double num(Map<String, Object> m, String k) {
    return ((Number) m.get(k)).doubleValue();
  }
}
