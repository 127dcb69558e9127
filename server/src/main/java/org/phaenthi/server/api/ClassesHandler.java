package org.phaenthi.server.api;

import static org.phaenthi.server.Json.obj;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.server.ApiException;
import org.phaenthi.server.LiveData;
import org.phaenthi.server.Params;
import org.phaenthi.server.ResponseCache;
import org.phaenthi.server.Snapshot;
import org.phaenthi.server.http.VersionedUrls;
import org.phaenthi.server.render.Palettes;

/**
 * {@code GET /api/classes?level=&indicator=&year=[&method=][&n=][&parent=][&compare=][&breaks=]}:
 * the class breaks of the values {@code /api/values} gives for the same parameters, computed as the
 * web app computes them ({@link ClassBreaks}), with the count of areas per class and without data.
 */
public final class ClassesHandler implements Handler {
  private static final Set<String> PARAMS =
      Set.of(
          "level",
          "indicator",
          "year",
          "parent",
          "method",
          "n",
          "breaks",
          "palette",
          Change.PARAM,
          VersionedUrls.PARAM);
  private final Supplier<Snapshot> live; // read-only: a handler never swaps the data
  private final ResponseCache responses;

  public ClassesHandler(LiveData live, ResponseCache responses) {
    this.live = live::snapshot;
    this.responses = responses;
  }

  @Override
  public void handle(Context ctx) {
    Params.onlyKnown(ctx, PARAMS);
    Dataset d = live.get().dataset();
    MapQuery q = MapQuery.of(ctx, d);
    String method = method(ctx.queryParam("method"));
    int n = classes(ctx.queryParam("n"));
    List<Double> manual = manual(ctx.queryParam("breaks"), method);
    String palette = ctx.queryParam("palette");
    if (palette != null && !Palettes.known(palette)) {
      throw ApiException.badRequest(
          "parameter 'palette' must be one of "
              + Palettes.NAMES
              + " (optionally with -r), not '"
              + palette
              + "'");
    }
    String version = q.version(d);
    String key =
        String.join(
            "|",
            "classes",
            q.key(),
            method,
            String.valueOf(n),
            manual.toString(),
            String.valueOf(palette));
    responses.sendJson(
        ctx,
        version,
        key,
        VersionedUrls.cacheControl(ctx, d.dataVersion()),
        () -> {
          List<Double> values =
              values(d, q.level(), q.indicator(), q.year(), q.parent(), q.change());
          List<Double> breaks =
              q.change() != null
                  ? ClassBreaks.change(values, method, n, manual)
                  : ClassBreaks.compute(values, method, n, manual);
          return body(
              q.level(),
              q.indicator(),
              q.year(),
              q.parent(),
              q.change(),
              method,
              n,
              values,
              breaks,
              version,
              colours(palette, q.indicator(), q.change(), values, breaks));
        });
  }

  /** The values of the areas {@code /api/values} lists, null where an area has none. */
  public static List<Double> values(
      Dataset d,
      AdminLevel level,
      Indicator indicator,
      SurveyYear year,
      String parent,
      Change change) {
    IndicatorData data = d.indicators();
    List<Double> out = new ArrayList<>();
    if (change != null) {
      Optional<Change.Years> ys = change.values(data, level);
      if (ys.isPresent()) {
        for (Area a : d.boundaries().children(level, parent)) {
          out.add(change.of(ys.get().from().get(a.code()), ys.get().to().get(a.code())));
        }
      }
      return out;
    }
    Optional<Map<String, IndicatorValue>> values = data.values(year, level, indicator.code());
    if (values.isPresent()) {
      for (Area a : d.boundaries().children(level, parent)) {
        IndicatorValue v = values.get().get(a.code());
        out.add(v == null ? null : v.value());
      }
    }
    return out;
  }

  private static Map<String, Object> body(
      AdminLevel level,
      Indicator indicator,
      SurveyYear year,
      String parent,
      Change change,
      String method,
      int n,
      List<Double> values,
      List<Double> breaks,
      String version,
      List<String> colours) {
    long[] counts = ClassBreaks.counts(values, breaks);
    double[] finite =
        values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(v -> v).toArray();
    Double min = finite.length == 0 ? null : java.util.Arrays.stream(finite).min().getAsDouble();
    Double max = finite.length == 0 ? null : java.util.Arrays.stream(finite).max().getAsDouble();
    List<Map<String, Object>> classes = new ArrayList<>();
    Double[] single = singleValues(values, breaks);
    if (finite.length > 0) {
      for (int i = 0; i <= breaks.size(); i++) {
        Map<String, Object> c =
            obj(
                "lower",
                i == 0 ? min : breaks.get(i - 1),
                "upper",
                i == breaks.size() ? max : breaks.get(i),
                "count",
                counts[i],
                "single",
                single[i]);
        if (colours != null) {
          c.put("colour", colours.get(i));
        }
        classes.add(c);
      }
    }
    return obj(
        "level", level.urlName(),
        "indicator", indicator.code(),
        "year", AreaJson.year(year),
        "compare", change == null ? null : AreaJson.year(change.from()),
        "parent", parent,
        "data_version", version,
        "method", method,
        "n", n,
        "breaks", breaks,
        "classes", classes,
        "no_data", counts[breaks.size() + 1],
        "min", min,
        "max", max);
  }

  /**
   * Per class, its one value when every area in it has that same value (a class holding only 100
   * %), else null: the web app, the embed and the pictures label such a class by the value ("100",
   * not "99.62 – 100"), also in a view of fewer areas under national classes.
   */
  static Double[] singleValues(List<Double> values, List<Double> breaks) {
    int n = breaks.size() + 1;
    double[] lo = new double[n];
    double[] hi = new double[n];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (Double v : values) {
      if (v != null && Double.isFinite(v)) {
        int c = 0;
        while (c < breaks.size() && v > breaks.get(c)) {
          c++;
        }
        lo[c] = Math.min(lo[c], v);
        hi[c] = Math.max(hi[c], v);
      }
    }
    Double[] out = new Double[n];
    for (int i = 0; i < n; i++) {
      out[i] = lo[i] == hi[i] ? lo[i] : null;
    }
    return out;
  }

  /**
   * With {@code palette}, the colour of each class as the web app and the pictures give it ("worse"
   * = the strong end); null without.
   */
  private static List<String> colours(
      String palette,
      Indicator indicator,
      Change change,
      List<Double> values,
      List<Double> breaks) {
    if (palette == null) {
      return null;
    }
    double max =
        values.stream()
            .filter(v -> v != null && Double.isFinite(v))
            .mapToDouble(v -> v)
            .max()
            .orElse(Double.NEGATIVE_INFINITY);
    List<java.awt.Color> cs =
        change != null
            ? Palettes.changeColours(
                Palettes.changePalette(palette), breaks, indicator.higherIsBetter(), max)
            : Palettes.colours(palette, breaks.size() + 1, indicator.higherIsBetter());
    return cs.stream().map(Palettes::hex).toList();
  }

  public static String method(String text) {
    if (text == null) {
      return "quantile";
    }
    if (!ClassBreaks.METHODS.contains(text)) {
      throw ApiException.badRequest(
          "parameter 'method' must be one of " + ClassBreaks.METHODS + ", not '" + text + "'");
    }
    return text;
  }

  private static int classes(String text) {
    if (text == null) {
      return 5;
    }
    if (!text.matches("[3-9]")) {
      throw ApiException.badRequest(
          "parameter 'n' (number of classes) must be 3 to 9, not '" + text + "'");
    }
    return Integer.parseInt(text);
  }

  public static List<Double> manual(String text, String method) {
    if (text == null) {
      if (method.equals("manual")) {
        throw ApiException.badRequest(
            "parameter 'breaks' is required with method=manual, e.g. breaks=10,20,30");
      }
      return List.of();
    }
    if (!method.equals("manual")) {
      throw ApiException.badRequest("parameter 'breaks' goes with method=manual only");
    }
    List<Double> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      if (!part.trim().matches("-?[0-9]+(\\.[0-9]+)?")) {
        throw ApiException.badRequest(
            "parameter 'breaks' must be numbers separated by commas, not '" + text + "'");
      }
      out.add(Double.parseDouble(part.trim()));
    }
    return out;
  }
}
