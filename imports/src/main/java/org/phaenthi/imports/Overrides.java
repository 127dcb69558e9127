package org.phaenthi.imports;

/**
 * What the user said instead of what would be detected; every field null = detect. {@code mapping}
 * replaces the detected mapping as a whole.
 */
public record Overrides(
    Format format,
    String encoding,
    String delimiter,
    String sheet,
    Integer year,
    String indicatorSet,
    String numerator,
    Integer headerRows,
    String level,
    Mapping mapping) {
  public static final Overrides NONE =
      new Overrides(null, null, null, null, null, null, null, null, null, null);

  public ReadOptions readOptions() {
    return new ReadOptions(encoding, delimiter, sheet);
  }
}
