package org.phaenthi.server.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * A {@link Canvas} on a PDFBox page, in the pixels of the layout (the page's matrix scales them to
 * points and puts the origin at the top left). Text is drawn twice: as the glyph outlines Java2D's
 * {@link TextLayout} shaped, which places Thai vowel and tone marks correctly (PDFBox applies no
 * OpenType mark positioning, so text shown with a PDF font would stack marks wrongly), and as
 * invisible text (render mode NEITHER) in the embedded font, so copying, searching and text
 * extraction ({@code pdftotext}, PDFBox) return the strings.
 */
final class PdfCanvas implements Canvas {
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private final PDDocument doc;
  private final PDPageContentStream cs;
  private final Map<Boolean, PDType0Font> fonts = new HashMap<>();
  private final Map<Float, PDExtendedGraphicsState> alphas = new HashMap<>();

  /** Starts drawing on a page {@code heightPixels} high, at {@code pointsPerPixel}. */
  PdfCanvas(PDDocument doc, PDPageContentStream cs, double heightPixels, double pointsPerPixel) {
    this.doc = doc;
    this.cs = cs;
    try {
      float k = (float) pointsPerPixel;
      cs.transform(new Matrix(k, 0, 0, -k, 0, (float) (heightPixels * pointsPerPixel)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public FontRenderContext frc() {
    return FRC;
  }

  @Override
  public void fill(Shape s, Color c, float alpha) {
    try {
      cs.saveGraphicsState();
      if (alpha < 1) {
        cs.setGraphicsStateParameters(alpha(alpha));
      }
      cs.setNonStrokingColor(c);
      boolean evenOdd = path(s);
      if (evenOdd) {
        cs.fillEvenOdd();
      } else {
        cs.fill();
      }
      cs.restoreGraphicsState();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stroke(Shape s, Color c, float width) {
    try {
      cs.setStrokingColor(c);
      cs.setLineWidth(width);
      cs.setLineJoinStyle(1);
      cs.setLineCapStyle(1);
      path(s);
      cs.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void hatch(Shape s, float spacing) {
    try {
      cs.saveGraphicsState();
      cs.setNonStrokingColor(HATCH_GROUND);
      if (path(s)) {
        cs.fillEvenOdd();
      } else {
        cs.fill();
      }
      if (path(s)) {
        cs.clipEvenOdd();
      } else {
        cs.clip();
      }
      cs.setStrokingColor(HATCH_LINE);
      cs.setLineWidth(Math.max(1f, spacing / 6));
      Rectangle2D b = s.getBounds2D();
      for (double d = -b.getHeight(); d < b.getWidth(); d += spacing) {
        cs.moveTo((float) (b.getX() + d), (float) b.getMaxY());
        cs.lineTo((float) (b.getX() + d + b.getHeight()), (float) b.getY());
      }
      cs.stroke();
      cs.restoreGraphicsState();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void text(String s, Font f, Color c, float x, float y) {
    if (s.isEmpty()) {
      return;
    }
    Shape outline =
        new TextLayout(s, f, FRC).getOutline(AffineTransform.getTranslateInstance(x, y));
    fill(outline, c, 1);
    try {
      PDType0Font font = font(f.isBold());
      cs.beginText();
      cs.setRenderingMode(RenderingMode.NEITHER);
      cs.setFont(font, f.getSize2D());
      // the page's matrix turns y down; the text matrix turns it up again so the text is upright
      cs.setTextMatrix(new Matrix(1, 0, 0, -1, x, y));
      cs.showText(encodable(font, s));
      cs.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with characters the font has no glyph for replaced by spaces. */
  private static String encodable(PDType0Font font, String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              String ch = new String(Character.toChars(cp));
              try {
                font.encode(ch);
                out.append(ch);
              } catch (IllegalArgumentException | IOException e) {
                out.append(' ');
              }
            });
    return out.toString();
  }

  private PDType0Font font(boolean bold) throws IOException {
    PDType0Font f = fonts.get(bold);
    if (f == null) {
      try (InputStream in = Fonts.open(bold)) {
        f = PDType0Font.load(doc, in, true);
      }
      fonts.put(bold, f);
    }
    return f;
  }

  private PDExtendedGraphicsState alpha(float a) {
    return alphas.computeIfAbsent(
        a,
        k -> {
          PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
          gs.setNonStrokingAlphaConstant(k);
          return gs;
        });
  }

  /** Appends the shape as a path; true when it is filled by the even-odd rule. */
  private boolean path(Shape s) throws IOException {
    PathIterator it = s.getPathIterator(null);
    float[] p = new float[6];
    float lastX = 0;
    float lastY = 0;
    while (!it.isDone()) {
      switch (it.currentSegment(p)) {
        case PathIterator.SEG_MOVETO -> {
          cs.moveTo(p[0], p[1]);
          lastX = p[0];
          lastY = p[1];
        }
        case PathIterator.SEG_LINETO -> {
          cs.lineTo(p[0], p[1]);
          lastX = p[0];
          lastY = p[1];
        }
        case PathIterator.SEG_QUADTO -> {
          // a quadratic Bézier as the cubic that traces it
          cs.curveTo(
              lastX + 2f / 3 * (p[0] - lastX),
              lastY + 2f / 3 * (p[1] - lastY),
              p[2] + 2f / 3 * (p[0] - p[2]),
              p[3] + 2f / 3 * (p[1] - p[3]),
              p[2],
              p[3]);
          lastX = p[2];
          lastY = p[3];
        }
        case PathIterator.SEG_CUBICTO -> {
          cs.curveTo(p[0], p[1], p[2], p[3], p[4], p[5]);
          lastX = p[4];
          lastY = p[5];
        }
        default -> cs.closePath();
      }
      it.next();
    }
    return it.getWindingRule() == PathIterator.WIND_EVEN_ODD;
  }
}
