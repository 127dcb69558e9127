package org.phaenthi.server;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.AreaCodes;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.Levels;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.IndicatorData;
import org.phaenthi.boundaries.indicators.SurveyYear;

/**
 * Parses and validates request parameters into typed values: malformed → 400, unknown level,
 * indicator or year → 404 whose message lists the valid choices.
 */
public final class Params {
  private Params() {}

  /** A level of the served boundary set: 400 when absent, 404 naming the valid ones. */
  public static AdminLevel level(Levels levels, String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("parameter 'level' is required; one of " + levels.urlNames());
    }
    return levels
        .byName(name)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "unknown level '" + name + "'; valid levels: " + levels.urlNames()));
  }

  /**
   * A level with polygons, for tiles, geometry and spatial downloads: a level of values only
   * ({@code village}) is a 404 saying where its values are.
   */
  public static AdminLevel mappedLevel(Levels levels, String name) {
    AdminLevel level = level(levels, name);
    if (!level.hasGeometry()) {
      throw ApiException.notFound(
          "level '"
              + name
              + "' has no geometry (values only: /api/values, CSV/XLSX exports, OGC items);"
              + " levels with geometry: "
              + levels.withGeometry().stream().map(AdminLevel::urlName).toList());
    }
    return level;
  }

  public static Indicator indicator(IndicatorData data, String code) {
    if (code == null || code.isBlank()) {
      throw ApiException.badRequest(
          "parameter 'indicator' is required; see /api/indicators for the codes");
    }
    return data.indicator(code)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "unknown indicator '"
                        + code
                        + "'; valid indicators: "
                        + data.indicators().stream().map(Indicator::code).toList()));
  }

  /** The survey year (B.E.); when absent, the latest year. */
  public static SurveyYear year(IndicatorData data, String text) {
    return year(data, text, "year");
  }

  /** A survey year (B.E.) given in the parameter {@code name}; when absent, the latest year. */
  public static SurveyYear year(IndicatorData data, String text, String name) {
    List<Integer> valid = data.years().keySet().stream().map(SurveyYear::be).toList();
    if (data.years().isEmpty()) {
      throw ApiException.notFound("this dataset has no indicator data for any year");
    }
    if (text == null) {
      return data.years().lastKey();
    }
    if (text.isEmpty()) {
      throw ApiException.badRequest(
          "parameter '"
              + name
              + "' is empty; leave it out for the latest year or give one such as 2561");
    }
    // digits only: Integer.parseInt would also take "+2561", and a cache key would then differ
    if (!text.matches("[0-9]{1,5}")) {
      throw ApiException.badRequest(
          "parameter '"
              + name
              + "' must be a Buddhist Era year such as 2561 (digits only), not '"
              + text
              + "'");
    }
    int be = Integer.parseInt(text);
    if (be < 2400 || be > 2700) {
      throw ApiException.badRequest(
          "parameter '"
              + name
              + "' must be a Buddhist Era year (e.g. 2561), not "
              + be
              + (be > 1900 && be < 2200 ? " (that looks like a C.E. year: add 543)" : ""));
    }
    return data.year(be)
        .map(y -> y.year())
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "no data for "
                        + (name.equals("year") ? "" : "parameter '" + name + "': ")
                        + "year "
                        + be
                        + "; valid years: "
                        + valid));
  }

  /**
   * 404 unless the parent is an area of the boundary set, or (for a level without geometry) a unit
   * its areas hang under: villages of a municipal pseudo-subdistrict, which has no polygon.
   */
  public static void knownParent(Boundaries b, AdminLevel level, String parent) {
    if (parent != null
        && b.area(parent).isEmpty()
        && (level.hasGeometry() || b.children(level, parent).isEmpty())) {
      throw ApiException.notFound("unknown parent area '" + parent + "'");
    }
  }

  /** An optional parent code: digits, shorter than the codes of {@code level}. */
  public static String parent(String text, AdminLevel level) {
    if (text == null) {
      return null;
    }
    if (text.isBlank()) {
      throw ApiException.badRequest(
          "parameter 'parent' is empty; leave it out for every area or give a code such as 83");
    }
    String p = text;
    if (!AreaCodes.isValid(p) || p.length() >= level.codeLength()) {
      throw ApiException.badRequest(
          "parameter 'parent' must be the code of a unit above "
              + level.urlName()
              + " (fewer than "
              + level.codeLength()
              + " digits), not '"
              + text
              + "'");
    }
    return p;
  }

  /** Rejects parameters this endpoint does not know, naming them. */
  public static void onlyKnown(Context ctx, Set<String> known) {
    wellFormedQuery(ctx.queryString());
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      String name = e.getKey();
      if (!known.contains(name)) {
        throw ApiException.badRequest(
            "unknown parameter '" + name + "'; this endpoint accepts " + known);
      }
      if (e.getValue().size() > 1) {
        throw ApiException.badRequest(
            "parameter '" + name + "' is given " + e.getValue().size() + " times; give it once");
      }
    }
  }

  /**
   * A query string whose percent escapes all decode to UTF-8 text without control characters;
   * Javalin would silently drop a parameter such as {@code indicator=%zz}, turn invalid UTF-8 into
   * U+FFFD and pass a NUL on, and the request would be answered as if it had asked something else
   * (a search for {@code %00} matched every area).
   */
  static void wellFormedQuery(String query) {
    if (query == null) {
      return;
    }
    for (String part : query.split("&", -1)) {
      int eq = part.indexOf('=');
      String rawName = eq < 0 ? part : part.substring(0, eq);
      String name = decode(rawName, rawName, query);
      if (eq >= 0) {
        decode(part.substring(eq + 1), name, query);
      }
    }
  }

  /** Percent-decodes one name or value strictly as UTF-8, naming the parameter when it fails. */
  private static String decode(String raw, String name, String query) {
    String text;
    try {
      text = URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "malformed query string (a '%' must start an escape such as %3A): " + query);
    }
    if (raw.indexOf('%') >= 0 && !validUtf8(raw)) {
      throw ApiException.badRequest(
          "parameter '"
              + printable(name)
              + "' is not valid UTF-8 text; percent escapes must spell UTF-8");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw ApiException.badRequest(
            "parameter '" + printable(name) + "' contains a control character (such as %00)");
      }
    }
    return text;
  }

  private static boolean validUtf8(String raw) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String printable(String name) {
    return name.replaceAll("[\\p{Cntrl}\uFFFD]", "?");
  }
}
