package org.phaenthi.server.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The SVG number format: tenths of a pixel, no exponent, no locale. */
class RendererTest {
  @Test
  void tenthsOfAPixel() {
    assertEquals("12", Renderer.tenths(12.01));
    assertEquals("12.3", Renderer.tenths(12.3456));
    assertEquals("-0.5", Renderer.tenths(-0.46));
    assertEquals("-3.2", Renderer.tenths(-3.2));
    assertEquals("0", Renderer.tenths(0.04));
    assertEquals("1234567.9", Renderer.tenths(1234567.89));
  }
}
