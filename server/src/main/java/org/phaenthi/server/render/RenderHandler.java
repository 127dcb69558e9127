package org.phaenthi.server.render;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;
import org.phaenthi.server.Resolver;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.api.ClassesHandler;
import org.phaenthi.server.api.ValuesHandler;
import org.phaenthi.server.export.ExportAdmission;

/**
 * {@code GET /render/{level}.{png,svg,pdf}} (a map picture) and {@code GET
 * /render/report/{code}.pdf} (the report card of a province or district). Parse and check → {@link
 * MapModel} → {@link PicturePainter} / {@link ReportCard} on a {@link Canvas} → bytes, cached by
 * {@link RenderCache}.
 */
public final class RenderHandler {
  static final ZoneId THAILAND = ZoneId.of("Asia/Bangkok");
  static final Set<String> REPORT_PARAMS =
      Set.of("indicator", "year", "method", "classes", "palette", "lang");

  /** Indicator of the report card's map when none is given, when the data has it. */
  static final String REPORT_INDICATOR = "tpmap:target_poor_rate";

  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final RenderCache cache;

  public RenderHandler(LiveData live, ExportAdmission admission, String cacheControl) {
    this.live = live::snapshot;
    this.cache = new RenderCache(RenderCache.MAX_BYTES, admission, cacheControl);
  }

  /** {@code /render/{file}}: a map picture of a level. */
  public void picture(Context ctx) {
    String file = ctx.pathParam("file");
    RenderFormat format = RenderFormat.ofFile(file);
    Dataset d = live.get().dataset();
    RenderRequest r = RenderRequest.parse(ctx, d, RenderFormat.stem(file));
    LocalDate today = LocalDate.now(THAILAND);
    String version = d.boundaryVersion() + "." + valueVersion(d, r);
    String name =
        "phaenthi-"
            + r.level().urlName()
            + "-"
            + r.indicator().code().replaceAll("[^\\w-]+", "_")
            + "-"
            + r.year().be()
            + "."
            + format.extension();
    cache.send(
        ctx,
        version,
        format + "|" + r.key() + "|" + today,
        format.contentType(),
        name,
        () -> {
          MapModel m = MapModel.of(d, r, today, r.size().widthPixels() * 0.72);
          return Renderer.render(
              format,
              r.size(),
              m.title(),
              c -> PicturePainter.paint(c, m, r.size().widthPixels(), r.size().heightPixels()));
        });
  }

  /** {@code /render/report/{file}}: the one-page report card of a province or district. */
  public void report(Context ctx) {
    String file = ctx.pathParam("file");
    if (RenderFormat.ofFile(file) != RenderFormat.PDF) {
      throw ApiException.notFound("the report card is a PDF: /render/report/{code}.pdf");
    }
    Params.onlyKnown(ctx, REPORT_PARAMS);
    Dataset d = live.get().dataset();
    String code = RenderFormat.stem(file);
    Area area =
        d.boundaries()
            .area(code)
            .orElseThrow(() -> ApiException.notFound("unknown area code '" + code + "'"));
    AdminLevel child =
        d.boundaries()
            .levels()
            .child(area.level())
            .filter(AdminLevel::hasGeometry)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "area '"
                            + code
                            + "' is a "
                            + area.level().urlName()
                            + ": report cards are for areas whose children are mapped (province,"
                            + " district)"));
    String indicatorCode = ctx.queryParam("indicator");
    if (indicatorCode == null) {
      indicatorCode =
          d.indicators().indicator(REPORT_INDICATOR).isPresent()
              ? REPORT_INDICATOR
              : d.indicators().indicators().get(0).code();
    }
    Indicator indicator = Params.indicator(d.indicators(), indicatorCode);
    SurveyYear year =
        Resolver.year(d.indicators(), ctx.queryParam("year"), child, indicator.code());
    String method = ClassesHandler.method(ctx.queryParam("method"));
    if (method.equals("manual")) {
      throw ApiException.badRequest(
          "parameter 'method' must be quantile, jenks or equal on the report card, not 'manual'");
    }
    RenderRequest r =
        reportRequest(
            area,
            child,
            indicator,
            year,
            method,
            ctx.queryParam("classes"),
            ctx.queryParam("palette"),
            ctx.queryParam("lang"));
    LocalDate today = LocalDate.now(THAILAND);
    // the card reads every indicator of the year (best and weakest): keyed by the whole data
    // version
    String version = d.dataVersion();
    cache.send(
        ctx,
        version,
        "report|" + code + "|" + r.key() + "|" + today,
        RenderFormat.PDF.contentType(),
        "phaenthi-report-" + code + "-" + year.be() + ".pdf",
        () -> reportPdf(d, area, r, today));
  }

  /**
   * The children's map request of a report card (the request {@code /render/report/{code}.pdf}
   * makes for these parameters; null ones take its defaults).
   */
  public static RenderRequest reportRequest(
      Area area,
      AdminLevel child,
      Indicator indicator,
      SurveyYear year,
      String method,
      String classes,
      String palette,
      String lang) {
    return new RenderRequest(
        child,
        indicator,
        year,
        null,
        method == null ? "quantile" : method,
        RenderRequest.classes(classes),
        java.util.List.of(),
        RenderRequest.palette(palette),
        area.code(),
        RenderRequest.lang(lang),
        RenderSize.of("a4", null, null));
  }

  /** The report card's PDF bytes (also written into static bundles, {@code server/bundle}). */
  public static byte[] reportPdf(Dataset d, Area area, RenderRequest r, LocalDate today) {
    MapModel m = MapModel.of(d, r, today, r.size().widthPixels() * 0.6);
    ReportCard.Content k = ReportCard.content(d, area, r);
    ReportCard.ChangePanel change =
        ReportCard.changePanel(d, area, r, today, r.size().widthPixels() * 0.6);
    return Renderer.render(
        RenderFormat.PDF,
        r.size(),
        k.title(),
        c -> ReportCard.paint(c, k, m, change, r.size().widthPixels(), r.size().heightPixels()));
  }

  /** Today in Thailand: the "made" date of pictures and report cards. */
  public static LocalDate today() {
    return LocalDate.now(THAILAND);
  }

  private static String valueVersion(Dataset d, RenderRequest r) {
    return r.change() != null
        ? ValuesHandler.version(d, r.change())
        : d.valueVersion(r.indicator().code(), r.year());
  }
}
