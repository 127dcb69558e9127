package org.phaenthi.server.export;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.ByteRange;
import org.locationtech.jts.geom.Envelope;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;
import org.phaenthi.server.Resolver;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.http.ClientPresence;
import org.phaenthi.server.tiles.TileCache;
import org.phaenthi.server.tiles.TileHandler;

/**
 * {@code GET /api/export/{level}.pmtiles[?indicator=&year=&minzoom=&maxzoom=]}: the level's tiles
 * as one PMTiles v3 archive for MapLibre / pmtiles clients. Built once per part version and request
 * into {@link ExportSpool} (identical requests meanwhile wait for that build; the build passes
 * {@link ExportAdmission}), then served with byte ranges: a single {@code Range} is a 206, an
 * unsatisfiable one a 416, several ranges or a stale {@code If-Range} the whole file.
 */
public final class PmtilesHandler implements Handler {
  public static final String MEDIA_TYPE = "application/vnd.pmtiles";
  private static final String SUFFIX = ".pmtiles";
  private static final Set<String> PARAMS =
      Set.of("indicator", "year", "minzoom", "maxzoom", "parent");

  /** Bumped when the archive's bytes change for the same data and request (ETag). */
  static final String PMTILES_VERSION = "1";

  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final TileCache tiles;
  private final String cacheControl;
  private final ExportAdmission admission;
  private final ExportSpool spool;

  public PmtilesHandler(
      LiveData live,
      TileCache tiles,
      String cacheControl,
      ExportAdmission admission,
      ExportSpool spool) {
    this.live = live::snapshot;
    this.tiles = tiles;
    this.cacheControl = cacheControl;
    this.admission = admission;
    this.spool = spool;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    Params.onlyKnown(ctx, PARAMS);
    Snapshot s = live.get();
    String levelName = levelOf(ctx.pathParam("file"));
    AreaExtent area =
        AreaExtent.of(s, Params.mappedLevel(s.levels(), levelName), ctx.queryParam("parent"));
    PmtilesExporter.Request r =
        request(
            s,
            levelName,
            ctx.queryParam("indicator"),
            ctx.queryParam("year"),
            ctx.queryParam("minzoom"),
            ctx.queryParam("maxzoom"),
            area);
    String version =
        r.indicator() == null
            ? s.boundaryVersion()
            : s.valueVersion(r.indicator().code(), r.year());
    String etag =
        "\""
            + version
            + "-"
            + PMTILES_VERSION
            + "-"
            + r.level().urlName()
            + "-"
            + (r.indicator() == null ? "" : r.indicator().code() + "-" + r.year().be())
            + "-z"
            + r.minZoom()
            + "-"
            + r.maxZoom()
            + (area.code() == null ? "" : "-p" + area.code())
            + "\"";
    etag = etag.replaceAll("[^\\x21\\x23-\\x7e\"]", "_");
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", cacheControl);
    ctx.header("Accept-Ranges", "bytes");
    String inm = ctx.header("If-None-Match");
    if (inm != null && (inm.contains(etag) || inm.trim().equals("*"))) {
      ctx.status(304);
      return;
    }
    String key = "pmtiles|" + etag;
    String tag = etag;
    ClientPresence client = ClientPresence.of(ctx);
    try {
      spool.use(
          key,
          (file, cancelled) -> {
            try (ExportAdmission.Permit permit = admission.enterBuild()) {
              PmtilesExporter.write(s, tiles, r, file, cancelled);
            }
          },
          file -> {
            if (client.closeConnection()) {
              ctx.header("Connection", "close");
            }
            send(ctx, file, tag);
          },
          client);
    } catch (ApiException e) {
      throw admission.refusedBuild(ctx, e);
    } catch (ExportSpool.Cancelled e) {
      // every client of the build has gone: nobody to answer
      ClientPresence.abandon(ctx, e);
    } catch (IOException e) {
      if (!ctx.res().isCommitted()) {
        throw e;
      }
      // the client went away mid-body; the archive stays kept for the next request
    }
  }

  /** True for the file names this handler answers ({@code {level}.pmtiles}). */
  public static boolean answers(String file) {
    return file.endsWith(SUFFIX);
  }

  private static String levelOf(String file) {
    return file.substring(0, file.length() - SUFFIX.length());
  }

  /**
   * Parses and checks a request (400 naming the parameter, 404 for an unknown level); the extent
   * and default zooms are those of {@code area}.
   */
  static PmtilesExporter.Request request(
      Snapshot s,
      String levelName,
      String indicatorCode,
      String yearText,
      String minText,
      String maxText,
      AreaExtent area) {
    AdminLevel level = Params.mappedLevel(s.levels(), levelName);
    Envelope bounds = area.bounds();
    int min = zoom("minzoom", minText, area.minZoom());
    int max = zoom("maxzoom", maxText, Math.max(min, area.maxZoom()));
    if (min > max) {
      throw ApiException.badRequest(
          "parameter 'minzoom' (" + min + ") must not be above 'maxzoom' (" + max + ")");
    }
    if (indicatorCode == null && yearText != null) {
      throw ApiException.badRequest("parameter 'year' needs an 'indicator'");
    }
    PmtilesExporter.Request r;
    if (indicatorCode == null) {
      r = new PmtilesExporter.Request(level, null, null, min, max, bounds);
    } else {
      IndicatorData data = s.dataset().indicators();
      var indicator = Params.indicator(data, indicatorCode);
      var year = Resolver.year(data, yearText, level, indicator.code());
      r = new PmtilesExporter.Request(level, indicator, year, min, max, bounds);
    }
    if (bounds.isNull()) {
      throw ApiException.notFound("level '" + level.urlName() + "' has no areas");
    }
    long n = r.tileCount();
    if (n > PmtilesExporter.MAX_TILES) {
      throw ApiException.badRequest(
          "parameter 'maxzoom': z"
              + min
              + "–"
              + max
              + " over this extent is "
              + n
              + " tiles; an archive holds at most "
              + PmtilesExporter.MAX_TILES
              + ", lower maxzoom");
    }
    return r;
  }

  private static int zoom(String name, String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    int z;
    try {
      z = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "parameter '" + name + "' must be a whole number, not '" + text + "'");
    }
    if (z < 0 || z > TileHandler.MAX_ZOOM) {
      throw ApiException.badRequest(
          "parameter '" + name + "' must be 0–" + TileHandler.MAX_ZOOM + ", not " + z);
    }
    return z;
  }

  /** Sends the file, or the one byte range asked for. */
  static void send(Context ctx, Path file, String etag) throws IOException {
    long size = Files.size(file);
    ctx.contentType(MEDIA_TYPE);
    ctx.disableCompression();
    List<String> range = Collections.list(ctx.req().getHeaders("Range"));
    String ifRange = ctx.header("If-Range");
    if (ifRange != null && !ifRange.trim().equals(etag)) {
      range = List.of(); // the client's copy is stale: send all of it
    }
    long from = 0;
    long length = size;
    if (!range.isEmpty()) {
      List<ByteRange> ranges = ByteRange.parse(range, size);
      if (ranges.isEmpty()) {
        ctx.status(416);
        ctx.header("Content-Range", ByteRange.toNonSatisfiableHeaderValue(size));
        ctx.res().setContentLength(0);
        return;
      }
      if (ranges.size() == 1) {
        ByteRange b = ranges.get(0);
        from = b.first();
        length = b.getLength();
        ctx.status(206);
        ctx.header("Content-Range", b.toHeaderValue(size));
      }
    }
    ctx.res().setContentLengthLong(length);
    OutputStream out = ctx.res().getOutputStream();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ch.transferTo(from, length, Channels.newChannel(out));
    }
    out.flush();
  }
}
