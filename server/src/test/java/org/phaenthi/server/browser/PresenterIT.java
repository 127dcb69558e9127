package org.phaenthi.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.phaenthi.server.render.Texts;
import org.w3c.dom.NodeList;

/**
 * What the last review of issue 13 found a presenter would still hit: the change caveat in English
 * only, a one-value class labelled by a range under national breaks (and the pictures disagreeing
 * with the app there), an empty map saved as a picture, and the English picture's bare B.E. year.
 * Each test failed on the code before its change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresenterIT {
  private RealServer server;
  private Browser browser;

  @RegisterExtension
  static final TestBrowsers BROWSERS =
      TestBrowsers.onRealServer("presenter-").expecting(e -> e.contains("503"));

  @BeforeAll
  void start() throws Exception {
    server = BROWSERS.server();
    browser = BROWSERS.browser();
  }

  private void open(String hash) {
    browser.open(server.baseUrl + hash);
  }

  @SuppressWarnings("unchecked")
  private List<String> legendLabels() {
    return (List<String>)
        browser.js(
            "return [...document.querySelectorAll('.legend li:not(.nodata-row):not(.faded-row)"
                + " .range')].map(e => e.textContent)");
  }

  @Test
  void theChangeCaveatIsShownInTheInterfacesLanguage() {
    String base = "#i=tpmap:target_poor_rate&y=2566&c=2561&l=province";
    @SuppressWarnings("unchecked")
    Map<String, Object> change =
        (Map<String, Object>)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('api/values?level=province&indicator=tpmap:target_poor_rate"
                    + "&year=2566&compare=2561').then(r => r.json()).then(b => done(b.change))");
    assertNotNull(change);
    if (change.get("caveat") == null) {
      // the bundled years come from one source: the server gives no caveat, the legend shows none
      open(base);
      assertEquals(0L, browser.js("return document.querySelectorAll('.legend .caveat').length"));
      return;
    }
    String th = (String) change.get("caveat_th");
    assertNotNull(th, "the server words the caveat in Thai too: " + change);
    assertTrue(th.matches("(?s).*[\\u0E00-\\u0E7F].*"), th);
    open(base + "&lang=th");
    String shownTh =
        (String) browser.js("return document.querySelector('.legend .caveat').textContent");
    assertEquals(th, shownTh);
    open(base + "&lang=en");
    String shownEn =
        (String) browser.js("return document.querySelector('.legend .caveat').textContent");
    assertEquals(change.get("caveat"), shownEn);
  }

  @Test
  void aOneValueClassIsLabelledByItsValueUnderNationalBreaksInTheAppTheEmbedAndThePicture()
      throws Exception {
    // a district indicator whose national classes include one holding a single value (a pass
    // rate of 100 % in many districts), and a province with a district in that class
    @SuppressWarnings("unchecked")
    Map<String, Object> found =
        (Map<String, Object>)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "(async () => {"
                    + " const inds = (await (await fetch('api/indicators')).json()).indicators;"
                    + " for (const i of inds) {"
                    + "  const ys = (i.years || {}).district || []; if (!ys.length) continue;"
                    + "  const y = Math.max(...ys);"
                    + "  const q = `level=district&indicator=${encodeURIComponent(i.code)}&year=${y}`;"
                    + "  const c = await (await fetch(`api/classes?${q}`)).json();"
                    + "  const k = c.classes.findIndex(x => x.single !== null && x.single !== undefined"
                    + "   && x.lower !== x.upper);"
                    + "  if (k < 0) continue;"
                    + "  const v = await (await fetch(`api/values?${q}`)).json();"
                    + "  const row = v.values.find(r => r.value === c.classes[k].single);"
                    + "  return {code: i.code, year: y, k, single: c.classes[k].single,"
                    + "   province: row.code.slice(0, 2)};"
                    + " }"
                    + " return null; })().then(done, e => done(String(e)))");
    assertNotNull(found, "the bundled data has a district class of one value");
    String code = (String) found.get("code");
    long year = ((Number) found.get("year")).longValue();
    String province = (String) found.get("province");
    int k = ((Number) found.get("k")).intValue();
    String expected = new Texts("en").number(((Number) found.get("single")).doubleValue());

    open("#i=" + code + "&y=" + year + "&l=district&a=" + province + "&lang=en");
    assertEquals(
        "national",
        browser.js("return document.querySelector('.legend .scope-note')?.dataset.scope"));
    List<String> app = legendLabels();
    assertEquals(expected, app.get(k), "class " + k + " of " + code + " in " + province);

    // the embed of the same view shows the same labels
    browser.open(
        server.baseUrl
            + "embed?i="
            + code
            + "&y="
            + year
            + "&l=district&a="
            + province
            + "&lang=en");
    assertEquals(app, legendLabels(), "embed");

    // and so does the server's picture of it (its SVG keeps the legend as text)
    String svg =
        get(
            "render/district.svg?indicator="
                + code
                + "&year="
                + year
                + "&parent="
                + province
                + "&lang=en");
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    // the SVG names its DTD (www.w3.org): never fetch it (no network here, and none needed)
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    NodeList texts =
        xml.newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .getElementsByTagName("text");
    List<String> all = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      all.add(texts.item(i).getTextContent());
    }
    for (String label : app) {
      assertTrue(all.contains(label), "picture legend has '" + label + "': " + all);
    }
  }

  private String get(String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.baseUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    for (int i = 0; i < 20 && r.statusCode() == 503; i++) {
      Thread.sleep(500); // an export slot was busy
      r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl + path)).build(),
                  HttpResponse.BodyHandlers.ofString());
    }
    assertEquals(200, r.statusCode(), path);
    return r.body();
  }

  @Test
  void anEmptyMapCannotBeSavedAsAPictureAndTheButtonSaysWhy() {
    String id =
        browser.onNewDocument(
            "const realFetch = window.fetch.bind(window);"
                + "window.fetch = (url, opts) => String(url).startsWith('api/values?')"
                + " ? Promise.resolve(new Response('{\"status\":503,\"message\":\"busy\"}',"
                + " {status: 503})) : realFetch(url, opts);");
    try {
      for (String lang : List.of("th", "en")) {
        open("#i=tpmap:target_poor_rate&y=2561&l=province&lang=" + lang);
        assertEquals(
            Boolean.TRUE,
            browser.js("return document.getElementById('btn-picture').disabled"),
            "no values in view: nothing to save");
        String title = (String) browser.js("return document.getElementById('btn-picture').title");
        assertTrue(
            lang.equals("th")
                ? title.contains("บันทึกเป็นภาพไม่ได้")
                : title.contains("cannot be saved as a picture"),
            title);
        // the keyboard shortcut says so too, and downloads nothing
        browser.js(
            "window.__downloads = 0; document.addEventListener('click', e => {"
                + " if (e.target.download) { window.__downloads++; e.preventDefault(); } }, true);"
                + "document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 's',"
                + " bubbles: true}));");
        browser.js("return new Promise(r => setTimeout(r, 300))");
        assertEquals(0L, browser.js("return window.__downloads"));
        String notice =
            (String)
                browser.js("return document.querySelector('.legend .notice')?.textContent || ''");
        assertEquals(title, notice);
      }
    } finally {
      browser.removeOnNewDocument(id);
    }
    // with values the button is back
    open("#i=tpmap:target_poor_rate&y=2561&l=province&lang=en");
    assertEquals(
        Boolean.FALSE, browser.js("return document.getElementById('btn-picture').disabled"));
  }

  @Test
  void theEnglishPictureSaysTheYearIsBuddhistEraAsTheServersPictureDoes() throws Exception {
    open("#i=tpmap:target_poor_rate&y=2561&l=province&lang=en");
    // every string the picture draws, in the order drawn
    @SuppressWarnings("unchecked")
    List<String> drawn =
        (List<String>)
            browser.jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + "const seen = []; const real = CanvasRenderingContext2D.prototype.fillText;"
                    + "CanvasRenderingContext2D.prototype.fillText = function (t, ...rest) {"
                    + " seen.push(String(t)); return real.call(this, t, ...rest); };"
                    + "import('./js/picture.js').then(m => { m.renderPicture(phaenthi.app);"
                    + " CanvasRenderingContext2D.prototype.fillText = real; done(seen); })");
    String made =
        "made " + new Texts("en").date(LocalDate.now(java.time.ZoneId.of("Asia/Bangkok")));
    assertTrue(made.endsWith(" B.E."), made);
    assertTrue(
        drawn.stream().anyMatch(s -> s.endsWith(made)), "app picture: " + made + " in " + drawn);
    String svg = get("render/province.svg?indicator=tpmap:target_poor_rate&year=2561&lang=en");
    assertTrue(svg.contains(made), "server picture: " + made);
  }
}
