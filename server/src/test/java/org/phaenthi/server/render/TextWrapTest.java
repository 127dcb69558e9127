package org.phaenthi.server.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link TextWrap}: lines fit, nothing is lost, Thai and English break between words. */
class TextWrapTest {
  static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  /** Every line ends where the line breaker allows a break, and the lines give back the text. */
  static void assertWordBoundaries(String text, List<String> lines) {
    BreakIterator b = BreakIterator.getLineInstance(Locale.forLanguageTag("th-TH"));
    b.setText(text);
    int pos = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      assertEquals(line, text.substring(pos, pos + line.length()), "line " + i + " of " + lines);
      pos += line.length();
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
      if (i < lines.size() - 1) {
        assertTrue(b.isBoundary(pos), "line " + i + " ends inside a word: " + lines);
      }
    }
    assertEquals(text.length(), pos, "text lost: " + lines);
  }

  @Test
  void thaiBreaksBetweenWordsAndEveryLineFits() {
    Font f = Fonts.of(false, 40);
    String text = RenderFixture.LONG_TH + " · ประเทศไทย · ตำบล · ปี (พ.ศ.) 2561";
    for (double width : new double[] {300, 500, 900}) {
      List<String> lines = TextWrap.lines(text, f, FRC, width, Integer.MAX_VALUE);
      assertTrue(lines.size() > 1, "wraps at " + width);
      for (String line : lines) {
        assertTrue(TextWrap.width(line, f, FRC) <= width, line + " wider than " + width);
      }
      assertWordBoundaries(text, lines);
      // a word the dictionary knows is never cut
      assertTrue(
          lines.stream().noneMatch(l -> l.endsWith("ประเ") || l.startsWith("ทศไทย")),
          lines.toString());
    }
  }

  @Test
  void englishBreaksAtSpaces() {
    Font f = Fonts.of(true, 40);
    String text = RenderFixture.LONG_EN + " · Thailand · Subdistrict · Year (B.E.) 2561";
    List<String> lines = TextWrap.lines(text, f, FRC, 600, Integer.MAX_VALUE);
    assertWordBoundaries(text, lines);
    for (String line : lines) {
      int end = text.indexOf(line) + line.length();
      assertTrue(end == text.length() || text.charAt(end) == ' ', "cut mid-word: " + line);
    }
  }

  @Test
  void aWordWiderThanTheLineIsTheOnlyCut() {
    Font f = Fonts.of(false, 40);
    List<String> lines = TextWrap.lines("Supercalifragilistic", f, FRC, 100, Integer.MAX_VALUE);
    assertTrue(lines.size() > 1);
    assertEquals("Supercalifragilistic", String.join("", lines));
  }
}
