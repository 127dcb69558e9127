package org.phaenthi.server.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Lays out and draws a map picture as the web app's "save picture" does ({@code picture.js}): the
 * title across the top, the map, the legend with class counts and the no-data hatch beside it
 * (below it on a portrait page), notes under the legend, the source and licence line and the B.E.
 * dates at the bottom. Sizes scale with the page, from the 1600×900 slide.
 */
public final class PicturePainter {
  static final Color BACKGROUND = new Color(0xf4, 0xf7, 0xfa);
  static final Color MAP_GROUND = new Color(0xdf, 0xe8, 0xee);
  static final Color INK = new Color(0x1b, 0x27, 0x33);
  static final Color MUTED = new Color(0x55, 0x55, 0x55);
  static final Color SWATCH_EDGE = new Color(0x77, 0x77, 0x77);

  /** Fill opacity of an area whose rate rests on fewer than 30 units (the web app's). */
  static final float SMALL_BASE_OPACITY = 0.4f;

  private PicturePainter() {}

  /** Where the parts went: the title as wrapped, the map's box and each legend swatch. */
  public record Layout(
      List<String> titleLines,
      float titleSize,
      double titleWidth,
      Rectangle2D mapBox,
      List<Rectangle2D> classSwatches,
      Rectangle2D noDataSwatch) {
    /** Copies: a rectangle is mutable. */
    public Layout {
      titleLines = List.copyOf(titleLines);
      mapBox = copy(mapBox);
      classSwatches = classSwatches.stream().map(Layout::copy).toList();
      noDataSwatch = copy(noDataSwatch);
    }

    @Override
    public Rectangle2D mapBox() {
      return copy(mapBox);
    }

    /** Copies of the swatches. */
    @Override
    public List<Rectangle2D> classSwatches() {
      return classSwatches.stream().map(Layout::copy).toList();
    }

    @Override
    public Rectangle2D noDataSwatch() {
      return copy(noDataSwatch);
    }

    private static Rectangle2D copy(Rectangle2D r) {
      return r == null ? null : (Rectangle2D) r.clone();
    }
  }

  /** The scale of a page against the 1600×900 slide. */
  static double scale(double w, double h) {
    return Math.sqrt(w * h / (1600.0 * 900.0));
  }

  public static Layout paint(Canvas c, MapModel m, double w, double h) {
    double s = scale(w, h);
    double margin = 30 * s;
    c.fill(new Rectangle2D.Double(0, 0, w, h), BACKGROUND, 1);
    double titleWidth = w - 2 * margin;
    Text title = fit(c, m.title(), true, (float) (40 * s), titleWidth, 2);
    double y = margin;
    for (String line : title.lines) {
      y += title.lineHeight;
      c.text(line, title.font, INK, (float) margin, (float) (y - title.lineHeight * 0.25));
    }
    y += 10 * s;
    Font small = Fonts.of(false, (float) (18 * s));
    List<String> source = TextWrap.lines(m.source(), small, c.frc(), w - 2 * margin, 3);
    double footer = (source.size() + 1) * 24 * s + margin * 0.6;
    Rectangle2D mapBox;
    double lx;
    double ly;
    double lw;
    if (w >= h) {
      lw = 400 * s;
      // the map box takes the area's own shape (a tall country on a wide slide would otherwise
      // sit in a box mostly empty), and the map and the legend beside it are centred together
      double boxH = h - y - footer;
      double boxW = fittedWidth(m.areas(), w - lw - 3 * margin, boxH, 20 * s);
      double left = Math.max(0, (w - boxW - margin - lw) / 2);
      mapBox = new Rectangle2D.Double(left, y, boxW, boxH);
      lx = mapBox.getMaxX() + margin;
      ly = y + 10 * s;
    } else {
      mapBox = new Rectangle2D.Double(0, y, w, (h - y - footer) * 0.66);
      lx = margin;
      ly = mapBox.getMaxY() + 20 * s;
      lw = Math.min(w - 2 * margin, 700 * s);
    }
    drawMap(c, m.areas(), mapBox, s);
    Legend legend = drawLegend(c, m, lx, ly, lw, s, h - footer - ly);
    double fy = h - footer + 24 * s;
    for (String line : source) {
      c.text(line, small, MUTED, (float) margin, (float) fy);
      fy += 24 * s;
    }
    c.text(m.dateLine(), small, MUTED, (float) margin, (float) fy);
    return new Layout(
        title.lines, title.font.getSize2D(), titleWidth, mapBox, legend.swatches, legend.noData);
  }

  /** Wrapped text: its font, lines and line height. */
  record Text(Font font, List<String> lines, double lineHeight) {}

  /**
   * The text wrapped at word boundaries into at most {@code maxLines} lines at the largest size
   * down to 60 % that holds it whole; below that, more lines (a title is never cut).
   */
  static Text fit(Canvas c, String text, boolean bold, float size, double width, int maxLines) {
    for (float f = size; f >= size * 0.6f; f -= size * 0.05f) {
      Font font = Fonts.of(bold, f);
      List<String> lines = TextWrap.lines(text, font, c.frc(), width, Integer.MAX_VALUE);
      if (lines.size() <= maxLines) {
        return new Text(font, lines, f * 1.15);
      }
    }
    Font font = Fonts.of(bold, size * 0.6f);
    return new Text(
        font, TextWrap.lines(text, font, c.frc(), width, Integer.MAX_VALUE), size * 0.69);
  }

  /** The legend's swatches as drawn, and where it ends. */
  record Legend(List<Rectangle2D> swatches, Rectangle2D noData, double bottom) {}

  static Legend drawLegend(
      Canvas c, MapModel m, double x, double y, double w, double s, double maxHeight) {
    Font head = Fonts.of(true, (float) (24 * s));
    Font sub = Fonts.of(false, (float) (18 * s));
    Font label = Fonts.of(false, (float) (22 * s));
    double pad = 16 * s;
    List<String> headLines = TextWrap.lines(m.legendTitle(), head, c.frc(), w - 2 * pad, 4);
    List<List<String>> notes = new ArrayList<>();
    for (String n : m.notes()) {
      notes.add(TextWrap.lines(n, sub, c.frc(), w - 2 * pad, 6));
    }
    int rows = m.classes().size() + 1 + (m.faded() > 0 ? 1 : 0);
    double noteLines = notes.stream().mapToInt(List::size).sum();
    double height =
        pad
            + headLines.size() * 30 * s
            + 30 * s
            + rows * 46 * s
            + noteLines * 24 * s
            + notes.size() * 8 * s
            + pad;
    c.fill(
        new Rectangle2D.Double(x, y, w, Math.min(height, Math.max(maxHeight, height))),
        Color.WHITE,
        0.95f);
    double yy = y + pad;
    for (String line : headLines) {
      yy += 30 * s;
      c.text(line, head, INK, (float) (x + pad), (float) (yy - 6 * s));
    }
    yy += 26 * s;
    c.text(m.legendSubtitle(), sub, MUTED, (float) (x + pad), (float) (yy - 6 * s));
    yy += 10 * s;
    List<Rectangle2D> swatches = new ArrayList<>();
    for (MapModel.LegendRow row : m.classes()) {
      Rectangle2D r = new Rectangle2D.Double(x + pad, yy, 44 * s, 32 * s);
      c.fill(r, row.colour(), 1);
      c.stroke(r, SWATCH_EDGE, (float) s);
      swatches.add(r);
      rowText(c, label, row.label(), m.texts().number((double) row.count()), x, yy, w, s);
      yy += 46 * s;
    }
    Rectangle2D nd = new Rectangle2D.Double(x + pad, yy, 44 * s, 32 * s);
    c.hatch(nd, (float) (7 * s));
    c.stroke(nd, SWATCH_EDGE, (float) s);
    rowText(c, label, m.texts().t("noData"), m.texts().number((double) m.noData()), x, yy, w, s);
    yy += 46 * s;
    if (m.faded() > 0) {
      Rectangle2D r = new Rectangle2D.Double(x + pad, yy, 44 * s, 32 * s);
      int n = m.classes().size();
      for (int i = 0; i < n; i++) {
        Rectangle2D part =
            new Rectangle2D.Double(
                r.getX() + r.getWidth() * i / n, yy, r.getWidth() / n, r.getHeight());
        c.fill(part, m.classes().get(i).colour(), SMALL_BASE_OPACITY);
      }
      c.stroke(r, SWATCH_EDGE, (float) s);
      rowText(
          c, label, m.texts().t("smallBase"), m.texts().number((double) m.faded()), x, yy, w, s);
      yy += 46 * s;
    }
    for (List<String> note : notes) {
      yy += 8 * s;
      for (String line : note) {
        yy += 24 * s;
        c.text(line, sub, MUTED, (float) (x + pad), (float) (yy - 5 * s));
      }
    }
    return new Legend(swatches, nd, yy + pad);
  }

  private static void rowText(
      Canvas c, Font f, String label, String count, double x, double yy, double w, double s) {
    c.text(label, f, INK, (float) (x + 16 * s + 58 * s), (float) (yy + 24 * s));
    double cw = TextWrap.width(count, f, c.frc());
    c.text(count, f, INK, (float) (x + w - 16 * s - cw), (float) (yy + 24 * s));
  }

  /**
   * The width of a map box at most {@code maxWidth} wide and {@code height} high that the areas,
   * fitted with {@code pad} around them, fill: the area's aspect, or all of it for a wide area.
   */
  static double fittedWidth(List<MapModel.Fill> areas, double maxWidth, double height, double pad) {
    Envelope e = extent(areas);
    if (e.isNull() || e.getHeight() <= 0) {
      return maxWidth;
    }
    double width = (height - 2 * pad) * e.getWidth() / e.getHeight() + 2 * pad;
    return Math.min(maxWidth, Math.max(width, 4 * pad));
  }

  /** The areas' extent in Web Mercator (x in degrees of longitude, y as {@link #mercY}). */
  static Envelope extent(List<MapModel.Fill> areas) {
    Envelope e = new Envelope();
    for (MapModel.Fill f : areas) {
      if (f.geometry() != null) {
        Envelope g = f.geometry().getEnvelopeInternal();
        e.expandToInclude(g.getMinX(), mercY(g.getMinY()));
        e.expandToInclude(g.getMaxX(), mercY(g.getMaxY()));
      }
    }
    return e;
  }

  /**
   * Where {@link #drawMap} puts the areas in a box: pixels per degree {@code k} and the offsets, x
   * = ox + lon·k, y = oy − mercY(lat)·k; null when no area has geometry.
   */
  public record Projection(double k, double ox, double oy) {
    /** The pixel of a lon/lat point. */
    public java.awt.geom.Point2D point(double lon, double lat) {
      return new java.awt.geom.Point2D.Double(ox + lon * k, oy - mercY(lat) * k);
    }
  }

  /** The projection that fits the areas, with a 20-pixel (scaled) pad, into the box. */
  public static Projection projection(List<MapModel.Fill> areas, Rectangle2D box, double s) {
    Envelope e = extent(areas);
    if (e.isNull()) {
      return null;
    }
    double pad = 20 * s;
    double k =
        Math.min(
            (box.getWidth() - 2 * pad) / Math.max(e.getWidth(), 1e-9),
            (box.getHeight() - 2 * pad) / Math.max(e.getHeight(), 1e-9));
    double ox = box.getX() + (box.getWidth() - e.getWidth() * k) / 2 - e.getMinX() * k;
    double oy = box.getY() + (box.getHeight() + e.getHeight() * k) / 2 + e.getMinY() * k;
    return new Projection(k, ox, oy);
  }

  /** Fills and outlines the areas in Web Mercator, fitted into the box. */
  static void drawMap(Canvas c, List<MapModel.Fill> areas, Rectangle2D box, double s) {
    drawMap(c, areas, box, s, null);
  }

  /**
   * Fills and outlines the areas in Web Mercator, fitted into the box; the area {@code highlight}
   * (a code, or null) outlined in ink over the others, as the web app outlines the selected area.
   */
  static void drawMap(
      Canvas c, List<MapModel.Fill> areas, Rectangle2D box, double s, String highlight) {
    c.fill(box, MAP_GROUND, 1);
    Projection pr = projection(areas, box, s);
    if (pr == null) {
      return;
    }
    double k = pr.k();
    double ox = pr.ox();
    double oy = pr.oy();
    List<Path2D> paths = new ArrayList<>();
    for (MapModel.Fill f : areas) {
      if (f.geometry() == null) {
        paths.add(null);
        continue;
      }
      Path2D p = path(f.geometry(), k, ox, oy);
      paths.add(p);
      if (f.colour() == null) {
        c.hatch(p, (float) (7 * s));
      } else {
        c.fill(p, f.colour(), f.faded() ? SMALL_BASE_OPACITY : 1);
      }
    }
    float border = (float) (areas.size() > 400 ? 0.5 * s : 1.0 * s);
    for (Path2D p : paths) {
      if (p != null) {
        c.stroke(p, Color.WHITE, border);
      }
    }
    for (int i = 0; i < areas.size(); i++) {
      if (paths.get(i) != null && areas.get(i).area().code().equals(highlight)) {
        c.stroke(paths.get(i), INK, (float) (4 * s));
      }
    }
  }

  /** Web Mercator's y of a latitude, in the units of degrees of longitude. */
  static double mercY(double lat) {
    double phi = Math.toRadians(Math.max(-85, Math.min(85, lat)));
    return Math.toDegrees(Math.log(Math.tan(Math.PI / 4 + phi / 2)));
  }

  static Path2D path(Geometry g, double k, double ox, double oy) {
    Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon poly) {
        ring(p, poly.getExteriorRing(), k, ox, oy);
        for (int h = 0; h < poly.getNumInteriorRing(); h++) {
          ring(p, poly.getInteriorRingN(h), k, ox, oy);
        }
      }
    }
    return p;
  }

  private static void ring(Path2D p, LineString ring, double k, double ox, double oy) {
    Coordinate[] cs = ring.getCoordinates();
    for (int i = 0; i < cs.length; i++) {
      double x = ox + cs[i].x * k;
      double y = oy - mercY(cs[i].y) * k;
      if (i == 0) {
        p.moveTo(x, y);
      } else {
        p.lineTo(x, y);
      }
    }
    p.closePath();
  }
}
