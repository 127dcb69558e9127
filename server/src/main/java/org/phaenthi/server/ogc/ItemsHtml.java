package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.server.Attribution;

/** The HTML encodings of items and of one feature: property tables and the same links as JSON. */
final class ItemsHtml {
  private ItemsHtml() {}

  static void page(Context ctx, AdminLevel level, ItemsHandler.Page p) {
    HtmlPage page = new HtmlPage(CollectionsHandler.title(level) + ": features");
    page.para(
        "Features "
            + (p.features().isEmpty() ? 0 : p.query().offset() + 1)
            + "–"
            + (p.query().offset() + p.features().size())
            + " of "
            + p.matched()
            + " matched (numberReturned "
            + p.features().size()
            + ", timeStamp "
            + p.timeStamp()
            + "). Geometry: "
            + p.query().simplification().describe()
            + ".");
    String items = OgcUrls.ogc(ctx) + "/collections/" + level.urlName() + "/items/";
    List<String> names = p.query().properties();
    List<List<String>> rows = new ArrayList<>();
    for (Area a : p.features()) {
      Map<String, Object> props = p.query().selection().properties(a);
      List<String> row = new ArrayList<>();
      row.add(HtmlPage.a(items + a.code() + "?f=html", a.code()));
      for (String n : names) {
        Object v = props.get(n);
        row.add(HtmlPage.esc(v == null ? "" : v.toString()));
      }
      rows.add(row);
    }
    List<String> header = new ArrayList<>();
    header.add("id");
    header.addAll(names);
    page.table(header, rows).links(p.links()).para(attribution(p.query())).send(ctx);
  }

  static void feature(Context ctx, ItemsQuery q, Area a, List<Link> links) {
    Map<String, Object> props = q.selection().properties(a);
    Map<String, Object> shown = new java.util.LinkedHashMap<>();
    shown.put("id", a.code());
    q.properties().forEach(n -> shown.put(n, props.get(n)));
    if (a.bbox() != null) {
      shown.put(
          "bbox (CRS84)",
          java.util.Arrays.toString(
              new double[] {
                a.bbox().getMinX(), a.bbox().getMinY(), a.bbox().getMaxX(), a.bbox().getMaxY()
              }));
    }
    new HtmlPage(a.nameTh() + " / " + a.nameEn() + " (" + a.code() + ")")
        .keyValues(shown)
        .links(links)
        .para(attribution(q))
        .send(ctx);
  }

  private static String attribution(ItemsQuery q) {
    return Attribution.BOUNDARIES
        + (q.selection().hasIndicator() ? " " + Attribution.INDICATORS : "");
  }
}
