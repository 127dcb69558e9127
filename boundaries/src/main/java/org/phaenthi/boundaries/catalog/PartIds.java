package org.phaenthi.boundaries.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Part ids: a one-letter kind, a dash and 16 hex digits of a SHA-256 (e.g. {@code
 * b-3f2a9c01d4e5b6a7}). Safe as file names and URL segments.
 */
public final class PartIds {
  public static final char BOUNDARY = 'b';
  public static final char INDICATORS = 'i';
  public static final char VALUES = 'v';

  private PartIds() {}

  /** A part id of this kind from the given build description. */
  public static String of(char kind, String... what) {
    return kind + "-" + hash(String.join("\u0000", what)).substring(0, 16);
  }

  static void check(String id, char kind) {
    if (!isValid(id) || id.charAt(0) != kind) {
      throw new IllegalArgumentException("not a " + kind + "- part id: " + id);
    }
  }

  /** Whether the text is a part id of any kind. */
  public static boolean isValid(String id) {
    if (id == null || id.length() != 18 || id.charAt(1) != '-') {
      return false;
    }
    char k = id.charAt(0);
    if (k != BOUNDARY && k != INDICATORS && k != VALUES) {
      return false;
    }
    for (int i = 2; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A hash of a value's content through its {@code toString} (records, maps and lists of records
   * print every field), for ids of parts built from data rather than files.
   */
  public static String hashOf(Object content) {
    // streamed: the text of a value set (7.4 M values with villages) would be gigabytes as one
    // string; the digest of the same text in pieces is the same hash as before
    MessageDigest md = sha256();
    feed(md, content);
    return HexFormat.of().formatHex(md.digest()).substring(0, 32);
  }

  /**
   * Feeds the text {@code String.valueOf(o)} gives for maps, collections and leaves, piece by
   * piece.
   */
  private static void feed(MessageDigest md, Object o) {
    if (o instanceof java.util.Map<?, ?> m) {
      md.update((byte) '{');
      boolean first = true;
      for (var e : m.entrySet()) {
        if (!first) {
          md.update(", ".getBytes(StandardCharsets.UTF_8));
        }
        first = false;
        feed(md, e.getKey());
        md.update((byte) '=');
        feed(md, e.getValue());
      }
      md.update((byte) '}');
    } else if (o instanceof java.util.Collection<?> c) {
      md.update((byte) '[');
      boolean first = true;
      for (Object x : c) {
        if (!first) {
          md.update(", ".getBytes(StandardCharsets.UTF_8));
        }
        first = false;
        feed(md, x);
      }
      md.update((byte) ']');
    } else {
      md.update(String.valueOf(o).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
