package org.phaenthi.server.tiles;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Attribution;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;
import org.phaenthi.server.Resolver;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.api.Change;
import org.phaenthi.server.http.PublicUrls;
import org.phaenthi.server.http.VersionedUrls;

/**
 * {@code GET /tiles/{level}.json[?indicator=&year=[&compare=]][&v=]}: TileJSON 3.0.0 for one level;
 * with {@code compare=YEAR} the tiles advertised are the change tiles (their URL carries {@code
 * compare}). The advertised URL carries {@code v=} the tiles' part version (the document's {@code
 * version}), so the tiles are answered immutable ({@link VersionedUrls}).
 */
public final class TileJsonHandler implements Handler {
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final String cacheControl;

  public TileJsonHandler(LiveData live, String cacheControl) {
    this.live = live::snapshot;
    this.cacheControl = cacheControl;
  }

  @Override
  public void handle(Context ctx) {
    Params.onlyKnown(ctx, Set.of("indicator", "year", Change.PARAM, VersionedUrls.PARAM));
    String file = ctx.pathParam("file");
    if (!file.endsWith(".json")) {
      throw ApiException.notFound("TileJSON is at /tiles/{level}.json, e.g. /tiles/province.json");
    }
    Dataset d = live.get().dataset();
    AdminLevel level =
        Params.mappedLevel(d.boundaries().levels(), file.substring(0, file.length() - 5));
    String query = "";
    // what the advertised tiles depend on: the boundary set, or the parts of one indicator-year
    String version = d.boundaryVersion();
    Map<String, Object> valueFields = Map.of();
    String compare = ctx.queryParam(Change.PARAM);
    if (ctx.queryParam("indicator") == null
        && (ctx.queryParam("year") != null || compare != null)) {
      throw ApiException.badRequest(
          "parameter '" + (compare != null ? Change.PARAM : "year") + "' needs an 'indicator'");
    }
    if (ctx.queryParam("indicator") != null) {
      Indicator i = Params.indicator(d.indicators(), ctx.queryParam("indicator"));
      org.phaenthi.boundaries.indicators.SurveyYear resolved =
          Resolver.year(d.indicators(), ctx.queryParam("year"), level, i.code());
      int year = resolved.be();
      version = d.valueVersion(i.code(), resolved);
      query = "?indicator=" + URLEncoder.encode(i.code(), StandardCharsets.UTF_8) + "&year=" + year;
      Change change = Change.of(d.indicators(), i, resolved, compare);
      if (change != null) {
        // the change tiles' key: both years' value sets (as TileHandler and /api/values)
        version = org.phaenthi.server.api.ValuesHandler.version(d, change);
        query += "&" + Change.PARAM + "=" + change.from().be();
        // a change tile carries the change only, no counts (they are two years')
        valueFields =
            Map.of(
                "value",
                "Number: change from "
                    + change.from().be()
                    + " to "
                    + year
                    + " ("
                    + change.unit()
                    + ")");
      } else {
        valueFields =
            Map.of(
                "value", "Number: indicator value (" + i.valueUnit() + ")",
                "numerator", "Number",
                "denominator", "Number");
      }
    }
    Envelope e = d.boundaries().extent();
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("code", "String: DOPA code");
    String from =
        TileRenderer.namesMinZoom(level) > 0
            ? " (from zoom " + TileRenderer.namesMinZoom(level) + ")"
            : "";
    fields.put("name_th", "String: Thai name" + from);
    fields.put("name_en", "String: English name" + from);
    fields.putAll(valueFields);
    String base = PublicUrls.of(ctx);
    // the advertised tile URLs name their part version, so their answers are immutable; this
    // document names it too (in "tiles" and "version"): immutable when asked for with that v
    query +=
        (query.isEmpty() ? "?" : "&")
            + VersionedUrls.PARAM
            + "="
            + URLEncoder.encode(version, StandardCharsets.UTF_8);
    ctx.header(
        "Cache-Control",
        VersionedUrls.cacheControl(ctx.queryParam(VersionedUrls.PARAM), version, cacheControl));
    Json.send(
        ctx,
        obj(
            "tilejson",
            "3.0.0",
            "name",
            "Phaenthi " + level.urlName(),
            "description",
            level.nameEn() + " (" + level.nameTh() + ") boundaries with gap-free simplification",
            "version",
            version,
            "attribution",
            // the TPMAP licence statement travels with the indicators, as in every export
            Attribution.BOUNDARIES_SHORT
                + "; "
                + Attribution.INDICATORS_SHORT
                + " — "
                + org.phaenthi.server.export.ExportMetadata.INDICATOR_LICENCE,
            "scheme",
            "xyz",
            "tiles",
            List.of(base + "/tiles/" + level.urlName() + "/{z}/{x}/{y}.mvt" + query),
            "minzoom",
            0,
            "maxzoom",
            TileHandler.MAX_ZOOM,
            "bounds",
            new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()},
            "center",
            new double[] {100.5, 13.75, 5},
            "vector_layers",
            List.of(
                obj(
                    "id",
                    level.urlName(),
                    "description",
                    "areas; feature id = numeric code",
                    "minzoom",
                    0,
                    "maxzoom",
                    TileHandler.MAX_ZOOM,
                    "fields",
                    fields),
                obj(
                    "id",
                    level.urlName() + "_borders",
                    "description",
                    "each shared border once, with the highest admin level it belongs to",
                    "minzoom",
                    0,
                    "maxzoom",
                    TileHandler.MAX_ZOOM,
                    "fields",
                    Map.of("level", "String: country, province, district or subdistrict")))));
  }
}
