package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The strict Content-Security-Policy ({@code style-src 'self'}, no {@code 'unsafe-inline'}) holds
 * in a real browser: the app, the embed page, /admin and the OGC HTML pages raise no {@code
 * securitypolicyviolation} event and log no console error, and the legend and palette swatches,
 * whose colours the app sets through CSSOM, still show their colours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CspIT {
  /** Collects every CSP violation of every document this tab opens, before the page's scripts. */
  private static final String RECORD_VIOLATIONS =
      "window.__csp = [];"
          + "document.addEventListener('securitypolicyviolation', e =>"
          + " window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')"
          + " + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));";

  private RealServer server;
  private Browser browser;
  private String recorder;

  @RegisterExtension
  static final TestBrowsers BROWSERS = TestBrowsers.onRealServer("csp-").expecting(e -> true);

  @BeforeAll
  void start() throws Exception {
    server = BROWSERS.server();
    browser = BROWSERS.browser();
    recorder = browser.onNewDocument(RECORD_VIOLATIONS);
  }

  @Test
  void theAppDrawsItsLegendColoursUnderTheStrictPolicy() throws Exception {
    browser.open(server.baseUrl + "#l=province&y=2561");
    assertStrictPolicy();
    // each class swatch shows its class's colour (set as element.style.background)
    Object mismatches =
        browser.js(
            "const probe = document.createElement('b'); document.body.appendChild(probe);"
                + "const rgb = c => { probe.style.background = c;"
                + "  return getComputedStyle(probe).backgroundColor; };"
                + "const classes = phaenthi.app.legendModel.classes;"
                + "const swatches = [...document.querySelectorAll('.legend i.class-swatch')];"
                + "const out = [];"
                + "if (swatches.length !== classes.length || classes.length < 3)"
                + "  out.push(swatches.length + ' swatches for ' + classes.length + ' classes');"
                + "swatches.forEach((s, i) => { const want = rgb(classes[i].colour);"
                + "  const got = getComputedStyle(s).backgroundColor;"
                + "  if (got !== want || got === 'rgba(0, 0, 0, 0)') out.push(i + ': ' + got"
                + "   + ' != ' + want); });"
                + "probe.remove(); return out;");
    assertEquals(List.of(), mismatches, "legend swatch colours");
    Object blankPalettes =
        browser.js(
            "const s = [...document.querySelectorAll('#palettes .swatch')];"
                + "return s.length === 0 ? ['no palettes'] : s.filter(p => {"
                + "  const i = [...p.querySelectorAll('i')];"
                + "  return i.length < 3 || i.some(x =>"
                + "   getComputedStyle(x).backgroundColor === 'rgba(0, 0, 0, 0)'); })"
                + " .map(p => p.parentElement.title);");
    assertEquals(List.of(), blankPalettes, "palette swatches without colours");
    assertNoViolations("app");
  }

  @Test
  void theEmbedPageRaisesNoViolation() throws Exception {
    browser.open(server.baseUrl + "embed?l=district&a=83&y=2561");
    assertStrictPolicy();
    assertTrue(
        (Long) browser.js("return document.querySelectorAll('.legend i.class-swatch').length")
            >= 1);
    assertNoViolations("embed");
  }

  @Test
  void theAdminPageRaisesNoViolation() throws Exception {
    openPage(server.baseUrl + "admin");
    assertStrictPolicy();
    assertNoViolations("admin");
  }

  @Test
  void ogcHtmlPagesAreStyledByTheirStylesheet() throws Exception {
    for (String path :
        List.of(
            "ogc?f=html",
            "ogc/collections?f=html",
            "ogc/collections/province/items?f=html&limit=5",
            "ogc/collections/province/items/83?f=html")) {
      openPage(server.baseUrl + path);
      assertStrictPolicy();
      // the stylesheet applied: the body is set in sans-serif as ogc.css says (Chromium's default
      // is a serif)
      Object font = browser.js("return getComputedStyle(document.body).fontFamily");
      assertEquals("sans-serif", font, path);
      assertNoViolations(path);
    }
  }

  /** Opens a page that is not the map app and waits until it has loaded. */
  private void openPage(String url) {
    browser.driver.get("about:blank");
    browser.driver.get(url);
    browser.waitUpTo(20).until(d -> "complete".equals(browser.js("return document.readyState")));
  }

  /** The page was served with the strict policy (so a 0 below means something). */
  private void assertStrictPolicy() {
    Object csp =
        browser.jsAsync(
            "const done = arguments[arguments.length - 1];"
                + "fetch(location.href).then(r => done(r.headers.get('content-security-policy')))"
                + ".catch(e => done('fetch failed: ' + e));");
    String policy = String.valueOf(csp);
    assertTrue(policy.contains("style-src 'self';"), policy);
    assertFalse(policy.contains("unsafe-inline"), policy);
  }

  private void assertNoViolations(String page) throws Exception {
    // violations are reported asynchronously; give them a moment
    Thread.sleep(300);
    Object violations = browser.js("return window.__csp || ['recorder missing']");
    assertEquals(List.of(), violations, page + ": CSP violations");
    // the browser's own favicon request has no icon to find; that is no CSP matter
    List<String> console =
        browser.drainConsoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList();
    assertEquals(List.of(), console, page + ": console errors");
    browser.screenshot("csp-" + page.replaceAll("[^a-z0-9]+", "-"));
  }
}
