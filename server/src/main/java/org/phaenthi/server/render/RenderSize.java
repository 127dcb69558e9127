package org.phaenthi.server.render;

import org.phaenthi.server.ApiException;

/**
 * The size of a picture in pixels and the resolution it is meant for: the presets {@code slide}
 * (1600×900, 16:9, 96 dpi), {@code a4} (portrait) and {@code a4-landscape} at 300 dpi, or {@code
 * w}×{@code h} pixels (200–4000 each) at 96 dpi. A PDF page is the size at that resolution (A4 is
 * 210×297 mm).
 */
public record RenderSize(String name, int widthPixels, int heightPixels, int dpi) {
  public static final int MIN = 200;
  public static final int MAX = 4000;

  public static RenderSize of(String preset, String w, String h) {
    if (w != null || h != null) {
      if (preset != null) {
        throw ApiException.badRequest("give either parameter 'size' or 'w' and 'h', not both");
      }
      return new RenderSize("custom", pixels("w", w), pixels("h", h), 96);
    }
    if (preset == null) {
      return new RenderSize("slide", 1600, 900, 96);
    }
    return switch (preset) {
      case "slide" -> new RenderSize("slide", 1600, 900, 96);
      case "a4" -> new RenderSize("a4", 2480, 3508, 300);
      case "a4-landscape" -> new RenderSize("a4-landscape", 3508, 2480, 300);
      default ->
          throw ApiException.badRequest(
              "parameter 'size' must be slide, a4 or a4-landscape, not '" + preset + "'");
    };
  }

  public boolean landscape() {
    return widthPixels >= heightPixels;
  }

  /** PDF points (1/72 inch) per pixel. */
  public double pointsPerPixel() {
    return 72.0 / dpi;
  }

  private static int pixels(String name, String text) {
    if (text == null) {
      throw ApiException.badRequest(
          "parameter '" + name + "' is required with " + (name.equals("w") ? "'h'" : "'w'"));
    }
    if (text.matches("[0-9]{1,5}")) {
      int v = Integer.parseInt(text);
      if (v >= MIN && v <= MAX) {
        return v;
      }
    }
    throw ApiException.badRequest(
        "parameter '"
            + name
            + "' must be a whole number of pixels "
            + MIN
            + "–"
            + MAX
            + ", not '"
            + text
            + "'");
  }
}
