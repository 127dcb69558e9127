package org.phaenthi.server.ogc.cql2;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CASEI and ACCENTI (OGC 21-065r2 §8.2, §8.3). Case: Unicode case folding approximated by
 * lower-casing the upper-cased string (so ß and SS, ſ and s meet), locale-independent. Accents: the
 * combining marks of the Latin/Greek/Cyrillic diacritics blocks are removed after canonical
 * decomposition (NFD), so {@code 'Chiang Mài'} meets {@code 'Chiang Mai'}. Thai vowel and tone
 * marks are <em>not</em> accents and are kept: they are combining characters too, but dropping them
 * would make different words equal (ข้าว "rice" and ขาว "white").
 */
final class Folding {
  private static final Pattern DIACRITICS =
      Pattern.compile(
          "[\\u0300-\\u036F\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F]");

  private Folding() {}

  static String fold(String fn, String s) {
    return switch (fn) {
      case "casei" -> s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
      case "accenti" ->
          Normalizer.normalize(
              DIACRITICS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll(""),
              Normalizer.Form.NFC);
      default -> throw new IllegalStateException(fn);
    };
  }
}
