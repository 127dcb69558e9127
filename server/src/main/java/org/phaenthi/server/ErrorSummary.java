package org.phaenthi.server;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * One sentence about a failure, for an error body or a log line: the exception's first line without
 * the statement text a JDBC driver puts into its messages (a failed batch insert quotes the whole
 * batch: half a megabyte), with the database's own reason when there is one, cut to a readable
 * length.
 */
public final class ErrorSummary {
  static final int MAX_CHARS = 300;
  private static final Pattern BATCH_ENTRY =
      Pattern.compile("Batch entry \\d+ .*? was aborted(: )?", Pattern.DOTALL);
  private static final Pattern STATEMENT =
      Pattern.compile(
          "\\b(INSERT INTO|UPDATE \\S+ SET|DELETE FROM|COPY \\S+|SELECT .+? FROM)\\b.*",
          Pattern.DOTALL);
  private static final Pattern GET_NEXT =
      Pattern.compile("\\s*Call getNextException to see other errors in the batch\\.?");

  private ErrorSummary() {}

  public static String of(Throwable t) {
    String outer = clean(t.getMessage());
    String database = databaseReason(t);
    String text;
    if (outer == null) {
      text = database != null ? database : t.getClass().getSimpleName();
    } else if (database != null && !outer.contains(database)) {
      text = outer + " (" + database + ")";
    } else {
      text = outer;
    }
    return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
  }

  /** The first line of the innermost SQL error in the chain (a batch's next exception first). */
  private static String databaseReason(Throwable t) {
    String reason = null;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException sql) {
        SQLException next = sql.getNextException();
        String r = clean((next != null ? next : sql).getMessage());
        if (r != null) {
          reason = r;
        }
      }
    }
    return reason;
  }

  private static String clean(String m) {
    if (m == null || m.isBlank()) {
      return null;
    }
    m = BATCH_ENTRY.matcher(m).replaceAll("");
    m = GET_NEXT.matcher(m).replaceAll("");
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    m = STATEMENT.matcher(m).replaceFirst("(statement left out)").trim();
    return m.isEmpty() ? null : m;
  }
}
