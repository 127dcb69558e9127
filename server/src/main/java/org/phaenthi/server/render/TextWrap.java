package org.phaenthi.server.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wraps text into lines no wider than a width, breaking only where {@link BreakIterator}'s line
 * instance allows: at spaces in English, between words in Thai (which has no spaces; the JDK's Thai
 * line breaker uses a dictionary). A single word wider than the line is broken by character, the
 * only case a word is cut. Joined again, the lines give back the text whole.
 */
public final class TextWrap {
  private static final Locale THAI = Locale.forLanguageTag("th-TH");

  private TextWrap() {}

  /** The lines, each given with its trailing spaces removed; never more than {@code maxLines}. */
  public static List<String> lines(
      String text, Font font, FontRenderContext frc, double maxWidth, int maxLines) {
    List<String> out = new ArrayList<>();
    BreakIterator breaks = BreakIterator.getLineInstance(THAI);
    breaks.setText(text);
    int lineStart = 0;
    int lastFit = -1;
    int end = breaks.next();
    while (end != BreakIterator.DONE) {
      String candidate = text.substring(lineStart, end).stripTrailing();
      if (width(candidate, font, frc) <= maxWidth) {
        lastFit = end;
        end = breaks.next();
        continue;
      }
      if (lastFit > lineStart) {
        out.add(text.substring(lineStart, lastFit).stripTrailing());
        lineStart = lastFit;
      } else {
        // one word wider than the line: the only place a word is cut
        int cut = lineStart + 1;
        while (cut < end && width(text.substring(lineStart, cut + 1), font, frc) <= maxWidth) {
          cut++;
        }
        out.add(text.substring(lineStart, cut));
        lineStart = cut;
      }
      lastFit = -1;
      if (out.size() == maxLines) {
        return out;
      }
    }
    if (lineStart < text.length()) {
      out.add(text.substring(lineStart).stripTrailing());
    }
    return out.size() > maxLines ? out.subList(0, maxLines) : out;
  }

  /** The advance of a string as Java2D lays it out (Thai marks take no width). */
  public static double width(String s, Font font, FontRenderContext frc) {
    return s.isEmpty() ? 0 : font.getStringBounds(s, frc).getWidth();
  }
}
