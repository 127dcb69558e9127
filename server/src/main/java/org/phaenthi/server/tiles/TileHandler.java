package org.phaenthi.server.tiles;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.AcceptEncoding;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;
import org.phaenthi.server.Resolver;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.api.Change;
import org.phaenthi.server.http.Vary;
import org.phaenthi.server.http.VersionedUrls;
import org.phaenthi.tiles.TileCoord;

/**
 * {@code GET /tiles/{level}/{z}/{x}/{y}.mvt[?indicator=&year=][&v=]}: route → parse and validate
 * into a {@link TileKey} (400 bad coordinate, 404 unknown level or indicator) → cache (render on
 * miss) → bytes with a strong ETag; 204 for an empty tile, 304 on a matching If-None-Match. A
 * {@code v} naming the tile's part version (the key's {@code dataVersion}, as TileJSON's {@code
 * tiles} and the web app write it) makes the answer immutable ({@link VersionedUrls}).
 */
public final class TileHandler implements Handler {
  public static final int MAX_ZOOM = 14;
  public static final String MVT_TYPE = "application/vnd.mapbox-vector-tile";
  private static final Set<String> PARAMS =
      Set.of("indicator", "year", Change.PARAM, VersionedUrls.PARAM);
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final TileCache cache;
  private final String cacheControl;
  private final BooleanSupplier storeAvailable;

  /**
   * @param storeAvailable false while a shared store is unreachable: then only cached tiles are
   *     served and a miss answers 503
   */
  public TileHandler(
      LiveData live, TileCache cache, String cacheControl, BooleanSupplier storeAvailable) {
    this.live = live::snapshot;
    this.cache = cache;
    this.cacheControl = cacheControl;
    this.storeAvailable = storeAvailable;
  }

  @Override
  public void handle(Context ctx) throws IOException {
    Params.onlyKnown(ctx, PARAMS);
    Snapshot s = live.get();
    TileKey key = parse(ctx, s);
    String cacheControl =
        VersionedUrls.cacheControl(
            ctx.queryParam(VersionedUrls.PARAM), key.dataVersion(), this.cacheControl);
    boolean[] hit = new boolean[1];
    CachedTile tile;
    if (storeAvailable.getAsBoolean()) {
      tile = cache.get(key, hit);
    } else {
      tile = cache.peek(key);
      hit[0] = true;
      if (tile == null) {
        ctx.header("Retry-After", "1");
        throw new ApiException(
            503,
            "the data store is unreachable; only tiles already cached are served. Retry shortly.",
            "ติดต่อที่เก็บข้อมูลไม่ได้ ให้บริการได้เฉพาะไทล์ที่มีในแคชแล้ว กรุณาลองใหม่ในอีกสักครู่");
      }
    }
    ctx.attribute("cache", hit[0] ? "hit" : "miss");
    ctx.disableCompression();
    ctx.header("ETag", tile.etag());
    ctx.header("Cache-Control", cacheControl);
    Vary.add(ctx, "Accept-Encoding");
    if (matches(ctx.header("If-None-Match"), tile.etag())) {
      ctx.status(304);
      ctx.res().setContentType(null); // no body: not Javalin's default text/plain
      return;
    }
    if (tile.isEmpty()) {
      ctx.status(204);
      ctx.res().setContentType(null);
      return;
    }
    ctx.contentType(MVT_TYPE);
    String accept = ctx.header("Accept-Encoding");
    if (AcceptEncoding.gzip(accept)) {
      ctx.header("Content-Encoding", "gzip");
      send(ctx, tile.gzip());
    } else {
      send(ctx, cache.identity(key, tile));
    }
  }

  /**
   * Writes the body with its Content-Length in one write. {@code ctx.result(bytes)} would copy it
   * through Javalin's result stream in chunked encoding, which costs a good part of the throughput
   * of cached tiles (see BENCHMARKS.md).
   */
  private static void send(Context ctx, TileBytes body) throws IOException {
    ctx.res().setContentLength(body.length());
    body.transferTo(ctx.res().getOutputStream());
  }

  static TileKey parse(Context ctx, Snapshot s) {
    return parse(
        s,
        ctx.pathParam("level"),
        ctx.pathParam("z"),
        ctx.pathParam("x"),
        ctx.pathParam("file"),
        ctx.queryParam("indicator"),
        ctx.queryParam("year"),
        ctx.queryParam(Change.PARAM));
  }

  /**
   * The cache key of a tile request, from the path segments and the two query parameters; the one
   * place validating a tile request (also used by {@link TileFastPath}).
   *
   * @throws ApiException 400 for a bad coordinate or parameter, 404 for an unknown level or
   *     indicator
   */
  static TileKey parse(
      Snapshot s,
      String levelText,
      String zText,
      String xText,
      String file,
      String indicatorCode,
      String yearText) {
    return parse(s, levelText, zText, xText, file, indicatorCode, yearText, null);
  }

  /**
   * As above, with the base year of a change tile ({@code compare=}, whose {@code value} is the
   * change; only through Javalin, the fast path leaves such requests to it).
   */
  static TileKey parse(
      Snapshot s,
      String levelText,
      String zText,
      String xText,
      String file,
      String indicatorCode,
      String yearText,
      String compareText) {
    AdminLevel level = Params.mappedLevel(s.levels(), levelText);
    if (!file.endsWith(".mvt")) {
      throw ApiException.notFound("tiles end in .mvt, e.g. /tiles/province/6/50/30.mvt");
    }
    int z = intParam("z", zText);
    int x = intParam("x", xText);
    int y = intParam("y", file.substring(0, file.length() - 4));
    if (z > MAX_ZOOM || !TileCoord.isValid(z, x, y)) {
      throw ApiException.badRequest(
          "invalid tile "
              + z
              + "/"
              + x
              + "/"
              + y
              + ": zoom must be 0–"
              + MAX_ZOOM
              + " and x, y between 0 and 2^zoom − 1");
    }
    if (indicatorCode == null) {
      if (yearText != null || compareText != null) {
        throw ApiException.badRequest(
            "parameter '" + (yearText != null ? "year" : "compare") + "' needs an 'indicator'");
      }
      return new TileKey(s.boundaryVersion(), level, new TileCoord(z, x, y), null, 0);
    }
    IndicatorData data = s.dataset().indicators();
    Indicator indicator = Params.indicator(data, indicatorCode);
    SurveyYear year = Resolver.year(data, yearText, level, indicator.code());
    Change change = Change.of(data, indicator, year, compareText);
    if (change != null) {
      return new TileKey(
          s.valueVersion(indicator.code(), year)
              + "."
              + s.valueVersion(indicator.code(), change.from()),
          level,
          new TileCoord(z, x, y),
          indicator.code(),
          year.be(),
          change.from().be());
    }
    return new TileKey(
        s.valueVersion(indicator.code(), year),
        level,
        new TileCoord(z, x, y),
        indicator.code(),
        year.be());
  }

  private static int intParam(String name, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("tile " + name + " must be a whole number, not '" + text + "'");
    }
  }

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.equals("*") || c.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
