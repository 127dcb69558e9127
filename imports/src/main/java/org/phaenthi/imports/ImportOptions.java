package org.phaenthi.imports;

import java.util.List;

/**
 * What the reader and the detector settled on (or were told): shown to the user and editable.
 *
 * @param headerRows how many rows at the top (after any title rows) are headers
 * @param firstHeaderRow the 0-based row where the headers start (title rows above are skipped)
 * @param year the Buddhist Era survey year the values are for
 * @param indicatorSet the indicator set whose codes bare indicator numbers belong to
 * @param numerator {@code failing} or {@code passing}: what the pass/fail count columns hold
 * @param level {@code province}, {@code district}, {@code subdistrict} or {@code village}
 */
public record ImportOptions(
    String encoding,
    String delimiter,
    String sheet,
    List<String> sheets,
    int firstHeaderRow,
    int headerRows,
    Integer year,
    String indicatorSet,
    String numerator,
    String level) {
  public ImportOptions {
    sheets = sheets == null ? List.of() : List.copyOf(sheets);
  }
}
