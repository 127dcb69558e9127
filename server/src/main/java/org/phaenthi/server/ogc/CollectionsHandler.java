package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Snapshot;

/** {@code /ogc/collections} and {@code /ogc/collections/{collectionId}}: one per admin level. */
public final class CollectionsHandler {
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final Set<String> ONLY_F = Set.of("f");
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data

  public CollectionsHandler(LiveData live) {
    this.live = live::snapshot;
  }

  public void list(Context ctx) {
    VendorParams v = VendorParams.parse(ctx, live.get().dataset(), ONLY_F);
    OgcFormat format = OgcFormat.of(ctx);
    if (OgcCaching.notModified(ctx, live.get().version(), format)) {
      return;
    }
    Boundaries b = live.get().dataset().boundaries();
    List<Map<String, Object>> collections = new ArrayList<>();
    for (AdminLevel level : b.levels()) {
      collections.add(collection(ctx, b, level, v));
    }
    String url = OgcUrls.ogc(ctx) + "/collections";
    List<Link> links =
        OgcUrls.selfAndAlternate(
            url, OgcUrls.query(ctx), format, OgcFormat.JSON_TYPE, "Collections");
    if (format == OgcFormat.HTML) {
      HtmlPage page = new HtmlPage("Collections");
      List<List<String>> rows = new ArrayList<>();
      for (AdminLevel level : b.levels()) {
        String c = url + "/" + level.urlName();
        rows.add(
            List.of(
                HtmlPage.a(v.link(c, "html"), level.urlName()),
                HtmlPage.esc(title(level)),
                Integer.toString(b.count(level)),
                HtmlPage.a(v.link(c + "/items", "html"), "items")));
      }
      page.table(List.of("id", "title", "features", "items"), rows).links(links).send(ctx);
      return;
    }
    Json.send(ctx, Json.obj("links", Link.toMaps(links), "collections", collections));
  }

  public void one(Context ctx) {
    AdminLevel level = level(live.get().levels(), ctx.pathParam("collectionId"));
    VendorParams v = VendorParams.parse(ctx, live.get().dataset(), ONLY_F);
    OgcFormat format = OgcFormat.of(ctx);
    if (OgcCaching.notModified(ctx, live.get().version(), format)) {
      return;
    }
    Map<String, Object> c = collection(ctx, live.get().dataset().boundaries(), level, v);
    if (format == OgcFormat.HTML) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> links = (List<Map<String, Object>>) c.get("links");
      HtmlPage page = new HtmlPage(title(level));
      page.para((String) c.get("description"));
      page.keyValues(
          Json.obj(
              "id", c.get("id"),
              "itemType", c.get("itemType"),
              "features", live.get().dataset().boundaries().count(level),
              "extent (CRS84 bbox)",
                  java.util.Arrays.toString(extent(live.get().dataset().boundaries(), level))));
      page.links(links.stream().map(CollectionsHandler::link).toList()).send(ctx);
      return;
    }
    Json.send(ctx, c);
  }

  /** The collection for an id: 404 naming the valid ids when unknown. */
  static AdminLevel level(org.phaenthi.boundaries.Levels levels, String id) {
    return levels
        .byName(id)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "unknown collection '" + id + "'; collections: " + levels.urlNames()));
  }

  static String title(AdminLevel level) {
    return level.nameEn() + "s — " + level.nameTh();
  }

  private Map<String, Object> collection(
      Context ctx, Boundaries b, AdminLevel level, VendorParams v) {
    String url = OgcUrls.ogc(ctx) + "/collections/" + level.urlName();
    List<Link> links = new ArrayList<>();
    links.add(
        new Link(v.link(url, "json"), "self", OgcFormat.JSON_TYPE, "This collection as JSON"));
    links.add(
        new Link(v.link(url, "html"), "alternate", OgcFormat.HTML_TYPE, "This collection as HTML"));
    links.add(
        new Link(
            v.link(url + "/items", "json"), "items", OgcFormat.GEOJSON, "Features as GeoJSON"));
    links.add(
        new Link(v.link(url + "/items", "html"), "items", OgcFormat.HTML_TYPE, "Features as HTML"));
    links.add(
        new Link(
            v.link(url + "/queryables"),
            SchemaHandler.REL_QUERYABLES,
            SchemaHandler.SCHEMA_JSON,
            "Queryable properties (JSON Schema)"));
    links.add(
        new Link(
            v.link(url + "/schema"),
            SchemaHandler.REL_SCHEMA,
            SchemaHandler.SCHEMA_JSON,
            "Schema of the features (JSON Schema)"));
    links.add(
        new Link(
            v.link(url + "/schema"),
            "describedby",
            SchemaHandler.SCHEMA_JSON,
            "Schema of the features (JSON Schema)"));
    links.add(
        new Link(Attribution_LICENSE, "license", OgcFormat.HTML_TYPE, "Boundaries: CC BY 3.0 IGO"));
    links.add(
        new Link(
            TPMAP_URL,
            "license",
            OgcFormat.HTML_TYPE,
            "Indicators (TPMAP): " + org.phaenthi.server.export.ExportMetadata.INDICATOR_LICENCE));
    for (String ext :
        level.hasGeometry()
            ? List.of("geojson", "csv", "xlsx", "gpkg", "topojson")
            : List.of("csv", "xlsx")) {
      links.add(
          new Link(
              v.forExport(level)
                  .link(OgcUrls.base(ctx) + "/api/export/" + level.urlName() + "." + ext),
              "enclosure",
              org.phaenthi.server.export.ExportFormat.fromExtension(ext).orElseThrow().mediaType(),
              "Download every " + level.urlName() + " as " + ext));
    }
    return Json.obj(
        "id", level.urlName(),
        "title", title(level),
        "description",
            b.count(level)
                + " "
                + level.urlName()
                + (level.hasGeometry()
                    ? " boundaries of Thailand. "
                    : " units of Thailand, without geometry (geometry is null; values only). ")
                + org.phaenthi.server.Attribution.BOUNDARIES
                + " Join one TPMAP indicator with the items parameters indicator and year.",
        "attribution", org.phaenthi.server.Attribution.BOUNDARIES,
        "keywords", List.of("Thailand", level.urlName(), level.nameTh(), "TPMAP"),
        "extent", Json.obj("spatial", Json.obj("bbox", List.of(extent(b, level)), "crs", CRS84)),
        "itemType", "feature",
        "storageCrs", org.phaenthi.server.export.Crs.CRS84_URI,
        "crs", org.phaenthi.server.export.Crs.uris(),
        "links", Link.toMaps(links));
  }

  /** TPMAP states no licence; the link names the publisher and the README's statement. */
  static final String TPMAP_URL = "https://www.tpmap.in.th/";

  private static final String Attribution_LICENSE =
      org.phaenthi.server.Attribution.BOUNDARIES_LICENCE_URL;

  /** The level's bbox; for a level without geometry, that of the top level (the country). */
  static double[] extent(Boundaries b, AdminLevel level) {
    Envelope e = new Envelope();
    for (Area a : b.areas(level.hasGeometry() ? level : b.levels().all().get(0))) {
      e.expandToInclude(a.bbox());
    }
    if (e.isNull()) {
      return new double[] {-180, -90, 180, 90};
    }
    // Rounded outwards so the extent still contains every feature.
    return new double[] {
      Math.floor(e.getMinX() * 1e6) / 1e6,
      Math.floor(e.getMinY() * 1e6) / 1e6,
      Math.ceil(e.getMaxX() * 1e6) / 1e6,
      Math.ceil(e.getMaxY() * 1e6) / 1e6
    };
  }

  private static Link link(Map<String, Object> m) {
    return new Link(
        (String) m.get("href"),
        (String) m.get("rel"),
        (String) m.get("type"),
        (String) m.get("title"));
  }
}
