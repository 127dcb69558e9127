package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Defects a fresh new-user walkthrough of session 7 found (1280×800 here; the walkthrough also ran
 * at 1920×1080 and 375×667, Thai and English, on the real data). Each test failed on the code
 * before its fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkthroughIT {
  private RealServer server;
  private Browser browser;

  @RegisterExtension static final TestBrowsers BROWSERS = TestBrowsers.onRealServer("walkthrough-");

  @BeforeAll
  void start() {
    server = BROWSERS.server();
    browser = BROWSERS.browser();
  }

  /**
   * A link to a province's districts with its panel open, pasted into a tab showing the country:
   * the map fits the province (opening the panel resized the map, and the moveend that followed
   * wrote the old view into the link's state, so the map stayed on the whole country).
   */
  @Test
  void aLinkWithAnOpenPanelPastedIntoTheTabFitsItsArea() {
    String link = "i=tpmap:target_poor_rate&y=2561&l=district&a=65&s=65&lang=en";
    browser.open(server.baseUrl + "#" + link);
    browser.waitUpTo(10).until(d -> d.findElement(By.id("area-panel")).isDisplayed());
    double freshZoom = ((Number) browser.js("return phaenthi.app.map.getZoom()")).doubleValue();
    browser.open(server.baseUrl + "#lang=en");
    long before = browser.renders();
    browser.js("location.hash = arguments[0]", link);
    browser.waitRenderAfter(before);
    browser.waitUpTo(10).until(d -> d.findElement(By.id("area-panel")).isDisplayed());
    @SuppressWarnings("unchecked")
    Map<String, Object> fit =
        (Map<String, Object>)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "phaenthi.app.layers.boundsOf('65').then(b => {"
                    + " const m = phaenthi.app.map;"
                    + " done({zoom: m.getZoom(), inside: m.getBounds().contains(b),"
                    + " share: (b.getEast() - b.getWest()) / (m.getBounds().getEast()"
                    + " - m.getBounds().getWest())}); })");
    assertEquals(Boolean.TRUE, fit.get("inside"), fit.toString());
    assertEquals(
        freshZoom, ((Number) fit.get("zoom")).doubleValue(), 0.01, "zoom as a fresh load: " + fit);
    assertTrue(
        ((Number) fit.get("share")).doubleValue() > 0.25, "the province fills the map: " + fit);
  }

  /**
   * "Save picture" of Phitsanulok's subdistricts (a long indicator name), in English and Thai:
   * every text drawn on the picture, recorded, holds the whole title (it was cut to one line,
   * losing the year), the legend's title broken between words only ("9-ye / ar" before) and the
   * legend's municipal-units note (missing before).
   */
  @Test
  void theSavedPictureHasTheWholeTitleWordsAndTheMunicipalNote() {
    for (String lang : List.of("en", "th")) {
      browser.open(server.baseUrl + "#i=bmn-2560:16&y=2561&l=subdistrict&a=65&lang=" + lang);
      @SuppressWarnings("unchecked")
      Map<String, Object> r =
          (Map<String, Object>)
              browser.jsAsync(
                  "const done = arguments[arguments.length - 1];"
                      + "const drawn = []; const P = CanvasRenderingContext2D.prototype;"
                      + "const orig = P.fillText;"
                      + "import('./js/picture.js').then(m => {"
                      + " P.fillText = function (t) { drawn.push(String(t));"
                      + "  return orig.apply(this, arguments); };"
                      + " try { m.renderPicture(phaenthi.app); } finally { P.fillText = orig; }"
                      + " done({drawn, title: phaenthi.app.titleText,"
                      + "  legend: phaenthi.app.legendModel.title,"
                      + "  note: document.querySelector('.legend .note')?.textContent || ''}); })"
                      + ".catch(e => done({error: String(e)}))");
      @SuppressWarnings("unchecked")
      List<String> drawn = (List<String>) r.get("drawn");
      String title = (String) r.get("title");
      String note = ((String) r.get("note")).trim();
      assertTrue(title.contains("2561") && !note.isEmpty(), r.toString());
      if (lang.equals("en")) {
        String spaced = String.join(" ", drawn).replaceAll("\\s+", " ");
        assertTrue(spaced.contains(title.replaceAll("\\s+", " ")), "whole title in " + drawn);
        assertTrue(
            spaced.contains((String) r.get("legend")), "legend title between words: " + drawn);
        assertTrue(spaced.contains(note.replaceAll("\\s+", " ")), "note in " + drawn);
      } else {
        String packed = String.join("", drawn).replaceAll("\\s", "");
        assertTrue(packed.contains(title.replaceAll("\\s", "")), "whole title in " + drawn);
        assertTrue(packed.contains(note.replaceAll("\\s", "")), "note in " + drawn);
      }
    }
  }

  /**
   * The fixed iframe code of a province's districts, in frames of 800×600, 360×300 and 400×400: the
   * whole province is in view in each (the code carried this window's zoom and centre, so a small
   * frame showed a fragment of Phitsanulok).
   */
  @Test
  void theEmbedCodeShowsTheWholeAreaInFramesOfEverySize() {
    browser.open(server.baseUrl + "#i=tpmap:target_poor_rate&y=2561&l=district&a=65&lang=en");
    browser.driver.findElement(By.id("btn-share")).click();
    String code = (String) browser.js("return document.getElementById('share-iframe').value");
    String src = code.replaceAll("(?s).*src=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
    assertTrue(!src.contains("v="), src);
    browser.js("document.getElementById('share-dialog').close()");
    for (int[] size : new int[][] {{800, 600}, {360, 300}, {400, 400}}) {
      browser.js(
          "document.querySelectorAll('iframe.walk').forEach(f => f.remove());"
              + "const f = Object.assign(document.createElement('iframe'), {className: 'walk',"
              + " src: arguments[0], width: arguments[1], height: arguments[2]});"
              + "f.style.cssText = 'position:fixed;top:0;left:0;z-index:9999;border:0';"
              + "document.body.appendChild(f);",
          src,
          size[0],
          size[1]);
      browser.driver.switchTo().frame(browser.driver.findElement(By.cssSelector("iframe.walk")));
      try {
        browser.waitReady();
        Object inside =
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "phaenthi.app.layers.boundsOf('65').then(b =>"
                    + " done(phaenthi.app.map.getBounds().pad(0.02).contains(b)))");
        assertEquals(Boolean.TRUE, inside, "Phitsanulok whole in " + size[0] + "×" + size[1]);
      } finally {
        browser.driver.switchTo().defaultContent();
      }
    }
    browser.js("document.querySelectorAll('iframe.walk').forEach(f => f.remove())");
  }

  /**
   * A province found by search from the country's map (the level stays "province"): Back returns to
   * the country's view with no panel, inside the app (the search replaced the history entry, so
   * Back left the app).
   */
  @Test
  void backAfterASearchReturnsToTheViewSearchedFrom() {
    browser.open(server.baseUrl + "#lang=en");
    Object countryZoom = browser.js("return phaenthi.app.map.getZoom()");
    long entries = (Long) browser.js("return history.length");
    long before = browser.renders();
    browser.driver.findElement(By.id("search")).sendKeys("Pitsanulok");
    browser
        .waitUpTo(10)
        .until(
            d ->
                (Long)
                        browser.js(
                            "return document.querySelectorAll('#search-results button').length")
                    > 0);
    browser.driver.findElement(By.id("search")).sendKeys(org.openqa.selenium.Keys.ENTER);
    browser.waitRenderAfter(before);
    assertEquals("65", browser.state("selected"));
    assertEquals(entries + 1, browser.js("return history.length"), "the search is an entry");
    before = browser.renders();
    browser.driver.navigate().back();
    browser.waitRenderAfter(before);
    assertEquals("", browser.state("selected"), "back to the view searched from");
    assertEquals(countryZoom, browser.js("return phaenthi.app.map.getZoom()"));
    assertEquals(Boolean.TRUE, browser.js("return document.getElementById('area-panel').hidden"));
    browser.driver.navigate().forward();
    browser.waitUpTo(10).until(d -> "65".equals(browser.state("selected")));
  }

  /**
   * A link to the whole country pasted into a tab showing a province with its panel open: the
   * country is fitted as on a fresh load (the fit was made beside the panel, which closed after it,
   * leaving the country small in the top right corner).
   */
  @Test
  void aLinkWithoutAPanelPastedOverAnOpenPanelFitsAsAFreshLoad() {
    browser.open(server.baseUrl + "#lang=en");
    String view =
        "const m = phaenthi.app.map; return [m.getZoom(), m.getCenter().lat, m.getCenter().lng]";
    @SuppressWarnings("unchecked")
    List<Number> fresh = (List<Number>) browser.js(view);
    browser.open(server.baseUrl + "#i=tpmap:target_poor_rate&y=2561&l=district&a=65&s=65&lang=en");
    browser.waitUpTo(10).until(d -> d.findElement(By.id("area-panel")).isDisplayed());
    long before = browser.renders();
    browser.js("location.hash = 'lang=en'");
    browser.waitRenderAfter(before);
    assertEquals(
        Boolean.TRUE, browser.js("return document.getElementById('area-panel').hidden"), "closed");
    @SuppressWarnings("unchecked")
    List<Number> after = (List<Number>) browser.js(view);
    for (int i = 0; i < 3; i++) {
      assertEquals(
          fresh.get(i).doubleValue(), after.get(i).doubleValue(), 0.05, fresh + " vs " + after);
    }
  }
}
