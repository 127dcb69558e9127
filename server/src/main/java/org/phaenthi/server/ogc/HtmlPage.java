package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A plain, readable HTML page without external assets: headings, tables, link lists. */
final class HtmlPage {
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
            + "</title><style>body{font-family:sans-serif;margin:1.5em;max-width:70em}"
            + "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.2em .5em;"
            + "text-align:left;vertical-align:top}th{background:#f3f3f3}</style></head><body>\n"
            + body
            + "</body></html>\n";
    ctx.contentType("text/html; charset=utf-8").result(page.getBytes(StandardCharsets.UTF_8));
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
