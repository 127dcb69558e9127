package org.phaenthi.server.render;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.Params;
import org.phaenthi.server.api.Change;
import org.phaenthi.server.api.ClassesHandler;
import org.phaenthi.server.api.MapQuery;

/**
 * What a picture shows, parsed and checked once from the web app's state keys: {@code indicator,
 * year, compare, method, classes, breaks, palette, parent} (or {@code area}, the web app's name),
 * {@code lang}, the size ({@code size} or {@code w}, {@code h}) and {@code scope}. Resolved as
 * {@code /api/values} and {@code /api/classes} resolve them, so a picture shows exactly the classes
 * they list.
 *
 * @param national with a parent, the classes are those of the whole country's areas at the level
 *     ({@code /api/classes} without {@code parent}), as the web app's default "national breaks"
 *     ({@code scope=national}); false: those of the areas drawn ({@code scope=view})
 */
public record RenderRequest(
    AdminLevel level,
    Indicator indicator,
    SurveyYear year,
    Change change,
    String method,
    int classes,
    List<Double> manual,
    String palette,
    String parent,
    Texts texts,
    RenderSize size,
    boolean national) {

  public RenderRequest {
    manual = List.copyOf(manual);
  }

  /** A request with national breaks, the web app's default. */
  public RenderRequest(
      AdminLevel level,
      Indicator indicator,
      SurveyYear year,
      Change change,
      String method,
      int classes,
      List<Double> manual,
      String palette,
      String parent,
      Texts texts,
      RenderSize size) {
    this(
        level, indicator, year, change, method, classes, manual, palette, parent, texts, size,
        true);
  }

  /** Whether the classes come from the whole country's areas rather than the ones drawn. */
  public boolean nationalClasses() {
    return national && parent != null && !method.equals("manual");
  }

  static final Set<String> PARAMS =
      Set.of(
          "indicator",
          "year",
          Change.PARAM,
          "method",
          "classes",
          "breaks",
          "palette",
          "parent",
          "area",
          "lang",
          "size",
          "w",
          "h",
          "scope");

  /** Parses a picture request for {@code level}; 400 naming a bad parameter, 404 for unknowns. */
  public static RenderRequest parse(Context ctx, Dataset d, String levelName) {
    Params.onlyKnown(ctx, PARAMS);
    AdminLevel level = Params.mappedLevel(d.boundaries().levels(), levelName);
    if (ctx.queryParam("parent") != null && ctx.queryParam("area") != null) {
      throw ApiException.badRequest("give parameter 'parent' or its other name 'area', not both");
    }
    String parentText =
        ctx.queryParam("parent") != null ? ctx.queryParam("parent") : ctx.queryParam("area");
    MapQuery q = MapQuery.of(ctx, d, level, parentText);
    String method = ClassesHandler.method(ctx.queryParam("method"));
    int classes = classes(ctx.queryParam("classes"));
    List<Double> manual = ClassesHandler.manual(ctx.queryParam("breaks"), method);
    return new RenderRequest(
        level,
        q.indicator(),
        q.year(),
        q.change(),
        method,
        classes,
        manual,
        palette(ctx.queryParam("palette")),
        q.parent(),
        lang(ctx.queryParam("lang")),
        RenderSize.of(ctx.queryParam("size"), ctx.queryParam("w"), ctx.queryParam("h")),
        national(ctx.queryParam("scope")));
  }

  /** {@code scope}: {@code national} (the default, as the web app) or {@code view}. */
  static boolean national(String text) {
    if (text == null || text.equals("national")) {
      return true;
    }
    if (text.equals("view")) {
      return false;
    }
    throw ApiException.badRequest(
        "parameter 'scope' must be national (the whole country's classes) or view (the classes"
            + " of the areas drawn), not '"
            + text
            + "'");
  }

  /** Everything that changes the bytes, for the cache key. */
  public String key() {
    return String.join(
        "|",
        new MapQuery(level, indicator, year, parent, change).key(),
        method,
        String.valueOf(classes),
        manual.toString(),
        palette,
        texts.lang(),
        size.widthPixels() + "x" + size.heightPixels() + "@" + size.dpi(),
        String.valueOf(nationalClasses()));
  }

  static int classes(String text) {
    if (text == null) {
      return 5;
    }
    if (!text.matches("[3-9]")) {
      throw ApiException.badRequest(
          "parameter 'classes' (number of classes) must be 3 to 9, not '" + text + "'");
    }
    return Integer.parseInt(text);
  }

  static String palette(String text) {
    if (text == null) {
      return "RdYlBu";
    }
    if (!Palettes.known(text)) {
      throw ApiException.badRequest(
          "parameter 'palette' must be one of "
              + Palettes.NAMES
              + " (optionally with -r), not '"
              + text
              + "'");
    }
    return text;
  }

  static Texts lang(String text) {
    if (text == null) {
      return new Texts("th");
    }
    if (!text.equals("th") && !text.equals("en")) {
      throw ApiException.badRequest("parameter 'lang' must be th or en, not '" + text + "'");
    }
    return new Texts(text);
  }
}
