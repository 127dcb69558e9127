package org.phaenthi.server.ogc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Snapshot;

/**
 * The landing page ({@code /ogc}), the conformance declaration ({@code /ogc/conformance}) and the
 * API definition ({@code /ogc/api}: the OpenAPI 3.0 document of the whole server, a maintained
 * static resource; {@code f=html} renders it as the service documentation).
 */
public final class RootHandler {
  public static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
  public static final List<String> CONFORMS_TO =
      List.of(
          CORE,
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
          "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
          "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
          "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
          "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
          "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
          "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions");
  static final String OPENAPI_RESOURCE = "/phaenthi-ogc/openapi.json";
  private static final Set<String> ONLY_F = Set.of("f");

  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data

  public RootHandler(LiveData live) {
    this.live = live::snapshot;
  }

  /** The stylesheet of the HTML pages ({@code /ogc/style.css}). */
  public void stylesheet(Context ctx) {
    // the same bytes for every data version: keyed on the build's output version alone
    if (OgcCaching.notModified(ctx, "css", OgcFormat.HTML)) {
      return;
    }
    HtmlPage.stylesheet(ctx);
  }

  public void landing(Context ctx) {
    VendorParams v = VendorParams.parse(ctx, live.get().dataset(), ONLY_F);
    OgcFormat format = OgcFormat.of(ctx);
    if (OgcCaching.notModified(ctx, live.get().version(), format)) {
      return;
    }
    String ogc = OgcUrls.ogc(ctx);
    String title = "Phaenthi — Thai admin boundaries and TPMAP indicators";
    String description =
        "Provinces, districts and subdistricts of Thailand as OGC API – Features collections,"
            + " optionally joined with one TPMAP indicator (parameters indicator, year).";
    List<Link> links =
        new ArrayList<>(
            OgcUrls.selfAndAlternate(
                ogc, OgcUrls.query(ctx), format, OgcFormat.JSON_TYPE, "This landing page"));
    links.add(
        new Link(
            v.link(ogc + "/api"),
            "service-desc",
            OgcFormat.OPENAPI,
            "The API definition (OpenAPI 3.0)"));
    links.add(
        new Link(
            v.link(ogc + "/api", "html"),
            "service-doc",
            OgcFormat.HTML_TYPE,
            "The API documentation"));
    links.add(
        new Link(
            v.link(ogc + "/conformance"),
            "conformance",
            OgcFormat.JSON_TYPE,
            "Conformance classes implemented"));
    links.add(
        new Link(
            v.link(ogc + "/conformance"),
            "http://www.opengis.net/def/rel/ogc/1.0/conformance",
            OgcFormat.JSON_TYPE,
            "Conformance classes implemented"));
    links.add(
        new Link(
            v.link(ogc + "/collections"), "data", OgcFormat.JSON_TYPE, "The feature collections"));
    links.add(
        new Link(
            v.link(ogc + "/collections"),
            "http://www.opengis.net/def/rel/ogc/1.0/data",
            OgcFormat.JSON_TYPE,
            "The feature collections"));
    links.add(new Link(OgcUrls.base(ctx) + "/", "related", OgcFormat.HTML_TYPE, "The map"));
    if (format == OgcFormat.HTML) {
      new HtmlPage(title)
          .para(description)
          .para("Data version " + live.get().version())
          .links(links)
          .send(ctx);
      return;
    }
    Json.send(
        ctx, Json.obj("title", title, "description", description, "links", Link.toMaps(links)));
  }

  public void conformance(Context ctx) {
    VendorParams.parse(ctx, live.get().dataset(), ONLY_F);
    OgcFormat format = OgcFormat.of(ctx);
    if (OgcCaching.notModified(ctx, live.get().version(), format)) {
      return;
    }
    List<Link> links =
        OgcUrls.selfAndAlternate(
            OgcUrls.ogc(ctx) + "/conformance",
            OgcUrls.query(ctx),
            format,
            OgcFormat.JSON_TYPE,
            "Conformance");
    if (format == OgcFormat.HTML) {
      HtmlPage page = new HtmlPage("Conformance classes");
      page.raw("<ul>\n");
      CONFORMS_TO.forEach(c -> page.raw("<li>" + HtmlPage.a(c, c) + "</li>\n"));
      page.raw("</ul>\n").links(links).send(ctx);
      return;
    }
    Json.send(ctx, Json.obj("conformsTo", CONFORMS_TO, "links", Link.toMaps(links)));
  }

  public void apiDefinition(Context ctx) throws IOException {
    VendorParams.parse(ctx, live.get().dataset(), ONLY_F);
    OgcFormat format = OgcFormat.of(ctx);
    if (OgcCaching.notModified(ctx, live.get().version(), format)) {
      return;
    }
    byte[] doc = openApi();
    if (format == OgcFormat.HTML) {
      apiHtml(ctx, Json.MAPPER.readTree(doc));
      return;
    }
    ctx.contentType(OgcFormat.OPENAPI).result(withServer(doc, OgcUrls.base(ctx)));
  }

  /**
   * The document as served: the root {@code servers} URL is this server's {@code /ogc}, absolute
   * and built like the links (scheme and host of the request, or {@code X-Forwarded-*}), and the
   * OGC paths are relative to it ({@code /conformance}, {@code /collections/...}), as OGC clients
   * and the OGC test suite expect; the server's other paths ({@code /api/...}, {@code /tiles/...})
   * keep their full path under a path-level {@code servers} URL of the bare origin. The packaged
   * resource keeps full paths, so it reads as one table of the server's routes.
   */
  static byte[] withServer(byte[] doc, String base) throws IOException {
    ObjectNode api = (ObjectNode) Json.MAPPER.readTree(doc);
    api.putArray("servers")
        .addObject()
        .put("url", base + OgcUrls.ROOT)
        .put("description", "OGC API – Features of this server");
    ObjectNode paths = Json.MAPPER.createObjectNode();
    api.path("paths")
        .fields()
        .forEachRemaining(
            e -> {
              String path = e.getKey();
              if (path.equals(OgcUrls.ROOT) || path.startsWith(OgcUrls.ROOT + "/")) {
                String rel = path.substring(OgcUrls.ROOT.length());
                paths.set(rel.isEmpty() ? "/" : rel, e.getValue());
              } else {
                ObjectNode item = ((ObjectNode) e.getValue()).deepCopy();
                item.putArray("servers")
                    .addObject()
                    .put("url", base)
                    .put("description", "this server");
                paths.set(path, item);
              }
            });
    api.set("paths", paths);
    return Json.MAPPER.writeValueAsBytes(api);
  }

  static byte[] openApi() throws IOException {
    try (InputStream in = RootHandler.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw ApiException.unavailable("the API definition is not packaged in this build");
      }
      return in.readAllBytes();
    }
  }

  /** The service documentation: every path and operation of the OpenAPI document as a table. */
  private static void apiHtml(Context ctx, com.fasterxml.jackson.databind.JsonNode api) {
    HtmlPage page = new HtmlPage(api.path("info").path("title").asText("API"));
    page.para(api.path("info").path("description").asText(""));
    page.para("Machine-readable definition: " + OgcUrls.ogc(ctx) + "/api (OpenAPI 3.0, JSON).");
    List<List<String>> rows = new ArrayList<>();
    api.path("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          List<String> params = new ArrayList<>();
                          op.getValue()
                              .path("parameters")
                              .forEach(x -> params.add(paramName(api, x)));
                          rows.add(
                              List.of(
                                  HtmlPage.esc(op.getKey().toUpperCase(java.util.Locale.ROOT)),
                                  HtmlPage.esc(p.getKey()),
                                  HtmlPage.esc(op.getValue().path("summary").asText("")),
                                  HtmlPage.esc(String.join(", ", params))));
                        }));
    page.table(List.of("method", "path", "summary", "parameters"), rows);
    page.links(
        List.of(
            new Link(
                OgcUrls.ogc(ctx) + "/api", "service-desc", OgcFormat.OPENAPI, "OpenAPI 3.0 JSON"),
            new Link(OgcUrls.ogc(ctx), "up", OgcFormat.HTML_TYPE, "Landing page")));
    page.send(ctx);
  }

  private static String paramName(
      com.fasterxml.jackson.databind.JsonNode api, com.fasterxml.jackson.databind.JsonNode p) {
    String ref = p.path("$ref").asText(null);
    if (ref != null && ref.startsWith("#/components/parameters/")) {
      p = api.path("components").path("parameters").path(ref.substring(24));
    }
    return p.path("name").asText("?");
  }
}
