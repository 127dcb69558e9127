package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.server.Attribution;
import org.phaenthi.server.Json;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Resolver;
import org.phaenthi.server.Snapshot;

/**
 * {@code GET /api/meta}: attribution, defaults and bounds the web app starts from, and what this
 * server makes beyond the JSON API ({@code render}: pictures and report cards), so the app offers a
 * button without asking the endpoint itself (a HEAD of a report card would render the whole PDF).
 */
public final class MetaHandler implements Handler {
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final String baseMapUrl;
  private final boolean renders;

  /**
   * @param renders whether {@code /render/…} (pictures and report cards) is served
   */
  public MetaHandler(LiveData live, String baseMapUrl, boolean renders) {
    this.live = live::snapshot;
    this.baseMapUrl = baseMapUrl;
    this.renders = renders;
  }

  /** The level of the default map. */
  static final String DEFAULT_LEVEL = "province";

  /** The indicator of the default map: the TPMAP target-poor rate, else the first one; or null. */
  static String defaultIndicator(Dataset d) {
    return d.indicators().indicator("tpmap:target_poor_rate").isPresent()
        ? "tpmap:target_poor_rate"
        : d.indicators().indicators().stream().findFirst().map(i -> i.code()).orElse(null);
  }

  @Override
  public void handle(Context ctx) {
    Dataset d = live.get().dataset();
    String defaultIndicator = defaultIndicator(d);
    Json.send(
        ctx,
        obj(
            "data_version", d.dataVersion(),
            "boundary_version", d.boundaryVersion(),
            "attribution",
                obj(
                    "boundaries", Attribution.BOUNDARIES,
                    "boundaries_short", Attribution.BOUNDARIES_SHORT,
                    "indicators", Attribution.INDICATORS,
                    "indicators_short", Attribution.INDICATORS_SHORT,
                    "boundaries_th", Attribution.BOUNDARIES_TH,
                    "boundaries_short_th", Attribution.BOUNDARIES_SHORT_TH,
                    "indicators_th", Attribution.INDICATORS_TH,
                    "indicators_short_th", Attribution.INDICATORS_SHORT_TH,
                    "licence_url", Attribution.BOUNDARIES_LICENCE_URL),
            "base_map_url", baseMapUrl,
            "default",
                obj(
                    "level",
                    DEFAULT_LEVEL,
                    "indicator",
                    defaultIndicator,
                    "year",
                    defaultIndicator == null
                        ? null
                        : Resolver.year(d.indicators(), null, AdminLevel.PROVINCE, defaultIndicator)
                            .be()),
            "bounds", AreaJson.bbox(d.boundaries().extent()),
            "render", obj("pictures", renders, "report", renders)));
  }
}
