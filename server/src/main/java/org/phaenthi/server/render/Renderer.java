package org.phaenthi.server.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.svg.SVGGraphics2D;

/**
 * Turns a drawing on a {@link Canvas} into the bytes of a format: PNG through ImageIO, SVG through
 * JFreeSVG (text as {@code <text>} elements, so it stays searchable), PDF through PDFBox ({@link
 * PdfCanvas}).
 */
public final class Renderer {
  private Renderer() {}

  public static byte[] render(
      RenderFormat format, RenderSize size, String title, Consumer<Canvas> drawing) {
    int w = size.widthPixels();
    int h = size.heightPixels();
    return switch (format) {
      case PNG -> png(w, h, drawing);
      case SVG -> svg(w, h, drawing);
      case PDF -> pdf(w, h, size.pointsPerPixel(), title, drawing);
    };
  }

  static byte[] png(int w, int h, Consumer<Canvas> drawing) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      drawing.accept(new Graphics2dCanvas(g));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] svg(int w, int h, Consumer<Canvas> drawing) {
    SVGGraphics2D g = new SVGGraphics2D(w, h);
    // a tenth of a pixel is finer than any screen or print shows; JFreeSVG's default writes every
    // digit of a double (a country of subdistricts: 43 MB instead of ~1/3 of that)
    g.setGeomDoubleConverter(Renderer::tenths);
    drawing.accept(new Graphics2dCanvas(g));
    return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] pdf(int w, int h, double pointsPerPixel, String title, Consumer<Canvas> drawing) {
    try (PDDocument doc = new PDDocument()) {
      PDPage page =
          new PDPage(new PDRectangle((float) (w * pointsPerPixel), (float) (h * pointsPerPixel)));
      doc.addPage(page);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setCreator("Phaenthi");
      // a fixed document ID (PDFBox makes one from the clock otherwise): the same request gives the
      // same bytes on every node, so the strong ETag holds
      byte[] id = sha256(title + "|" + w + "x" + h);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        drawing.accept(new PdfCanvas(doc, cs, h, pointsPerPixel));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 17);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String tenths(double d) {
    long t = Math.round(d * 10);
    return t % 10 == 0
        ? Long.toString(t / 10)
        : (t < 0 && t > -10 ? "-" : "") + t / 10 + "." + Math.abs(t % 10);
  }

  private static byte[] sha256(String s) {
    try {
      return Arrays.copyOf(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
