package org.phaenthi.server;

import java.util.Locale;

/**
 * Reads an {@code Accept-Encoding} header (RFC 9110 §12.5.3) for the one coding the server sends:
 * gzip is acceptable when listed, or covered by {@code *}, with a quality above 0. {@code gzip;q=0}
 * is a refusal, not a request.
 */
public final class AcceptEncoding {
  private AcceptEncoding() {}

  public static boolean gzip(String header) {
    if (header == null) {
      return false;
    }
    Boolean gzip = null;
    Boolean any = null;
    for (String item : header.split(",")) {
      String[] parts = item.split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      boolean accepted = quality(parts) > 0;
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        gzip = accepted;
      } else if (coding.equals("*")) {
        any = accepted;
      }
    }
    return gzip != null ? gzip : any != null && any;
  }

  /** The q parameter of one list item; 1 when absent, 0 when malformed (a refusal is safer). */
  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.length() > 1 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.indexOf('=') == 1) {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
