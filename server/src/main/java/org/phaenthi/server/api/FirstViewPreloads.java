package org.phaenthi.server.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.Levels;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Resolver;
import org.phaenthi.server.Snapshot;

/**
 * The {@code Link: rel=preload} header of the web app's page: the two answers the first map waits
 * on — the top level's shapes and the default map's values, by the very URLs the app builds from
 * {@code /api/meta} and {@code /api/levels} (with {@code v=} the versions served, so they are the
 * immutable answers) — are asked for by the browser as soon as the page's headers arrive, instead
 * of after the scripts have loaded and run. The page itself cannot name them (a static file knows
 * no version, and no level or indicator may be written in the app), and the CSP forbids inline
 * script.
 *
 * <p>What the URLs must equal: {@code api.geometry(top, 6)} and {@code api.values(level, indicator,
 * year)} in {@code web/.../js/api.js} for the state {@code applyDefaults} makes of an empty URL.
 * {@code FirstViewPreloadsIT} checks that the app uses both preloads (one request each). A link
 * with a state in its hash shows another map: then these two answers are fetched and not used.
 */
public final class FirstViewPreloads {
  /** The zoom of the top level's shapes the app asks for first ({@code loadBackground}). */
  static final int TOP_ZOOM = 6;

  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data

  public FirstViewPreloads(LiveData live) {
    this.live = live::snapshot;
  }

  /** Adds the header (a before-handler of the app's page). */
  public void addTo(Context ctx) {
    List<String> urls = urls(live.get().dataset());
    if (!urls.isEmpty()) {
      StringBuilder link = new StringBuilder();
      for (String url : urls) {
        if (link.length() > 0) {
          link.append(", ");
        }
        link.append('<').append(url).append(">; rel=preload; as=fetch; crossorigin");
      }
      ctx.header("Link", link.toString());
    }
  }

  /** The relative URLs of the first map's shapes and values, as the app writes them. */
  static List<String> urls(Dataset d) {
    List<String> urls = new ArrayList<>();
    AdminLevel top = top(d.boundaries().levels());
    if (top == null) {
      return urls;
    }
    urls.add(
        "api/geometry/" + top.urlName() + "?zoom=" + TOP_ZOOM + "&v=" + enc(d.boundaryVersion()));
    String indicator = MetaHandler.defaultIndicator(d);
    AdminLevel level = d.boundaries().levels().byName(MetaHandler.DEFAULT_LEVEL).orElse(null);
    if (indicator != null && level != null && level.hasGeometry()) {
      int year = Resolver.year(d.indicators(), null, level, indicator).be();
      urls.add(
          "api/values?level="
              + level.urlName()
              + "&indicator="
              + enc(indicator)
              + "&year="
              + year
              + "&v="
              + enc(d.dataVersion()));
    }
    return urls;
  }

  /**
   * The app's top map level ({@code levels.js}): the first level with geometry whose parent is not
   * one (a parent the set does not declare counts as one, as in the app).
   */
  static AdminLevel top(Levels levels) {
    for (AdminLevel l : levels) {
      if (!l.hasGeometry()) {
        continue;
      }
      boolean parentOnMap =
          l.parent()
              .map(p -> levels.byName(p.urlName()).map(AdminLevel::hasGeometry).orElse(true))
              .orElse(false);
      if (!parentOnMap) {
        return l;
      }
    }
    return null;
  }

  /** As {@code URLSearchParams} writes a value (form encoding: ':' is %3A, ' ' is '+'). */
  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
