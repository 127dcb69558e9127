package org.phaenthi.boundaries.indicators;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The area codes of a value column in code order, each with its ordinal (its row in the column's
 * arrays). Immutable. Columns with the same codes share one index through a {@link Pool}, so the 80
 * indicators of a level pay for their codes once. Lookup is an open-addressing table over the
 * codes' (cached) string hashes: one probe in the usual case, no boxing.
 */
public final class AreaIndex {
  private final String[] codes;
  private final int[] slots;
  private final int mask;

  private AreaIndex(String[] codes) {
    this.codes = codes;
    int capacity = Integer.highestOneBit(Math.max(2, codes.length) * 2 - 1) * 2;
    this.slots = new int[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < codes.length; i++) {
      if (i > 0 && codes[i - 1].compareTo(codes[i]) >= 0) {
        throw new IllegalArgumentException(
            "area codes not strictly ascending: " + codes[i - 1] + ", " + codes[i]);
      }
      int s = spread(codes[i].hashCode()) & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = i + 1;
    }
  }

  /** An index of codes already strictly ascending (IllegalArgumentException otherwise). */
  static AreaIndex of(String... sortedCodes) {
    return new AreaIndex(sortedCodes.clone());
  }

  public int size() {
    return codes.length;
  }

  public String code(int ordinal) {
    return codes[ordinal];
  }

  /** The ordinal of a code, or −1 when it is not in the index (or not a string). */
  public int ordinal(Object code) {
    if (!(code instanceof String s)) {
      return -1;
    }
    for (int i = spread(s.hashCode()) & mask; ; i = (i + 1) & mask) {
      int slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      if (codes[slot - 1].equals(s)) {
        return slot - 1;
      }
    }
  }

  /** The codes in order, unmodifiable. */
  public List<String> codes() {
    return Collections.unmodifiableList(Arrays.asList(codes));
  }

  /** Bytes of the arrays behind the index, without the code strings (for tests and benchmarks). */
  long arrayBytes() {
    return 4L * codes.length + 4L * slots.length;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** {@link #codesHash}'s start value. */
  public static final long HASH_START = 0x9E3779B97F4A7C15L;

  /**
   * Adds one code to a hash of a code list (start with {@link #HASH_START}); the same as {@link
   * #hashCode(long, byte[], int, int)} over the code's bytes when it is ASCII, as codes are.
   */
  public static long hashCode(long h, String code) {
    h = (h ^ code.length()) * 0x100000001B3L;
    for (int i = 0; i < code.length(); i++) {
      h = (h ^ code.charAt(i)) * 0x100000001B3L;
    }
    return h;
  }

  /** Adds one ASCII code, given as {@code length} bytes of {@code data} at {@code at}. */
  public static long hashCode(long h, byte[] data, int at, int length) {
    h = (h ^ length) * 0x100000001B3L;
    for (int i = at; i < at + length; i++) {
      h = (h ^ data[i]) * 0x100000001B3L;
    }
    return h;
  }

  /** The hash of the whole code list (FNV-1a over the lengths and chars). */
  long codesHash() {
    long h = HASH_START;
    for (String c : codes) {
      h = hashCode(h, c);
    }
    return h;
  }

  /**
   * The codes as one array of their ASCII bytes, code {@code i} from {@code offsets[i]} to {@code
   * offsets[i + 1]}: what a decoder compares raw code bytes with ({@link #codeEquals}). Made on
   * first use (about 14 bytes a code); when a code is not ASCII nothing matches.
   */
  private volatile byte[] codeBytes;

  private volatile int[] codeOffsets;

  /** Whether the code at {@code ordinal} is the ASCII bytes {@code data[at, at + length)}. */
  public boolean codeEquals(int ordinal, byte[] data, int at, int length) {
    byte[] bytes = codeBytes;
    int[] offsets = codeOffsets;
    if (bytes == null || offsets == null) {
      synchronized (this) {
        if (codeBytes == null) {
          int[] o = new int[codes.length + 1];
          StringBuilder all = new StringBuilder();
          boolean ascii = true;
          for (int i = 0; i < codes.length; i++) {
            all.append(codes[i]);
            o[i + 1] = all.length();
          }
          for (int i = 0; i < all.length() && ascii; i++) {
            ascii = all.charAt(i) >= 1 && all.charAt(i) <= 127;
          }
          // a code outside ASCII: lengths that match nothing, so the caller decodes in full
          codeOffsets = ascii ? o : new int[codes.length + 1];
          codeBytes =
              ascii
                  ? all.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                  : new byte[0];
        }
        bytes = codeBytes;
        offsets = codeOffsets;
      }
    }
    int from = offsets[ordinal];
    int to = offsets[ordinal + 1];
    return to - from == length
        && length > 0
        && Arrays.equals(bytes, from, to, data, at, at + length);
  }

  /**
   * Hands out one index per distinct code list and one string per distinct code, for the columns of
   * one load; thread-safe. Drop it when the load is done.
   */
  public static final class Pool {
    private final Map<List<String>, AreaIndex> indexes = new ConcurrentHashMap<>();
    private final Map<Long, AreaIndex> byHash = new ConcurrentHashMap<>();
    private final Map<String, String> strings = new ConcurrentHashMap<>();

    /**
     * An index handed out before whose code list has this {@link #hashCode(long, String) hash}, or
     * null: a candidate the caller checks code by code ({@link #codeEquals}) before using it, so a
     * decoder that finds the codes of an index it has seen need not make their strings.
     */
    public AreaIndex candidate(long codesHash) {
      return byHash.get(codesHash);
    }

    /** The shared index of these strictly ascending codes (the array is not kept). */
    AreaIndex intern(String[] sortedCodes, int size) {
      List<String> key = Arrays.asList(Arrays.copyOf(sortedCodes, size));
      AreaIndex known = indexes.get(key);
      if (known != null) {
        return known;
      }
      String[] own = new String[size];
      for (int i = 0; i < size; i++) {
        own[i] = strings.computeIfAbsent(sortedCodes[i], c -> c);
      }
      AreaIndex fresh = new AreaIndex(own);
      AreaIndex raced = indexes.putIfAbsent(Arrays.asList(own), fresh);
      AreaIndex index = raced == null ? fresh : raced;
      // the first index of a hash stays its candidate; a colliding list is still found by the list
      byHash.computeIfAbsent(index.codesHash(), h -> index);
      return index;
    }

    /** How many distinct indexes were handed out. */
    public int indexes() {
      return indexes.size();
    }
  }
}
