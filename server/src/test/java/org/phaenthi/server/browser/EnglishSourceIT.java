package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The English interface names the data's source in full in English (the Community Development
 * Department's Basic Minimum Needs survey, not only "จปฐ."): the source line, the years' tooltips,
 * the credits, Bangkok's reason and the change caveat hold no Thai script; the Thai interface words
 * the same in Thai, the 2566 source saying where the file came from. Failed before the fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnglishSourceIT {
  static final String BMN =
      "Community Development Department (CDD) Basic Minimum Needs (BMN) survey";
  static final String THAI = "(?s).*[\\u0E00-\\u0E7F].*";

  private RealServer server;
  private Browser browser;

  @RegisterExtension
  static final TestBrowsers BROWSERS = TestBrowsers.onRealServer("english-source-");

  @BeforeAll
  void start() {
    server = BROWSERS.server();
    browser = BROWSERS.browser();
  }

  private static final String TEXTS =
      "const title = (y) => document.querySelector('#year option[value=\"' + y + '\"]').title;"
          + "return {def: document.getElementById('indicator-def').textContent,"
          + " y2561: title(2561), y2566: title(2566),"
          + " credits: document.querySelector('.leaflet-control-attribution').innerText}";

  @Test
  void theEnglishInterfaceNamesTheSourceInEnglish() {
    browser.open(server.baseUrl + "#i=tpmap:target_poor_rate&y=2561&l=province&lang=en");
    @SuppressWarnings("unchecked")
    Map<String, Object> en = (Map<String, Object>) browser.js(TEXTS);
    for (String k : new String[] {"def", "y2561", "y2566", "credits"}) {
      String text = (String) en.get(k);
      assertFalse(text.matches(THAI), "no Thai script in " + k + ": " + text);
    }
    assertTrue(((String) en.get("def")).contains(BMN), "the source line: " + en);
    assertTrue(((String) en.get("y2561")).contains(BMN), "the 2561 tooltip: " + en);
    assertTrue(((String) en.get("y2566")).contains("Open Parliament Hack 2024"), "" + en);
    assertTrue(((String) en.get("credits")).contains(BMN), "the credits: " + en);

    // Bangkok's reason in the hover box (the area's names are both languages by design)
    browser.js("phaenthi.app.focusArea('10')");
    String why =
        (String) browser.js("return document.querySelector('.hover-info .nodata').innerText");
    assertTrue(why.contains("Bangkok") && why.contains("Basic Minimum Needs"), why);
    assertFalse(why.matches(THAI), "no Thai in Bangkok's reason: " + why);

    // the change map's caveat names both years' sources in English
    browser.open(server.baseUrl + "#i=tpmap:target_poor_rate&y=2566&c=2561&l=province&lang=en");
    Object caveat =
        browser.js(
            "const e = document.querySelector('.legend .caveat'); return e && e.textContent");
    assertNotNull(caveat, "two sources: a caveat");
    assertFalse(((String) caveat).matches(THAI), "no Thai in the caveat: " + caveat);
    assertTrue(((String) caveat).contains(BMN), "" + caveat);
  }

  @Test
  void theThaiInterfaceWordsTheSameInThai() {
    browser.open(server.baseUrl + "#i=tpmap:target_poor_rate&y=2561&l=province&lang=th");
    @SuppressWarnings("unchecked")
    Map<String, Object> th = (Map<String, Object>) browser.js(TEXTS);
    String where = th.toString();
    assertTrue(((String) th.get("def")).contains("ผ่านโครงการ Open Parliament Hack 2024"), where);
    assertTrue(((String) th.get("def")).contains("ข้อมูลความจำเป็นพื้นฐาน (จปฐ.)"), where);
    for (String k : new String[] {"y2561", "y2566"}) {
      String text = (String) th.get(k);
      assertTrue(text.matches(THAI), "the tooltip in Thai: " + k + ": " + text);
      assertFalse(text.contains("indicator set") || text.contains("province level"), text);
    }
    assertTrue(((String) th.get("y2566")).contains("ผ่านโครงการ Open Parliament Hack 2024"), where);
    browser.js("phaenthi.app.focusArea('10')");
    String why =
        (String) browser.js("return document.querySelector('.hover-info .nodata').innerText");
    assertEquals("", why.replaceAll("[^A-Za-z]", ""), "no English in the Thai reason: " + why);
  }
}
