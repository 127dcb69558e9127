package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.phaenthi.server.http.PublicUrls;

/**
 * A plain, readable HTML page without external assets: headings, tables, link lists. Its styles
 * come from {@link #STYLESHEET_PATH} on this server, not a {@code <style>} element, so the
 * Content-Security-Policy needs no {@code 'unsafe-inline'}.
 */
final class HtmlPage {
  /** Where {@link #stylesheet} is served. */
  static final String STYLESHEET_PATH = "/ogc/style.css";

  private static final byte[] STYLESHEET = loadStylesheet();

  private final StringBuilder body = new StringBuilder();
  private final String title;

  HtmlPage(String title) {
    this.title = title;
    body.append("<h1>").append(esc(title)).append("</h1>\n");
  }

  HtmlPage heading(String text) {
    body.append("<h2>").append(esc(text)).append("</h2>\n");
    return this;
  }

  HtmlPage para(String text) {
    body.append("<p>").append(esc(text)).append("</p>\n");
    return this;
  }

  HtmlPage links(List<Link> links) {
    body.append("<ul>\n");
    for (Link l : links) {
      body.append("<li><a href=\"")
          .append(esc(l.href()))
          .append("\">")
          .append(esc(l.title()))
          .append("</a> <small>(")
          .append(esc(l.rel()))
          .append(", ")
          .append(esc(l.type()))
          .append(")</small></li>\n");
    }
    body.append("</ul>\n");
    return this;
  }

  /** A two-column table of names and values. */
  HtmlPage keyValues(Map<String, ?> rows) {
    body.append("<table>\n");
    rows.forEach(
        (k, v) ->
            body.append("<tr><th>")
                .append(esc(k))
                .append("</th><td>")
                .append(esc(v == null ? "" : String.valueOf(v)))
                .append("</td></tr>\n"));
    body.append("</table>\n");
    return this;
  }

  /** A table with a header row; cells given as already-escaped HTML when {@code raw} is true. */
  HtmlPage table(List<String> header, List<List<String>> rows) {
    body.append("<table>\n<tr>");
    header.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
    body.append("</tr>\n");
    for (List<String> r : rows) {
      body.append("<tr>");
      r.forEach(c -> body.append("<td>").append(c).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  HtmlPage raw(String html) {
    body.append(html);
    return this;
  }

  void send(Context ctx) {
    String page =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>"
            + esc(title)
            + "</title><link rel=\"stylesheet\" href=\""
            + esc(PublicUrls.of(ctx) + STYLESHEET_PATH)
            + "\"></head><body>\n"
            + body
            + "</body></html>\n";
    ctx.contentType("text/html; charset=utf-8").result(page.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers {@link #STYLESHEET_PATH}. */
  static void stylesheet(Context ctx) {
    ctx.contentType("text/css; charset=utf-8").result(STYLESHEET);
  }

  private static byte[] loadStylesheet() {
    try (InputStream in = HtmlPage.class.getResourceAsStream("ogc.css")) {
      if (in == null) {
        throw new IllegalStateException("ogc.css is missing from the server jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String a(String href, String text) {
    return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
  }
}
