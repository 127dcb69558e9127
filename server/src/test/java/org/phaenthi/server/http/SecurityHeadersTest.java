package org.phaenthi.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phaenthi.server.HttpTestClient;
import org.phaenthi.server.PhaenthiServer;
import org.phaenthi.server.TestServers;

/** CSP without inline script, no framing except /embed by the configured ancestors, nosniff. */
class SecurityHeadersTest {
  @TempDir Path tmp;

  @Test
  void everyResponseCarriesThemAndOnlyEmbedMayBeFramed() {
    try (PhaenthiServer server =
        TestServers.start(
            TestServers.dataset(),
            tmp,
            "--embed-ancestors",
            "https://province.example https://www.example.go.th",
            "--base-map-url",
            "https://{s}.tiles.example/{z}/{x}/{y}.png")) {
      HttpTestClient http = new HttpTestClient(server.port());
      for (String path :
          List.of(
              "/",
              "/index.html",
              "/api/levels",
              "/ogc?f=html",
              "/tiles/province/0/0/0.mvt",
              "/nope")) {
        HttpResponse<byte[]> r = http.get(path, "Accept-Encoding", "gzip");
        assertEquals(List.of("nosniff"), r.headers().allValues("X-Content-Type-Options"), path);
        assertEquals(
            "strict-origin-when-cross-origin",
            r.headers().firstValue("Referrer-Policy").orElse(null),
            path);
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
        assertTrue(csp.contains("script-src 'self';"), path + ": " + csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertTrue(csp.contains("img-src 'self' data: blob: https://*.tiles.example"), csp);
      }
      HttpResponse<byte[]> embed = http.get("/embed?level=province");
      assertEquals(200, embed.statusCode());
      String csp = embed.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(
          csp.contains("frame-ancestors https://province.example https://www.example.go.th"), csp);
      assertFalse(csp.contains("'none'; frame"), csp);
    }
  }

  @Test
  void byDefaultAnySiteMayEmbedButNoneMayFrameTheApp() {
    try (PhaenthiServer server = TestServers.start(TestServers.dataset(), tmp)) {
      HttpTestClient http = new HttpTestClient(server.port());
      assertTrue(
          http.get("/embed")
              .headers()
              .firstValue("Content-Security-Policy")
              .orElse("")
              .endsWith("frame-ancestors *"));
      assertTrue(
          http.get("/")
              .headers()
              .firstValue("Content-Security-Policy")
              .orElse("")
              .endsWith("frame-ancestors 'none'"));
    }
  }

  /**
   * Styles too come only from this server: no {@code 'unsafe-inline'}, and the OGC HTML pages link
   * a served stylesheet instead of carrying a {@code <style>} element or style attributes.
   */
  @Test
  void stylesOnlyFromThisServerAndOgcPagesLinkTheirStylesheet() {
    try (PhaenthiServer server = TestServers.start(TestServers.dataset(), tmp)) {
      HttpTestClient http = new HttpTestClient(server.port());
      for (String path :
          List.of(
              "/ogc?f=html",
              "/ogc/collections?f=html",
              "/ogc/collections/province?f=html",
              "/ogc/collections/province/items?f=html&limit=3",
              "/ogc/collections/province/items/83?f=html",
              "/ogc/collections/province/queryables?f=html")) {
        HttpResponse<byte[]> r = http.get(path);
        assertEquals(200, r.statusCode(), path);
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("style-src 'self';"), path + ": " + csp);
        assertFalse(csp.contains("unsafe-inline"), path + ": " + csp);
        String html = new String(r.body(), StandardCharsets.UTF_8);
        assertFalse(html.contains("<style"), path);
        assertFalse(Pattern.compile("\\sstyle\\s*=").matcher(html).find(), path);
        assertTrue(
            html.contains(
                "<link rel=\"stylesheet\" href=\"http://127.0.0.1:"
                    + server.port()
                    + "/ogc/style.css\">"),
            path);
      }
      HttpResponse<byte[]> css = http.get("/ogc/style.css");
      assertEquals(200, css.statusCode());
      assertTrue(
          css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"),
          css.headers().toString());
      assertTrue(new String(css.body(), StandardCharsets.UTF_8).contains("border-collapse"));
    }
  }

  /**
   * The pages the CSP must allow: no inline script (scripts only by {@code src}, no {@code on*}
   * handlers, no {@code javascript:} URLs) in the web app's HTML.
   */
  @Test
  void theWebAppsPagesHaveNoInlineScript() throws IOException {
    Pattern script = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    for (String page : List.of("/phaenthi-web/index.html", "/phaenthi-web/embed.html")) {
      String html;
      try (InputStream in = SecurityHeadersTest.class.getResourceAsStream(page)) {
        assertNotNull(in, page);
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Matcher m = script.matcher(html);
      int scripts = 0;
      while (m.find()) {
        scripts++;
        assertTrue(m.group(1).contains("src="), page + ": inline <script" + m.group(1) + ">");
      }
      assertTrue(scripts > 0, page);
      assertFalse(
          Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), page);
      assertFalse(html.toLowerCase().contains("javascript:"), page);
    }
  }
}
