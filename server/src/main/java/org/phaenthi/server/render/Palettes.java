package org.phaenthi.server.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.phaenthi.server.Json;

/**
 * The web app's palettes ({@code classify.js}: {@code PALETTES}, {@code colours}, {@code
 * changePalette}, {@code changeColours}), read from the same ColorBrewer file the web app loads
 * (npm {@code colorbrewer}, packaged in the web jar), so a picture and the map give a class the
 * same colour. "Worse" is always the strong end: the darkest colour of a sequential palette, the
 * first (warm) end of a diverging one; a "-r" suffix reverses once more.
 */
public final class Palettes {
  /** The palettes the web app offers, diverging first (its {@code PALETTES}). */
  public static final List<String> NAMES =
      List.of(
          "RdYlBu",
          "RdBu",
          "PuOr",
          "BrBG",
          "PiYG",
          "PRGn",
          "RdYlGn",
          "Spectral",
          "YlOrRd",
          "YlGnBu",
          "Blues",
          "Greens",
          "Purples",
          "Oranges",
          "Greys");

  private static final String SOURCE = "/phaenthi-web/vendor/colorbrewer/index.es.js";
  private static final JsonNode SCHEMES = load();
  private static final Set<String> DIVERGING = diverging();

  private Palettes() {}

  /** Whether {@code name} (with an optional "-r") is a palette the web app offers. */
  public static boolean known(String name) {
    return name != null && NAMES.contains(name.replaceFirst("-r$", ""));
  }

  public static boolean isDiverging(String name) {
    return DIVERGING.contains(name.replaceFirst("-r$", ""));
  }

  /**
   * Colours of {@code n} classes, lowest class first; {@code higherIsBetter} null keeps the
   * palette's own order (neither direction is better).
   */
  public static List<Color> colours(String palette, int n, Boolean higherIsBetter) {
    boolean userReversed = palette.endsWith("-r");
    String name = known(palette) ? palette.replaceFirst("-r$", "") : "RdYlBu";
    JsonNode scheme = SCHEMES.get(name);
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (Iterator<String> it = scheme.fieldNames(); it.hasNext(); ) {
      int size = Integer.parseInt(it.next());
      min = Math.min(min, size);
      max = Math.max(max, size);
    }
    int size = Math.min(Math.max(n, min), max);
    List<Color> cs = new ArrayList<>();
    scheme.get(String.valueOf(size)).forEach(c -> cs.add(Color.decode(c.asText())));
    if (n < size) {
      // fewer classes than the smallest scheme: keep its ends, so the strong end stays strong
      List<Color> ends =
          n == 1 ? List.of(cs.get(cs.size() - 1)) : List.of(cs.get(0), cs.get(size - 1));
      cs.clear();
      cs.addAll(ends);
    }
    // ColorBrewer lists sequential schemes light → dark and diverging ones warm → cool
    List<Color> worstFirst = new ArrayList<>(cs);
    if (!isDiverging(name)) {
      Collections.reverse(worstFirst);
    }
    List<Color> out;
    if (Boolean.TRUE.equals(higherIsBetter)) {
      out = worstFirst;
    } else if (Boolean.FALSE.equals(higherIsBetter)) {
      out = new ArrayList<>(worstFirst);
      Collections.reverse(out);
    } else {
      out = cs;
    }
    if (userReversed) {
      out = new ArrayList<>(out);
      Collections.reverse(out);
    }
    return List.copyOf(out);
  }

  /** A change map's palette: the user's when diverging, else RdBu (keeping a "-r"). */
  public static String changePalette(String palette) {
    return isDiverging(palette) ? palette : "RdBu" + (palette.endsWith("-r") ? "-r" : "");
  }

  /**
   * Colours of a change map's classes, centred on no change: falls take one half of a diverging
   * palette, rises the other, each light near 0 ({@code changeColours} of the web app).
   */
  public static List<Color> changeColours(
      String palette, List<Double> breaks, Boolean higherIsBetter, double max) {
    int n = breaks.size() + 1;
    int falls = (int) breaks.stream().filter(b -> b <= 0).count() + (max <= 0 ? 1 : 0);
    int half = Math.max(falls, n - falls);
    if (2 * half > 10) {
      return colours(palette, n, higherIsBetter);
    }
    List<Color> full = colours(palette, 2 * half, higherIsBetter);
    List<Color> out = new ArrayList<>(full.subList(half - falls, half));
    out.addAll(full.subList(half, half + n - falls));
    return List.copyOf(out);
  }

  /** {@code #rrggbb}, as ColorBrewer writes it. */
  public static String hex(Color c) {
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static JsonNode load() {
    try (InputStream in = Palettes.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IllegalStateException("ColorBrewer not on the class path: " + SOURCE);
      }
      String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // an ES module holding one object literal: take the literal and quote its keys
      String literal = js.substring(js.indexOf('{'), js.lastIndexOf('}') + 1);
      String json = literal.replaceAll("([{,]\\s*)([A-Za-z0-9]+)\\s*:", "$1\"$2\":");
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> diverging() {
    Set<String> out = new HashSet<>();
    SCHEMES.get("schemeGroups").get("diverging").forEach(n -> out.add(n.asText()));
    return Set.copyOf(out);
  }
}
