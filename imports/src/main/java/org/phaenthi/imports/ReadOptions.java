package org.phaenthi.imports;

/**
 * Overrides of what {@link TableReader} detects; null = detect.
 *
 * @param encoding a Java charset name ({@code UTF-8}, {@code windows-874}, {@code TIS-620}, …)
 * @param delimiter {@code ,} {@code ;} or a tab (also accepted as {@code tab} or {@code \t})
 * @param sheet the name of the spreadsheet sheet to read; null = the first with data
 */
public record ReadOptions(String encoding, String delimiter, String sheet) {
  public static final ReadOptions DETECT = new ReadOptions(null, null, null);
}
