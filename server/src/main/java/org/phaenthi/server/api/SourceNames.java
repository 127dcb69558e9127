package org.phaenthi.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.phaenthi.boundaries.indicators.Indicator;
import org.phaenthi.boundaries.indicators.TpmapDefinitions;
import org.phaenthi.server.Attribution;

/**
 * The bundled data's sources and year labels as a publication stores them (short, with "จปฐ." in
 * the English), and what the API serves for them: the English naming everything in full ({@code
 * source_en}, {@code label_en}) and the Thai ({@code source_th}, {@code label_th}), both from the
 * {@link Attribution} constants. A text it does not know (a user's import brings its own) is its
 * own English and has no Thai.
 */
public final class SourceNames {
  private SourceNames() {}

  private record Words(String en, String th) {}

  private static final Map<String, Words> KNOWN =
      Map.of(
          TpmapDefinitions.SOURCE_2561,
              new Words(Attribution.SOURCE_2561, Attribution.SOURCE_2561_TH),
          TpmapDefinitions.SOURCE_Y66, new Words(Attribution.SOURCE_Y66, Attribution.SOURCE_Y66_TH),
          TpmapDefinitions.LABEL_2561,
              new Words(Attribution.LABEL_2561, Attribution.LABEL_2561_TH));

  /** A stored source or year label in full English; an unknown one as it is; null for null. */
  public static String en(String stored) {
    if (stored == null) {
      return null;
    }
    Words w = KNOWN.get(stored);
    return w == null ? stored : w.en();
  }

  /** A stored source or year label in Thai; null when unknown. */
  public static String th(String stored) {
    Words w = stored == null ? null : KNOWN.get(stored);
    return w == null ? null : w.th();
  }

  private static final Pattern YEAR_PART = Pattern.compile("(\\d{4}): (.*)");

  /** The indicator's source in full English, part by part ("A; 2566: B"); null without one. */
  public static String en(Indicator i) {
    return parts(i.source(), "", SourceNames::en);
  }

  /**
   * The indicator's source in Thai, part by part ("A; ปี 2566: B"); null if a part is unknown (the
   * Thai interface then leaves the source line out, the credits still name the data).
   */
  public static String th(Indicator i) {
    return parts(i.source(), "ปี ", SourceNames::th);
  }

  private static String parts(String source, String yearWord, Function<String, String> words) {
    if (source == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    // "; " also occurs inside a source; only one before a year starts the next part
    for (String part : source.split("; (?=\\d{4}: )")) {
      Matcher m = YEAR_PART.matcher(part);
      String prefix = "";
      if (m.matches()) {
        prefix = yearWord + m.group(1) + ": ";
        part = m.group(2);
      }
      String w = words.apply(part);
      if (w == null) {
        return null;
      }
      out.add(prefix + w);
    }
    return String.join("; ", out);
  }
}
