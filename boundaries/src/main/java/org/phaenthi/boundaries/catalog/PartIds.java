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
    Feeder f = new Feeder(md);
    f.feed(content);
    f.flush();
    return HexFormat.of().formatHex(md.digest()).substring(0, 32);
  }

  /**
   * Feeds the text {@code String.valueOf(o)} gives for maps, collections and leaves, piece by
   * piece, through a buffer: a few large digest updates instead of five small ones per value, and
   * ASCII text copied in without an encoded copy of each string.
   */
  private static final class Feeder {
    private final MessageDigest md;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    Feeder(MessageDigest md) {
      this.md = md;
    }

    void feed(Object o) {
      if (o instanceof java.util.Map<?, ?> m) {
        put((byte) '{');
        boolean first = true;
        for (var e : m.entrySet()) {
          if (!first) {
            text(", ");
          }
          first = false;
          feed(e.getKey());
          put((byte) '=');
          feed(e.getValue());
        }
        put((byte) '}');
      } else if (o instanceof java.util.Collection<?> c) {
        put((byte) '[');
        boolean first = true;
        for (Object x : c) {
          if (!first) {
            text(", ");
          }
          first = false;
          feed(x);
        }
        put((byte) ']');
      } else {
        text(String.valueOf(o));
      }
    }

    private void put(byte b) {
      if (used == buffer.length) {
        flush();
      }
      buffer[used++] = b;
    }

    /** The string's UTF-8 bytes: an ASCII string's chars are its bytes. */
    private void text(String s) {
      int n = s.length();
      for (int i = 0; i < n; i++) {
        if (s.charAt(i) >= 0x80) {
          bytes(s.getBytes(StandardCharsets.UTF_8));
          return;
        }
      }
      if (n > buffer.length - used) {
        flush();
        if (n > buffer.length) {
          md.update(s.getBytes(StandardCharsets.UTF_8));
          return;
        }
      }
      for (int i = 0; i < n; i++) {
        buffer[used++] = (byte) s.charAt(i);
      }
    }

    private void bytes(byte[] b) {
      if (b.length > buffer.length - used) {
        flush();
        if (b.length > buffer.length) {
          md.update(b);
          return;
        }
      }
      System.arraycopy(b, 0, buffer, used, b.length);
      used += b.length;
    }

    void flush() {
      md.update(buffer, 0, used);
      used = 0;
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
