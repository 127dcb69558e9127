package org.phaenthi.server.ogc;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.ValueKind;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.export.Selection;

/**
 * {@code /ogc/collections/{id}/schema} and {@code .../queryables}: JSON Schema (2020-12) of the
 * features' properties, in the style of OGC API – Features Part 5 (Schemas: {@code x-ogc-role},
 * {@code format: geometry-multipolygon}) and Part 3 (Queryables), so clients learn the field types
 * before reading a feature. The schema follows the request's {@code indicator}: without one it has
 * the area properties only, as the items do.
 */
public final class SchemaHandler {
  public static final String SCHEMA_JSON = "application/schema+json";
  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  static final String REL_SCHEMA = "http://www.opengis.net/def/rel/ogc/1.0/schema";
  static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
  private static final Set<String> ONLY_F = Set.of("f");
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data

  public SchemaHandler(LiveData live) {
    this.live = live::snapshot;
  }

  public void schema(Context ctx) {
    send(ctx, false);
  }

  public void queryables(Context ctx) {
    send(ctx, true);
  }

  private void send(Context ctx, boolean queryables) {
    AdminLevel level = CollectionsHandler.level(live.get().levels(), ctx.pathParam("collectionId"));
    Dataset d = live.get().dataset();
    VendorParams v = VendorParams.parse(ctx, d, ONLY_F);
    OgcFormat format = OgcFormat.of(ctx);
    Selection s =
        Selection.parse(
            d,
            level,
            v.values().get("parent"),
            v.values().get("indicator"),
            v.values().get("year"));
    if (OgcCaching.notModified(ctx, d.dataVersion(), format)) {
      return;
    }
    String name = queryables ? "queryables" : "schema";
    String url = OgcUrls.ogc(ctx) + "/collections/" + level.urlName() + "/" + name;
    Map<String, Map<String, Object>> props = properties(s, queryables);
    if (format == OgcFormat.HTML) {
      List<List<String>> rows = new ArrayList<>();
      props.forEach(
          (k, p) ->
              rows.add(
                  List.of(
                      HtmlPage.esc(k),
                      HtmlPage.esc(String.valueOf(p.getOrDefault("type", p.get("format")))),
                      HtmlPage.esc(String.valueOf(p.getOrDefault("description", ""))))));
      new HtmlPage(CollectionsHandler.title(level) + ": " + name)
          .table(List.of("property", "type", "description"), rows)
          .links(
              OgcUrls.selfAndAlternate(
                  url, OgcUrls.query(ctx), format, SCHEMA_JSON, "This " + name))
          .send(ctx);
      return;
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("$schema", DIALECT);
    doc.put("$id", v.link(url));
    doc.put("type", "object");
    doc.put(
        "title",
        CollectionsHandler.title(level) + (s.hasIndicator() ? ", " + s.indicator().code() : ""));
    doc.put("properties", props);
    if (queryables) {
      doc.put("additionalProperties", false);
    }
    ctx.contentType(SCHEMA_JSON);
    ctx.result(Json.bytes(doc));
  }

  /** The properties in output order; the schema adds the geometry with its Part 5 role. */
  static Map<String, Map<String, Object>> properties(Selection s, boolean queryables) {
    Map<String, Map<String, Object>> p = new LinkedHashMap<>();
    boolean geometry = s.level().hasGeometry();
    if (!queryables) {
      p.put(
          "id",
          Json.obj("x-ogc-role", "id", "type", "string", "description", "The area code (= code)"));
    }
    if (!geometry) {
      // a level of values only: its items have geometry null, so the schema names none
    } else if (!queryables) {
      p.put(
          "geometry",
          Json.obj(
              "x-ogc-role",
              "primary-geometry",
              "format",
              "geometry-multipolygon",
              "description",
              "The area's boundary, a MultiPolygon in CRS84 (longitude, latitude)"));
    } else {
      p.put(
          "geometry",
          Json.obj(
              "format",
              "geometry-multipolygon",
              "description",
              "The area's boundary (filter with bbox or S_INTERSECTS, S_WITHIN … in filter)"));
    }
    AdminLevel level = s.level();
    p.put("code", prop("string", "Area code (" + level.codeLength() + " characters, text)", false));
    p.put("name_th", prop("string", "Name in Thai", false));
    p.put("name_en", prop("string", "Name in English", false));
    Map<String, Object> lv = prop("string", "Admin level", false);
    lv.put("enum", List.of(level.urlName()));
    p.put("level", lv);
    p.put(
        "parent_code",
        prop(
            "string",
            "Code of the area one level up; null for a province",
            level.codeLength() == 2));
    if (!s.hasIndicator()) {
      return p;
    }
    Indicator i = s.indicator();
    boolean whole = s.countsAreWhole();
    p.put("indicator", prop("string", "Indicator code", false));
    p.put("year_be", prop("integer", "Survey year, Buddhist Era", false));
    p.put("year_ce", prop("integer", "Survey year, Common Era", false));
    p.put(
        "numerator",
        prop(whole ? "integer" : "number", label(i.numeratorLabel(), "Numerator"), true));
    p.put(
        "denominator",
        prop(whole ? "integer" : "number", label(i.denominatorLabel(), "Denominator"), true));
    Map<String, Object> value =
        prop(
            i.kind() == ValueKind.COUNT ? "integer" : "number",
            i.nameEn() + " (" + i.valueUnit() + "); null means no data, never 0",
            true);
    if (i.kind() == ValueKind.PERCENT) {
      value.put("minimum", 0);
      value.put("maximum", 100);
    }
    p.put("value", value);
    p.put("unit", prop("string", "Unit of value", false));
    p.put("reason", prop("string", "Why value is null; null when there is a value", true));
    p.put(
        "small_denominator",
        prop(
            "boolean",
            "true for a rate over fewer than "
                + Indicator.SMALL_DENOMINATOR
                + " eligible units; null without a value",
            true));
    return p;
  }

  private static String label(String l, String dflt) {
    return l == null || l.isBlank() ? dflt : dflt + ": " + l;
  }

  private static Map<String, Object> prop(String type, String description, boolean nullable) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", nullable ? List.of(type, "null") : type);
    m.put("description", description);
    return m;
  }
}
