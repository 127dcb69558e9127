package org.phaenthi.server.export;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.OutputStream;
import java.util.Set;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;

/**
 * {@code GET /api/export/{level}.{ext}?[indicator=&year=][&parent=]}: a download ({@code
 * Content-Disposition: attachment}) with a file name that says what it holds, e.g. {@code
 * phaenthi_subdistrict_tpmap-target_poor_rate_2561.csv}. Parameters are checked before the first
 * byte, so bad input is a 400/404 JSON error, never a broken file.
 */
public final class ExportHandler implements Handler {
  private static final Set<String> PARAMS = Set.of("indicator", "year", "parent");
  private final LiveData live;

  public ExportHandler(LiveData live) {
    this.live = live;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Params.onlyKnown(ctx, PARAMS);
    String file = ctx.pathParam("file");
    int dot = file.lastIndexOf('.');
    if (dot <= 0) {
      throw ApiException.notFound(
          "export file must be {level}.{format}, e.g. province.csv; formats: "
              + ExportFormat.extensions());
    }
    AdminLevel level = Params.level(file.substring(0, dot));
    String ext = file.substring(dot + 1);
    ExportFormat format =
        ExportFormat.fromExtension(ext)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "unknown export format '"
                            + ext
                            + "'; formats: "
                            + ExportFormat.extensions()));
    Selection s =
        Selection.parse(
            live.snapshot().dataset(),
            level,
            ctx.queryParam("parent"),
            ctx.queryParam("indicator"),
            ctx.queryParam("year"));
    ExportMetadata m = ExportMetadata.of(s);
    ctx.contentType(format.mediaType());
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(s, format) + "\"");
    ctx.header("Cache-Control", "no-cache");
    ctx.header("X-Data-Version", s.dataset().dataVersion());
    OutputStream out = ctx.outputStream();
    Exporter.of(format).write(s, m, out);
    out.flush();
  }

  /** {@code phaenthi_<level>[_in-<parent>][_<indicator>_<year>].<ext>}, ASCII-safe. */
  public static String fileName(Selection s, ExportFormat format) {
    StringBuilder b = new StringBuilder("phaenthi_").append(s.level().urlName());
    if (s.parent() != null) {
      b.append("_in-").append(s.parent());
    }
    if (s.indicator() != null) {
      b.append('_').append(s.indicator().code()).append('_').append(s.year().be());
    }
    return b.toString().replaceAll("[^A-Za-z0-9._-]", "-") + "." + format.extension();
  }
}
