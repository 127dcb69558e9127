package org.phaenthi.imports;

/**
 * A file that cannot be imported at all (not a table, a damaged spreadsheet, a zip bomb), said in
 * one sentence in English and in Thai. Row-level problems are {@link Issue}s of a {@link Report},
 * not exceptions.
 */
public final class ImportException extends IllegalArgumentException {
  private final String messageTh;

  public ImportException(String messageEn, String messageTh) {
    super(messageEn);
    this.messageTh = messageTh;
  }

  public ImportException(String messageEn, String messageTh, Throwable cause) {
    super(messageEn, cause);
    this.messageTh = messageTh;
  }

  public String messageTh() {
    return messageTh;
  }
}
