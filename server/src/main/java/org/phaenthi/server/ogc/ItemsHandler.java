package org.phaenthi.server.ogc;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.export.ExportAdmission;
import org.phaenthi.server.export.GeoJsonFeatureWriter;

/**
 * {@code /ogc/collections/{collectionId}/items} and {@code .../items/{featureId}}. Features are in
 * code order; a page is {@code limit} features from {@code offset}. GeoJSON is streamed feature by
 * feature; everything that can fail with a 4xx is checked before the first byte.
 */
public final class ItemsHandler {
  /**
   * A page that may hold more features than this at full detail is an export in all but name: it
   * takes a permit of the downloads' admission ({@code --export-concurrency}) like {@code
   * /api/export}, so {@code limit=10000} cannot bypass the bound.
   */
  static final int ADMITTED_PAGE = 100;

  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final ExportAdmission admission;

  public ItemsHandler(LiveData live) {
    this(live, null);
  }

  /**
   * @param admission the downloads' admission, or null for none
   */
  public ItemsHandler(LiveData live, ExportAdmission admission) {
    this.live = live::snapshot;
    this.admission = admission;
  }

  public void items(Context ctx) throws IOException {
    Dataset d = live.get().dataset();
    AdminLevel level = CollectionsHandler.level(live.get().levels(), ctx.pathParam("collectionId"));
    OgcFormat format = OgcFormat.of(ctx);
    ItemsQuery q = ItemsQuery.parse(ctx, d, level, false);
    if (notModified(ctx, d, q, format)) {
      return;
    }
    try (ExportAdmission.Permit permit = permit(ctx, level, q)) {
      page(ctx, d, level, format, q);
    }
  }

  /** A permit for a page that may hold more than {@link #ADMITTED_PAGE} full-detail features. */
  private ExportAdmission.Permit permit(Context ctx, AdminLevel level, ItemsQuery q) {
    if (admission == null
        || !level.hasGeometry()
        || q.limit() <= ADMITTED_PAGE
        || !q.simplification().equals(org.phaenthi.server.export.Simplification.FULL_DETAIL)) {
      return () -> {};
    }
    try {
      return admission.enter(ctx);
    } catch (ApiException refused) {
      ctx.res().setHeader("ETag", null);
      throw refused;
    }
  }

  private void page(Context ctx, Dataset d, AdminLevel level, OgcFormat format, ItemsQuery q)
      throws IOException {
    List<Area> matched = match(d, level, q);
    int from = (int) Math.min(q.offset(), matched.size());
    List<Area> page =
        matched.subList(from, (int) Math.min((long) from + q.limit(), matched.size()));
    String url = OgcUrls.ogc(ctx) + "/collections/" + level.urlName() + "/items";
    List<Link> links = pageLinks(ctx, url, format, q, matched.size());
    Page p =
        new Page(q, matched.size(), page, links, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    if (format == OgcFormat.HTML) {
      ItemsHtml.page(ctx, level, p);
      return;
    }
    ctx.contentType(OgcFormat.GEOJSON);
    ctx.header("Content-Crs", "<" + q.crs().uri() + ">");
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(ctx.outputStream())) {
      writeCollection(gen, p);
    }
  }

  public void item(Context ctx) throws IOException {
    Dataset d = live.get().dataset();
    AdminLevel level = CollectionsHandler.level(live.get().levels(), ctx.pathParam("collectionId"));
    OgcFormat format = OgcFormat.of(ctx);
    String code = ctx.pathParam("featureId");
    ItemsQuery q = ItemsQuery.parse(ctx, d, level, true);
    // looked up first: a 404 carries no ETag
    Area a =
        d.boundaries()
            .area(code)
            .filter(x -> x.level() == level)
            .filter(
                x -> q.selection().parent() == null || x.code().startsWith(q.selection().parent()))
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no feature '"
                            + code
                            + "' in collection '"
                            + level.urlName()
                            + "'"
                            + (q.selection().parent() == null
                                ? ""
                                : " under parent '" + q.selection().parent() + "'")));
    if (notModified(ctx, d, q, format)) {
      return;
    }
    String url = OgcUrls.ogc(ctx) + "/collections/" + level.urlName() + "/items/" + code;
    List<Link> links =
        new ArrayList<>(
            OgcUrls.selfAndAlternate(
                url, OgcUrls.query(ctx), format, OgcFormat.GEOJSON, "This feature"));
    String coll = OgcUrls.ogc(ctx) + "/collections/" + level.urlName();
    links.add(
        new Link(
            VendorParams.of(ctx).link(coll, "json"),
            "collection",
            OgcFormat.JSON_TYPE,
            "The collection"));
    if (format == OgcFormat.HTML) {
      ItemsHtml.feature(ctx, q, a, links);
      return;
    }
    ctx.contentType(OgcFormat.GEOJSON);
    ctx.header("Content-Crs", "<" + q.crs().uri() + ">");
    try (JsonGenerator gen = Json.MAPPER.getFactory().createGenerator(ctx.outputStream())) {
      writer(q).write(gen, a, (g, area) -> Link.writeAll(g, links));
    }
  }

  /**
   * Cache-Control, ETag and 304 ({@link OgcCaching}). The ETag names the parts the response reads:
   * without an indicator the boundary set only (like geometry tiles), so publishing new values
   * changes no ETag of plain items; with one, that indicator-year's part version.
   */
  static boolean notModified(Context ctx, Dataset d, ItemsQuery q, OgcFormat format) {
    String version =
        q.selection().hasIndicator()
            ? d.valueVersion(q.selection().indicator().code(), q.selection().year())
            : d.boundaryVersion();
    return OgcCaching.notModified(ctx, version, format);
  }

  /** Every feature passing the parent and bbox filters, in {@code sortby} order (else code). */
  static List<Area> match(Dataset d, AdminLevel level, ItemsQuery q) {
    return q.sortBy().sort(filter(q), q.selection());
  }

  private static List<Area> filter(ItemsQuery q) {
    List<Area> candidates = q.selection().areas();
    if (q.filter() != null) {
      List<Area> kept = new ArrayList<>();
      for (Area a : candidates) {
        Map<String, Object> props = new java.util.HashMap<>(q.selection().properties(a));
        // the filter's spatial functions read the geometry (CRS84) as the property 'geometry'
        props.put("geometry", a.geometry());
        if (q.filter().test(props)) {
          kept.add(a);
        }
      }
      candidates = kept;
    }
    if (q.bbox().isEmpty()) {
      return candidates;
    }
    List<Area> out = new ArrayList<>();
    for (Area a : candidates) {
      for (Geometry box : q.bbox()) {
        // a feature without geometry (villages) never intersects a bbox
        if (a.geometry() != null
            && box.getEnvelopeInternal().intersects(a.bbox())
            && a.geometry().intersects(box)) {
          out.add(a);
          break;
        }
      }
    }
    return out;
  }

  private static List<Link> pageLinks(
      Context ctx, String url, OgcFormat format, ItemsQuery q, int matched) {
    Map<String, String> query = OgcUrls.query(ctx);
    List<Link> links =
        new ArrayList<>(
            OgcUrls.selfAndAlternate(url, query, format, OgcFormat.GEOJSON, "This page"));
    String f = format == OgcFormat.HTML ? "html" : "json";
    String type = format == OgcFormat.HTML ? OgcFormat.HTML_TYPE : OgcFormat.GEOJSON;
    if ((long) q.offset() + q.limit() < matched) {
      query.put("offset", Integer.toString(q.offset() + q.limit()));
      query.put("limit", Integer.toString(q.limit()));
      links.add(new Link(OgcUrls.with(url, query, f), "next", type, "Next page"));
    }
    if (q.offset() > 0) {
      query.put("offset", Integer.toString(Math.max(0, Math.min(q.offset(), matched) - q.limit())));
      query.put("limit", Integer.toString(q.limit()));
      links.add(new Link(OgcUrls.with(url, query, f), "prev", type, "Previous page"));
    }
    String coll = url.substring(0, url.length() - "/items".length());
    links.add(
        new Link(
            VendorParams.of(ctx).link(coll, "json"),
            "collection",
            OgcFormat.JSON_TYPE,
            "The collection"));
    return links;
  }

  static GeoJsonFeatureWriter writer(ItemsQuery q) {
    return new GeoJsonFeatureWriter(
        q.selection(), q.simplification(), q.decimals(), q.properties(), q.crs());
  }

  private static void writeCollection(JsonGenerator gen, Page p) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("type", "FeatureCollection");
    gen.writeStringField("timeStamp", p.timeStamp().toString());
    gen.writeNumberField("numberMatched", p.matched());
    gen.writeNumberField("numberReturned", p.features().size());
    Link.writeAll(gen, p.links());
    gen.writeObjectFieldStart("simplification");
    gen.writeStringField("method", p.query().simplification().describe());
    gen.writeBooleanField("gap_free", p.query().simplification().gapFree());
    gen.writeNumberField("tolerance_m", p.query().simplification().toleranceMeters());
    gen.writeNumberField("precision", p.query().decimals());
    gen.writeEndObject();
    gen.writeStringField("attribution", org.phaenthi.server.Attribution.BOUNDARIES);
    if (p.query().selection().hasIndicator()) {
      gen.writeStringField("indicator_attribution", org.phaenthi.server.Attribution.INDICATORS);
      gen.writeStringField(
          "indicator_licence", org.phaenthi.server.export.ExportMetadata.INDICATOR_LICENCE);
    }
    gen.writeArrayFieldStart("features");
    GeoJsonFeatureWriter w = writer(p.query());
    for (Area a : p.features()) {
      w.write(gen, a, null);
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  /** One page of items, ready to write in either format. */
  record Page(
      ItemsQuery query, int matched, List<Area> features, List<Link> links, Instant timeStamp) {}
}
