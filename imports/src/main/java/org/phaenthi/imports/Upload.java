package org.phaenthi.imports;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.indicators.Indicator;

/**
 * A validated upload: the report, and what publishing it would write.
 *
 * @param rows data rows read (header, title, totals and blank rows not counted)
 * @param level the level the file's rows are at ({@code village} included)
 * @param storedLevel the lowest served level its counts are kept at (villages stay villages when
 *     the boundary set declares a village level, else they are summed into their subdistricts)
 * @param counts indicator code → area code at {@code storedLevel} → {numerator, denominator}
 *     (denominator −1 = none); numerators as the indicator defines them (pass counts for pass
 *     rates: a failing count is turned into eligible − failing)
 * @param provinces the provinces whose rows the upload replaces
 * @param definitions indicator definitions the upload brings (indicator files, กชช.2ค levels)
 * @param definitionSet the indicator set name those definitions go to
 * @param means weighted-mean indicator code → area code at {@code storedLevel} → {Σ score × weight,
 *     Σ weight} (decimals: {@link WeightedMeans})
 */
public record Upload(
    Detector.Detection detection,
    Report report,
    int rows,
    String level,
    AdminLevel storedLevel,
    Integer year,
    Map<String, Map<String, long[]>> counts,
    Set<String> provinces,
    List<Indicator> definitions,
    String definitionSet,
    Map<String, Map<String, double[]>> means) {
  /**
   * An upload of indicator definitions only (an indicators file): no level, year, counts or
   * provinces; the definitions go to the indicator set {@code definitionSet}.
   */
  static Upload definitionsOnly(
      Detector.Detection detection,
      Report report,
      int rows,
      List<Indicator> definitions,
      String definitionSet) {
    return new Upload(
        detection,
        report,
        rows,
        null,
        null,
        null,
        Map.of(),
        Set.of(),
        definitions,
        definitionSet,
        Map.of());
  }

  public Upload {
    // a read-only view, not a copy: the counts of a whole-country file are large
    counts = counts == null ? null : Collections.unmodifiableMap(counts);
    provinces =
        provinces == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(provinces));
    definitions = definitions == null ? null : List.copyOf(definitions);
    means = Collections.unmodifiableMap(means == null ? Map.of() : means);
  }

  /** The indicators the upload brings values of: its counts' and its weighted means'. */
  public Set<String> valueCodes() {
    Set<String> codes = new LinkedHashSet<>(counts == null ? Set.of() : counts.keySet());
    codes.addAll(means.keySet());
    return codes;
  }

  public boolean publishable() {
    return report.publishable();
  }
}
