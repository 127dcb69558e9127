package org.phaenthi.server.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The pictures' typeface: Laksaman (TLWG's maintained TH Sarabun PSK, the design of the web app's
 * Sarabun), regular and bold, bundled as TrueType (GPL-2+ with the font exception; see {@code
 * phaenthi-render/fonts/README.md}). The same bytes are drawn by Java2D and embedded in PDFs.
 */
public final class Fonts {
  static final String REGULAR = "/phaenthi-render/fonts/Laksaman.ttf";
  static final String BOLD = "/phaenthi-render/fonts/Laksaman-Bold.ttf";

  private static final Font REGULAR_FONT = load(REGULAR);
  private static final Font BOLD_FONT = load(BOLD);

  private Fonts() {}

  /** The regular or bold face at a size in pixels (points in PDF). */
  public static Font of(boolean bold, float size) {
    return (bold ? BOLD_FONT : REGULAR_FONT).deriveFont(size);
  }

  static InputStream open(boolean bold) {
    return Fonts.class.getResourceAsStream(bold ? BOLD : REGULAR);
  }

  private static Font load(String path) {
    try (InputStream in = Fonts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("font not on the class path: " + path);
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("unreadable font " + path, e);
    }
  }
}
