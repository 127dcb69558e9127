package org.phaenthi.server.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.Dataset;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.IndicatorValue;
import org.phaenthi.boundaries.indicators.SurveyYear;
import org.phaenthi.boundaries.indicators.ValueKind;

/**
 * The report card of a province or district: one A4 page with the map of its children (and its
 * legend), its rank among its siblings for the indicator mapped, the radar of the five TPMAP
 * poverty dimensions against its parent (for a province, the country: the provinces' counts
 * summed), its three best and three weakest indicators by rank among its siblings, sources and
 * dates.
 */
public final class ReportCard {
  static final List<String> DIMENSIONS =
      List.of("health", "living", "education", "income", "access");
  static final String SURVEYED = "tpmap:people_surveyed";
  static final String TARGET_POOR = "tpmap:target_poor";
  static final Color AREA = new Color(0x21, 0x66, 0xac);
  static final Color PARENT = new Color(0xd6, 0x60, 0x4d);

  /** What the page says, computed before drawing (the tests read it). */
  public record Content(
      String title,
      String rankLine,
      List<Double> areaShares,
      List<Double> parentShares,
      String areaName,
      String parentName,
      boolean sharesOfSurveyed,
      List<String> best,
      List<String> worst,
      String changeLine,
      String changeCaveat) {
    /** Copies; a share is null where the data lacks it. */
    public Content {
      areaShares = Collections.unmodifiableList(new ArrayList<>(areaShares));
      parentShares = Collections.unmodifiableList(new ArrayList<>(parentShares));
      best = List.copyOf(best);
      worst = List.copyOf(worst);
    }
  }

  private ReportCard() {}

  /**
   * Rank of {@code code} among {@code values} (highest first, as the web app's ranking); 0 = none.
   */
  static int rank(
      Map<String, IndicatorValue> values, List<Area> siblings, String code, boolean highFirst) {
    List<Area> ranked =
        siblings.stream()
            .filter(a -> value(values, a.code()) != null)
            .sorted(
                Comparator.comparing((Area a) -> value(values, a.code()) * (highFirst ? -1 : 1))
                    .thenComparing(Area::code))
            .toList();
    for (int i = 0; i < ranked.size(); i++) {
      if (ranked.get(i).code().equals(code)) {
        return i + 1;
      }
    }
    return 0;
  }

  static long ranked(Map<String, IndicatorValue> values, List<Area> siblings) {
    return siblings.stream().filter(a -> value(values, a.code()) != null).count();
  }

  private static Double value(Map<String, IndicatorValue> values, String code) {
    IndicatorValue v = values.get(code);
    return v == null || v.value() == null || !Double.isFinite(v.value()) ? null : v.value();
  }

  public static Content content(Dataset d, Area area, RenderRequest map) {
    Texts tx = map.texts();
    IndicatorData data = d.indicators();
    SurveyYear year = map.year();
    AdminLevel level = area.level();
    List<Area> siblings = d.boundaries().children(level, area.parentCode());
    Optional<Area> parent = Optional.ofNullable(area.parentCode()).flatMap(d.boundaries()::area);
    String parentName = parent.map(p -> tx.name(p.nameTh(), p.nameEn())).orElse(tx.t("country"));
    String areaName = tx.name(area.nameTh(), area.nameEn());
    String levelName = MapModel.levelName(tx, level);
    Indicator ind = map.indicator();
    String title =
        tx.t("reportOf")
            + ": "
            + levelName
            + " "
            + areaName
            + " ("
            + area.code()
            + ") · "
            + tx.t("year")
            + " "
            + year.be();
    String rankLine;
    Map<String, IndicatorValue> own = data.values(year, level, ind.code()).orElse(Map.of());
    int r = rank(own, siblings, area.code(), true);
    String indName = tx.name(ind.nameTh(), ind.nameEn());
    if (r == 0) {
      rankLine = indName + ": " + tx.t("noData");
    } else {
      String unit = "%".equals(ind.valueUnit()) ? "%" : "";
      rankLine =
          indName
              + ": "
              + tx.number(own.get(area.code()).value())
              + unit
              + " · "
              + tx.t("rank")
              + " "
              + r
              + " "
              + tx.t("of")
              + " "
              + tx.areasOf(ranked(own, siblings), level.nameTh(), level.nameEn())
              + (tx.thai() ? "ใน" : " in ")
              + parentName
              + " ("
              + tx.t("highestFirst")
              + ")";
    }
    List<Area> parentAreas = parent.map(List::of).orElse(siblings);
    boolean surveyed = total(data, year, level, SURVEYED, List.of(area)) != null;
    List<Double> areaShares = shares(data, year, level, List.of(area), surveyed);
    List<Double> parentShares =
        parent.isPresent()
            ? shares(data, year, parent.get().level(), parentAreas, surveyed)
            : shares(data, year, level, siblings, surveyed);
    List<String[]> scored = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (Indicator i : data.indicators()) {
      if (i.kind() != ValueKind.PERCENT || i.higherIsBetter() == null) {
        continue;
      }
      Map<String, IndicatorValue> vs = data.values(year, level, i.code()).orElse(Map.of());
      long n = ranked(vs, siblings);
      int k = rank(vs, siblings, area.code(), i.higherIsBetter());
      if (k == 0 || n < 2) {
        continue;
      }
      scores.add((k - 1.0) / (n - 1.0));
      scored.add(
          new String[] {
            tx.name(i.nameTh(), i.nameEn())
                + ": "
                + tx.number(vs.get(area.code()).value())
                + "% · "
                + tx.t("rank")
                + " "
                + k
                + "/"
                + n
          });
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(scores::get));
    List<String> best = new ArrayList<>();
    List<String> worst = new ArrayList<>();
    // the best three and, of the others, the weakest three: no indicator is in both lists
    int nBest = Math.min(3, (order.size() + 1) / 2);
    for (int i = 0; i < nBest; i++) {
      best.add(scored.get(order.get(i))[0]);
    }
    for (int i = order.size() - 1; i >= nBest && worst.size() < 3; i--) {
      worst.add(scored.get(order.get(i))[0]);
    }
    String[] change = changeLines(d, area, siblings, map, parentName);
    return new Content(
        title,
        rankLine,
        areaShares,
        parentShares,
        areaName,
        parentName,
        surveyed,
        best,
        worst,
        change[0],
        change[1]);
  }

  /**
   * Where the indicator has an earlier year at the area's level (the latest one before the year
   * shown), the area's change since then, from each year's summed counts as {@code
   * /api/values?compare=}, and its rank among its siblings by that change, largest rise first; with
   * the caveat when the two years come from different sources. {null, null} without one.
   */
  static String[] changeLines(
      Dataset d, Area area, List<Area> siblings, RenderRequest map, String parentName) {
    Texts tx = map.texts();
    IndicatorData data = d.indicators();
    Indicator ind = map.indicator();
    AdminLevel level = area.level();
    SurveyYear base = earlierYear(data, ind, level, map.year());
    if (base == null) {
      return new String[] {null, null};
    }
    org.phaenthi.server.api.Change c = new org.phaenthi.server.api.Change(ind, base, map.year());
    Optional<org.phaenthi.server.api.Change.Years> ys = c.values(data, level);
    if (ys.isEmpty()) {
      return new String[] {null, null};
    }
    Map<String, Double> changes = new java.util.HashMap<>();
    for (Area a : siblings) {
      Double v = c.of(ys.get().from().get(a.code()), ys.get().to().get(a.code()));
      if (v != null) {
        changes.put(a.code(), v);
      }
    }
    String head = tx.t("change") + " " + base.be() + "→" + map.year().be() + ": ";
    String unit = tx.thai() ? c.unitTh() : c.unit();
    Double own = changes.get(area.code());
    if (own == null) {
      return new String[] {head + tx.t("noData"), null};
    }
    List<Double> sorted = changes.values().stream().sorted(Comparator.reverseOrder()).toList();
    int rank = sorted.indexOf(own) + 1;
    String line =
        head
            + (own > 0 ? "+" : "")
            + tx.number(own)
            + " "
            + unit
            + " · "
            + tx.t("rank")
            + " "
            + rank
            + " "
            + tx.t("of")
            + " "
            + tx.areasOf(sorted.size(), level.nameTh(), level.nameEn())
            + (tx.thai() ? "ใน" : " in ")
            + parentName
            + " ("
            + tx.t("largestRiseFirst")
            + ")";
    String caveat = tx.thai() ? c.caveatTh(data) : c.caveat(data);
    return new String[] {line, caveat};
  }

  /** Sum of a count over areas (summing counts, never averaging), null when none has it. */
  private static Double total(
      IndicatorData data, SurveyYear year, AdminLevel level, String code, List<Area> areas) {
    Optional<Map<String, IndicatorValue>> vs = data.values(year, level, code);
    if (vs.isEmpty()) {
      return null;
    }
    double sum = 0;
    boolean any = false;
    for (Area a : areas) {
      Double v = value(vs.get(), a.code());
      if (v != null) {
        sum += v;
        any = true;
      }
    }
    return any ? sum : null;
  }

  /** % of people surveyed (else of target poor) deprived in each dimension, from summed counts. */
  static List<Double> shares(
      IndicatorData data, SurveyYear year, AdminLevel level, List<Area> areas, boolean surveyed) {
    Double base = total(data, year, level, surveyed ? SURVEYED : TARGET_POOR, areas);
    List<Double> out = new ArrayList<>();
    for (String dim : DIMENSIONS) {
      Double n = total(data, year, level, "tpmap:dim_" + dim, areas);
      out.add(n == null || base == null || base == 0 ? null : 100 * n / base);
    }
    return out;
  }

  /**
   * The card's change-map panel: the map of the change since an earlier year (in percentage points
   * for a rate, each year's rate made from its summed counts, as {@code /api/values?compare=}) on
   * the change maps' diverging palette, with its legend and the caveat when the years' sources
   * differ. {@code highlight}: the card's area, outlined, when the panel maps its siblings.
   */
  public record ChangePanel(MapModel map, RenderRequest request, String highlight) {}

  /**
   * The change-map panel for a card whose children's map is {@code children}: the children's change
   * since the latest earlier year with data at their level; when they have none but the area's own
   * level has, the change of the area and its siblings (a province among the country's provinces,
   * as TPMAP's 2566 figures are by province only) with the area outlined; failing that, the area's
   * level's change from the card's year to a later one ({@link #laterRequest}); null when none.
   */
  public static ChangePanel changePanel(
      Dataset d, Area area, RenderRequest children, LocalDate today, double mapWidthPixels) {
    RenderRequest r = changeRequest(d, children, children.level(), children.parent());
    String highlight = null;
    if (r == null) {
      r = changeRequest(d, children, area.level(), area.parentCode());
      highlight = area.code();
    }
    if (r == null) {
      r = laterRequest(d, children, area.level(), area.parentCode());
    }
    if (r == null) {
      return null;
    }
    return new ChangePanel(MapModel.of(d, r, today, mapWidthPixels), r, highlight);
  }

  /**
   * The children's request as a change map of {@code level} under {@code parent} since the latest
   * earlier year with values there, or null.
   */
  static RenderRequest changeRequest(
      Dataset d, RenderRequest children, AdminLevel level, String parent) {
    SurveyYear base = earlierYear(d.indicators(), children.indicator(), level, children.year());
    return base == null ? null : changeMap(d, children, level, parent, base, children.year());
  }

  /**
   * A card of the children's latest year (TPMAP's districts: 2561) whose own level has a later one
   * (its provinces: 2566): the change of the area and its siblings from the card's year to the
   * latest later year, so the card still shows where the area went since; null without a later
   * year.
   */
  static RenderRequest laterRequest(
      Dataset d, RenderRequest children, AdminLevel level, String parent) {
    int be = children.year().be();
    SurveyYear later = latestYear(d.indicators(), children.indicator(), level, y -> y > be);
    return later == null ? null : changeMap(d, children, level, parent, children.year(), later);
  }

  /**
   * The children's request (method, classes, palette, texts, size) as the map of {@code level}
   * under {@code parent} of the change from {@code from} to {@code to}; null when the level has no
   * change values for those years.
   */
  private static RenderRequest changeMap(
      Dataset d,
      RenderRequest children,
      AdminLevel level,
      String parent,
      SurveyYear from,
      SurveyYear to) {
    org.phaenthi.server.api.Change c =
        new org.phaenthi.server.api.Change(children.indicator(), from, to);
    if (c.values(d.indicators(), level).isEmpty()) {
      return null;
    }
    return new RenderRequest(
        level,
        children.indicator(),
        to,
        c,
        children.method(),
        children.classes(),
        List.of(),
        children.palette(),
        parent,
        children.texts(),
        children.size(),
        children.national());
  }

  /** The latest year before {@code year} with values of the indicator at the level, or null. */
  static SurveyYear earlierYear(
      IndicatorData data, Indicator ind, AdminLevel level, SurveyYear year) {
    return latestYear(data, ind, level, be -> be < year.be());
  }

  /** The latest year whose B.E. number {@code which} accepts with values of the indicator. */
  private static SurveyYear latestYear(
      IndicatorData data, Indicator ind, AdminLevel level, IntPredicate which) {
    SurveyYear latest = null;
    for (SurveyYear y : data.years().keySet()) {
      if (which.test(y.be())
          && data.values(y, level, ind.code()).isPresent()
          && (latest == null || y.be() > latest.be())) {
        latest = y;
      }
    }
    return latest;
  }

  /**
   * Where the card's parts went: the children's map, the change map's box (null without a change
   * panel), its legend swatches, and the lowest point of the content above the footer.
   */
  public record Layout(
      Rectangle2D mapBox,
      Rectangle2D changeBox,
      List<Rectangle2D> changeSwatches,
      double contentBottom,
      double footerTop) {
    public Layout {
      mapBox = copy(mapBox);
      changeBox = copy(changeBox);
      changeSwatches = changeSwatches.stream().map(ReportCard::copy).toList();
    }

    @Override
    public Rectangle2D mapBox() {
      return copy(mapBox);
    }

    @Override
    public Rectangle2D changeBox() {
      return copy(changeBox);
    }

    @Override
    public List<Rectangle2D> changeSwatches() {
      return changeSwatches.stream().map(ReportCard::copy).toList();
    }
  }

  /** A copy of an AWT rectangle (they are mutable); null stays null. */
  private static Rectangle2D copy(Rectangle2D r) {
    return r == null ? null : (Rectangle2D) r.clone();
  }

  /** Draws the page: {@code map} is the children's map model. */
  public static Layout paint(Canvas c, Content k, MapModel map, double w, double h) {
    return paint(c, k, map, null, w, h);
  }

  /**
   * Draws the page: {@code map} is the children's map model, {@code change} the change-map panel
   * (null: none).
   */
  public static Layout paint(
      Canvas c, Content k, MapModel map, ChangePanel change, double w, double h) {
    // the maps and the radar shrink until the page's content ends above its footer (long names,
    // a long caveat): laid out on a canvas that draws nothing, then drawn
    Canvas dry =
        new Canvas() {
          @Override
          public java.awt.font.FontRenderContext frc() {
            return c.frc();
          }

          @Override
          public void fill(java.awt.Shape sh, Color col, float alpha) {}

          @Override
          public void stroke(java.awt.Shape sh, Color col, float width) {}

          @Override
          public void hatch(java.awt.Shape sh, float spacing) {}

          @Override
          public void text(String t, Font f, Color col, float x, float y) {}
        };
    // fit 1, 0.95, … down to 0.6 (steps counted in whole numbers)
    int step = 0;
    while (step < 8
        && paint(dry, k, map, change, w, h, 1 - 0.05 * step).contentBottom()
            > footerTop(c, map, w, h)) {
      step++;
    }
    return paint(c, k, map, change, w, h, 1 - 0.05 * step);
  }

  private static double footerTop(Canvas c, MapModel map, double w, double h) {
    double s = PicturePainter.scale(w, h);
    double margin = 50 * s;
    Font small = Fonts.of(false, (float) (15 * s));
    List<String> source = TextWrap.lines(map.source(), small, c.frc(), w - 2 * margin, 3);
    return h - margin - source.size() * 22 * s - small.getSize2D();
  }

  /** Draws the page with the maps' and the radar's heights times {@code fit}. */
  private static Layout paint(
      Canvas c, Content k, MapModel map, ChangePanel change, double w, double h, double fit) {
    double s = PicturePainter.scale(w, h);
    double margin = 50 * s;
    c.fill(new Rectangle2D.Double(0, 0, w, h), PicturePainter.BACKGROUND, 1);
    PicturePainter.Text title =
        PicturePainter.fit(c, k.title(), true, (float) (34 * s), w - 2 * margin, 2);
    double y = margin;
    for (String line : title.lines()) {
      y += title.lineHeight();
      c.text(
          line,
          title.font(),
          PicturePainter.INK,
          (float) margin,
          (float) (y - title.lineHeight() * 0.25));
    }
    Font body = Fonts.of(false, (float) (19 * s));
    Font bold = Fonts.of(true, (float) (21 * s));
    PicturePainter.Text sub =
        PicturePainter.fit(c, map.title(), false, (float) (19 * s), w - 2 * margin, 3);
    for (String line : sub.lines()) {
      y += sub.lineHeight();
      c.text(line, sub.font(), PicturePainter.MUTED, (float) margin, (float) y);
    }
    y += 15 * s;
    Rectangle2D mapBox =
        new Rectangle2D.Double(
            margin, y, (w - 2 * margin) * 0.6, fit * h * (change == null ? 0.42 : 0.25));
    PicturePainter.drawMap(c, map.areas(), mapBox, s);
    double lx = mapBox.getMaxX() + 20 * s;
    PicturePainter.Legend legend =
        PicturePainter.drawLegend(
            c, map, lx, y, w - margin - lx, s * 0.85 * (0.5 + 0.5 * fit), mapBox.getHeight());
    y = Math.max(mapBox.getMaxY(), legend.bottom()) + 40 * s;
    Rectangle2D changeBox = null;
    List<Rectangle2D> changeSwatches = List.of();
    if (change != null) {
      // the panel's title says what it maps: indicator, where, level and the two years
      PicturePainter.Text head =
          PicturePainter.fit(c, change.map().title(), true, (float) (21 * s), w - 2 * margin, 2);
      for (String line : head.lines()) {
        c.text(line, head.font(), PicturePainter.INK, (float) margin, (float) y);
        y += head.lineHeight();
      }
      y -= head.lineHeight() * 0.4;
      changeBox = new Rectangle2D.Double(margin, y, (w - 2 * margin) * 0.6, fit * h * 0.19);
      PicturePainter.drawMap(c, change.map().areas(), changeBox, s, change.highlight());
      PicturePainter.Legend cl =
          PicturePainter.drawLegend(
              c,
              change.map(),
              lx,
              y,
              w - margin - lx,
              s * 0.7 * (0.5 + 0.5 * fit),
              changeBox.getHeight());
      changeSwatches = cl.swatches();
      y = Math.max(changeBox.getMaxY(), cl.bottom()) + 40 * s;
    }
    for (String line : TextWrap.lines(k.rankLine(), bold, c.frc(), w - 2 * margin, 3)) {
      c.text(line, bold, PicturePainter.INK, (float) margin, (float) y);
      y += 30 * s;
    }
    if (k.changeLine() != null) {
      for (String line : TextWrap.lines(k.changeLine(), body, c.frc(), w - 2 * margin, 3)) {
        c.text(line, body, PicturePainter.INK, (float) margin, (float) y);
        y += 28 * s;
      }
    }
    // with a change panel its legend says the caveat
    if (k.changeCaveat() != null
        && (change == null || !change.map().notes().contains(k.changeCaveat()))) {
      Font note = Fonts.of(false, (float) (16 * s));
      for (String line : TextWrap.lines(k.changeCaveat(), note, c.frc(), w - 2 * margin, 3)) {
        c.text(line, note, PicturePainter.MUTED, (float) margin, (float) y);
        y += 24 * s;
      }
    }
    y += 10 * s;
    double radarSize =
        Math.max(fit, 0.85) * Math.min((w - 2 * margin) * 0.5, h * (change == null ? 0.3 : 0.2));
    double radarBottom = radar(c, k, margin, y, radarSize, s, map.texts());
    double tx0 = margin + radarSize + 50 * s;
    double ty = y + 20 * s;
    ty = list(c, map.texts().t("best"), k.best(), tx0, ty, w - margin - tx0, s, bold, body);
    list(c, map.texts().t("worst"), k.worst(), tx0, ty + 20 * s, w - margin - tx0, s, bold, body);
    Font small = Fonts.of(false, (float) (15 * s));
    List<String> source = TextWrap.lines(map.source(), small, c.frc(), w - 2 * margin, 3);
    double fy = h - margin - source.size() * 22 * s;
    double footerTop = fy - small.getSize2D();
    for (String line : source) {
      c.text(line, small, PicturePainter.MUTED, (float) margin, (float) fy);
      fy += 22 * s;
    }
    c.text(map.dateLine(), small, PicturePainter.MUTED, (float) margin, (float) fy);
    return new Layout(mapBox, changeBox, changeSwatches, Math.max(ty, radarBottom), footerTop);
  }

  private static double list(
      Canvas c,
      String head,
      List<String> items,
      double x,
      double y,
      double w,
      double s,
      Font bold,
      Font body) {
    c.text(head, bold, PicturePainter.INK, (float) x, (float) (y + 22 * s));
    y += 34 * s;
    for (String item : items) {
      for (String line : TextWrap.lines("• " + item, body, c.frc(), w, 3)) {
        c.text(line, body, PicturePainter.INK, (float) x, (float) (y + 20 * s));
        y += 27 * s;
      }
    }
    return y;
  }

  /** The radar of the web app's area panel: rings, axes, the parent's outline, the area's shape. */
  static double radar(Canvas c, Content k, double x, double y, double size, double s, Texts tx) {
    Font head = Fonts.of(true, (float) (19 * s));
    Font label = Fonts.of(false, (float) (16 * s));
    c.text(
        tx.t(k.sharesOfSurveyed() ? "radar" : "radarTargetPoor"),
        head,
        PicturePainter.INK,
        (float) x,
        (float) (y + 20 * s));
    double cx = x + size / 2;
    double cy = y + 40 * s + size / 2;
    double r = size * 0.28;
    double max = 1;
    for (List<Double> vs : List.of(k.areaShares(), k.parentShares())) {
      for (Double v : vs) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    max = niceMax(max);
    int n = DIMENSIONS.size();
    for (double f : new double[] {0.25, 0.5, 0.75, 1}) {
      c.stroke(polygon(cx, cy, r, f * max, max, null, n), new Color(0xbb, 0xbb, 0xbb), (float) s);
    }
    for (int i = 0; i < n; i++) {
      double a = angle(i, n);
      c.stroke(
          new Line2D.Double(cx, cy, cx + r * Math.cos(a), cy + r * Math.sin(a)),
          new Color(0xbb, 0xbb, 0xbb),
          (float) s);
      String name = tx.t(DIMENSIONS.get(i));
      double lw = TextWrap.width(name, label, c.frc());
      double lx = cx + r * 1.25 * Math.cos(a) - lw / 2;
      double ly = cy + r * 1.25 * Math.sin(a) + 6 * s;
      c.text(name, label, PicturePainter.INK, (float) lx, (float) ly);
    }
    if (k.parentShares().stream().anyMatch(v -> v != null)) {
      c.stroke(polygon(cx, cy, r, 0, max, k.parentShares(), n), PARENT, (float) (3 * s));
    }
    if (k.areaShares().stream().anyMatch(v -> v != null)) {
      Path2D p = polygon(cx, cy, r, 0, max, k.areaShares(), n);
      c.fill(p, AREA, 0.35f);
      c.stroke(p, AREA, (float) (3 * s));
    } else {
      c.text(tx.t("noDimensions"), label, PicturePainter.MUTED, (float) (cx - r), (float) cy);
    }
    c.text(
        tx.number(max) + "%",
        label,
        PicturePainter.MUTED,
        (float) (cx + 4 * s),
        (float) (cy - r - 4 * s));
    double ky = cy + r * 1.45;
    c.fill(new Ellipse2D.Double(x, ky - 12 * s, 14 * s, 14 * s), AREA, 1);
    // the series are named by the areas they are: the area and its parent (or the country)
    c.text(k.areaName(), label, PicturePainter.INK, (float) (x + 22 * s), (float) ky);
    c.fill(new Ellipse2D.Double(x + size / 2, ky - 12 * s, 14 * s, 14 * s), PARENT, 1);
    c.text(k.parentName(), label, PicturePainter.INK, (float) (x + size / 2 + 22 * s), (float) ky);
    return ky + 6 * s;
  }

  private static double angle(int i, int n) {
    return -Math.PI / 2 + 2 * Math.PI * i / n;
  }

  private static Path2D polygon(
      double cx, double cy, double r, double v, double max, List<Double> vs, int n) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < n; i++) {
      double val = vs == null ? v : vs.get(i) == null ? 0 : vs.get(i);
      double a = angle(i, n);
      double px = cx + r * (val / max) * Math.cos(a);
      double py = cy + r * (val / max) * Math.sin(a);
      if (i == 0) {
        p.moveTo(px, py);
      } else {
        p.lineTo(px, py);
      }
    }
    p.closePath();
    return p;
  }

  /** The web app's {@code niceMax}: 1, 2, 2.5 or 5 times a power of ten at or above {@code v}. */
  static double niceMax(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
