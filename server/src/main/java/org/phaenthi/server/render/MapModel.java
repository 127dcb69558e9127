package org.phaenthi.server.render;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.server.api.ClassBreaks;
import org.phaenthi.server.api.ClassesHandler;
import org.phaenthi.server.api.ValuesHandler;
import org.phaenthi.server.export.Simplification;
import org.phaenthi.server.export.Simplifications;

/**
 * Everything a map picture shows, resolved once from a request: areas with geometry and fill, the
 * classes of {@code /api/classes} with the web app's colours and legend labels, the title and the
 * notes. Drawing it is {@link PicturePainter}'s job.
 */
public record MapModel(
    String title,
    String legendTitle,
    String legendSubtitle,
    List<LegendRow> classes,
    long noData,
    long faded,
    List<String> notes,
    String source,
    String dateLine,
    List<Fill> areas,
    Texts texts) {

  public MapModel {
    classes = List.copyOf(classes);
    notes = List.copyOf(notes);
    areas = List.copyOf(areas);
  }

  /** One class of the legend: its colour, label and how many areas it holds. */
  public record LegendRow(Color colour, String label, long count) {}

  /**
   * One area to draw, in its colour ({@code colour} null = no data, hatched), with the geometry of
   * {@code shapes}: the shared gap-free band, looked up when drawn, neither held nor copied here.
   */
  public record Fill(Area area, Simplification shapes, Color colour, boolean faded) {
    /** The area's lon/lat geometry in the band (the dataset's, shared: never changed). */
    public Geometry geometry() {
      return shapes.geometry(area);
    }
  }

  /** Zoom of the gap-free band for a map of {@code widthPixels} over the areas shown. */
  static int zoomFor(List<Area> areas, double widthPixels) {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    for (Area a : areas) {
      if (a.geometry() != null) {
        minX = Math.min(minX, a.geometry().getEnvelopeInternal().getMinX());
        maxX = Math.max(maxX, a.geometry().getEnvelopeInternal().getMaxX());
      }
    }
    if (minX > maxX) {
      return 6;
    }
    // 256-pixel tiles cover 360° at z0: pick the zoom at which the extent is about as wide
    double degreesPerPixel = Math.max(maxX - minX, 1e-6) / Math.max(widthPixels, 1);
    int z = (int) Math.round(Math.log(360.0 / (256 * degreesPerPixel)) / Math.log(2));
    return Math.max(0, Math.min(Simplifications.MAX_ZOOM, z));
  }

  public static MapModel of(Dataset d, RenderRequest r, LocalDate today, double mapWidthPixels) {
    Texts tx = r.texts();
    Indicator ind = r.indicator();
    List<Area> areas = d.boundaries().children(r.level(), r.parent());
    List<Double> values =
        ClassesHandler.values(d, r.level(), ind, r.year(), r.parent(), r.change());
    // national classes: breaks, colours and labels of the whole country's areas (as the web app's
    // legend), counts of the areas drawn
    List<Double> classValues =
        r.nationalClasses()
            ? ClassesHandler.values(d, r.level(), ind, r.year(), null, r.change())
            : values;
    List<Double> breaks =
        r.change() != null
            ? ClassBreaks.change(classValues, r.method(), r.classes(), r.manual())
            : ClassBreaks.compute(classValues, r.method(), r.classes(), r.manual());
    long[] counts = ClassBreaks.counts(values, breaks);
    double[] finite =
        values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(v -> v).toArray();
    double[] classFinite =
        classValues.stream()
            .filter(v -> v != null && Double.isFinite(v))
            .mapToDouble(v -> v)
            .toArray();
    Double min =
        classFinite.length == 0 ? null : java.util.Arrays.stream(classFinite).min().getAsDouble();
    Double max =
        classFinite.length == 0 ? null : java.util.Arrays.stream(classFinite).max().getAsDouble();
    List<Color> colours =
        r.change() != null
            ? Palettes.changeColours(
                Palettes.changePalette(r.palette()),
                breaks,
                ind.higherIsBetter(),
                max == null ? Double.NEGATIVE_INFINITY : max)
            : Palettes.colours(r.palette(), breaks.size() + 1, ind.higherIsBetter());
    Optional<Map<String, IndicatorValue>> raw =
        r.change() == null
            ? d.indicators().values(r.year(), r.level(), ind.code())
            : Optional.empty();
    Simplification shapes = Simplifications.forZoom(d, r.level(), zoomFor(areas, mapWidthPixels));
    List<Fill> fills = new ArrayList<>();
    long faded = 0;
    boolean bangkok = false;
    for (int i = 0; i < areas.size(); i++) {
      Area a = areas.get(i);
      Double v = values.isEmpty() ? null : values.get(i);
      Color c =
          v == null || !Double.isFinite(v) ? null : colours.get(classOf(v, breaks, colours.size()));
      IndicatorValue iv = raw.map(m -> m.get(a.code())).orElse(null);
      boolean fade = c != null && iv != null && ind.smallDenominator(iv);
      faded += fade ? 1 : 0;
      bangkok |= c == null && a.code().startsWith("10");
      fills.add(new Fill(a, shapes, c, fade));
    }
    List<LegendRow> rows =
        finite.length == 0 ? List.of() : legend(tx, colours, counts, breaks, classValues, min, max);
    String unit = unit(tx, r);
    String when =
        r.change() != null
            ? tx.t("change") + " " + r.change().from().be() + "–" + r.year().be()
            : tx.t("year") + " " + r.year().be();
    String where =
        r.parent() == null
            ? tx.t("country")
            : d.boundaries()
                .area(r.parent())
                .map(p -> tx.name(p.nameTh(), p.nameEn()))
                .orElse(r.parent());
    String indName = tx.name(ind.nameTh(), ind.nameEn());
    String title = indName + " · " + where + " · " + levelName(tx, r.level()) + " · " + when;
    List<String> notes = new ArrayList<>();
    Map<String, Object> notOnMap = ValuesHandler.notOnMap(d, r.level(), r.year(), r.parent());
    if (notOnMap != null && ((Number) notOnMap.get("units")).longValue() > 0) {
      notes.add(
          tx.t("notOnMap")
              .replace("{units}", tx.number(((Number) notOnMap.get("units")).doubleValue()))
              .replace(
                  "{households}", tx.number(((Number) notOnMap.get("households")).doubleValue())));
    }
    if (bangkok) {
      notes.add(tx.t("bangkok"));
    }
    if (r.change() != null) {
      // the two years may not be comparable: said on the picture as the web app's legend says it
      String caveat =
          tx.thai() ? r.change().caveatTh(d.indicators()) : r.change().caveat(d.indicators());
      if (caveat != null) {
        notes.add(caveat);
      }
    }
    if (finite.length == 0) {
      notes.add(
          tx.thai()
              ? "ไม่มีข้อมูลของตัวชี้วัดนี้ที่ระดับ"
                  + levelName(tx, r.level())
                  + "ในปี "
                  + r.year().be()
              : "No data for this indicator at "
                  + levelName(tx, r.level())
                  + " level in "
                  + r.year().be());
    }
    String source = tx.t("source") + ": " + tx.t("licence");
    String dateLine =
        tx.t("date") + " " + r.year().be() + " · " + tx.t("made") + " " + tx.date(today);
    return new MapModel(
        title,
        indName,
        (unit.isEmpty() ? "" : unit + " · ") + when,
        rows,
        counts[breaks.size() + 1],
        faded,
        notes,
        source,
        dateLine,
        fills,
        tx);
  }

  static String levelName(Texts tx, AdminLevel level) {
    return tx.name(level.nameTh(), level.nameEn());
  }

  private static String unit(Texts tx, RenderRequest r) {
    if (r.change() != null) {
      return tx.thai() ? r.change().unitTh() : r.change().unit();
    }
    String u = r.indicator().valueUnit() == null ? "" : r.indicator().valueUnit();
    if (u.equals("%") || !tx.thai()) {
      return u;
    }
    return switch (u) {
      case "people", "person" -> "คน";
      case "households", "household" -> "ครัวเรือน";
      case "score", "points" -> "คะแนน";
      case "percentage points" -> "จุดร้อยละ";
      default -> u;
    };
  }

  static int classOf(double v, List<Double> breaks, int n) {
    int i = 0;
    while (i < breaks.size() && v > breaks.get(i)) {
      i++;
    }
    return Math.min(i, n - 1);
  }

  /**
   * Exact equality on purpose, as the web app's {@code ===} in {@code legendModel}: a class whose
   * lowest and highest values are the same double is labelled by that one value.
   */
  private static boolean exactlyEqual(double a, double b) {
    return a == b;
  }

  /** The web app's {@code legendModel} labels: a class of one value by that value. */
  private static List<LegendRow> legend(
      Texts tx,
      List<Color> colours,
      long[] counts,
      List<Double> breaks,
      List<Double> values,
      Double min,
      Double max) {
    List<LegendRow> out = new ArrayList<>();
    if (min == null) {
      return out;
    }
    int n = colours.size();
    List<Double> edges = new ArrayList<>();
    edges.add(min);
    edges.addAll(breaks);
    edges.add(max);
    boolean whole =
        values.stream().allMatch(v -> v == null || !Double.isFinite(v) || v == Math.rint(v));
    double[] lo = new double[n];
    double[] hi = new double[n];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (Double v : values) {
      if (v != null && Double.isFinite(v)) {
        int c = classOf(v, breaks, n);
        lo[c] = Math.min(lo[c], v);
        hi[c] = Math.max(hi[c], v);
      }
    }
    for (int i = 0; i < n; i++) {
      double a = edges.get(Math.min(i, edges.size() - 1));
      double b = edges.get(Math.min(i + 1, edges.size() - 1));
      if (whole && i > 0 && a == Math.rint(a)) {
        a = a + 1;
      }
      String label;
      if (exactlyEqual(lo[i], hi[i])) {
        label = tx.number(lo[i]);
      } else if (exactlyEqual(a, b)) {
        label = tx.number(a);
      } else if (a <= b) {
        label = tx.number(a) + " – " + tx.number(b);
      } else if (i == 0) {
        label = "≤ " + tx.number(b);
      } else if (i == n - 1) {
        label = "> " + tx.number(a);
      } else {
        label = tx.number(b) + " – " + tx.number(a);
      }
      out.add(new LegendRow(colours.get(i), label, i < counts.length - 1 ? counts[i] : 0));
    }
    return out;
  }
}
