package org.phaenthi.server.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;

/**
 * Where a picture is drawn, in pixels from the top left: Java2D for PNG and SVG ({@link
 * Graphics2dCanvas}), PDFBox for PDF ({@link PdfCanvas}). Text is laid out by Java2D in both, so
 * the lines {@link TextWrap} measured are the lines drawn.
 */
public interface Canvas {
  /** How text is measured on this canvas. */
  FontRenderContext frc();

  void fill(Shape s, Color c, float alpha);

  void stroke(Shape s, Color c, float width);

  /** Fills a shape with the "no data" hatch: diagonal lines on a light ground. */
  void hatch(Shape s, float spacing);

  /** One line of text, its baseline starting at (x, y). */
  void text(String s, Font f, Color c, float x, float y);

  Color HATCH_GROUND = new Color(0xf2, 0xf2, 0xf2);
  Color HATCH_LINE = new Color(0x99, 0x99, 0x99);
}
