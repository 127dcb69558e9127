package org.phaenthi.server.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** A {@link Canvas} on Java2D: a raster for PNG, JFreeSVG's {@code SVGGraphics2D} for SVG. */
final class Graphics2dCanvas implements Canvas {
  private final Graphics2D g;

  Graphics2dCanvas(Graphics2D g) {
    this.g = g;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  @Override
  public FontRenderContext frc() {
    return g.getFontRenderContext();
  }

  @Override
  public void fill(Shape s, Color c, float alpha) {
    g.setColor(
        alpha >= 1 ? c : new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(alpha * 255)));
    g.fill(s);
  }

  @Override
  public void stroke(Shape s, Color c, float width) {
    g.setColor(c);
    g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(s);
  }

  @Override
  public void hatch(Shape s, float spacing) {
    g.setColor(HATCH_GROUND);
    g.fill(s);
    Shape clip = g.getClip();
    g.clip(s);
    g.setColor(HATCH_LINE);
    g.setStroke(new BasicStroke(Math.max(1f, spacing / 6)));
    Rectangle2D b = s.getBounds2D();
    for (double d = -b.getHeight(); d < b.getWidth(); d += spacing) {
      g.draw(new Line2D.Double(b.getX() + d, b.getMaxY(), b.getX() + d + b.getHeight(), b.getY()));
    }
    g.setClip(clip);
  }

  @Override
  public void text(String s, Font f, Color c, float x, float y) {
    if (s.isEmpty()) {
      return;
    }
    g.setFont(f);
    g.setColor(c);
    g.drawString(s, x, y);
  }
}
