package org.phaenthi.imports;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An upload's counts as the validator sums them: indicator → area → {numerator, denominator}
 * (denominator −1 = none), held as primitive columns over one area index shared by every indicator,
 * not as a map entry and a two-long array per value. A whole-country village file is about 6.7
 * million values (80 indicators × 84,090 villages): ~16 bytes each here against ~70 in nested hash
 * maps, which were the import's memory peak.
 *
 * <p>{@link #asMap()} reads it as the {@code Map<String, Map<String, long[]>>} an {@link Upload}
 * carries: read-only views, the indicators in the order first added, each indicator's areas in the
 * order first seen in the file; every {@code long[]} handed out is a fresh copy. Not thread-safe
 * while it is being added to.
 */
final class CountTable {
  private final Map<String, Integer> rowOf = new HashMap<>();
  private final List<String> areas = new ArrayList<>();
  private final Map<String, Column> columns = new LinkedHashMap<>();

  /** One indicator: its numerators and denominators by area row, and which rows it has. */
  private static final class Column {
    long[] numerators = new long[16];
    long[] denominators = new long[16];
    final BitSet present = new BitSet();
    int size;
  }

  /**
   * Adds one row's counts: the first of an area is kept, a later one is summed into it (a
   * denominator −1, none, on either side leaves none).
   */
  void add(String indicator, String area, long numerator, long denominator) {
    Integer row = rowOf.get(area);
    if (row == null) {
      row = areas.size();
      rowOf.put(area, row);
      areas.add(area);
    }
    Column c = columns.computeIfAbsent(indicator, k -> new Column());
    int r = row;
    if (r >= c.numerators.length) {
      int n = Math.max(r + 1, c.numerators.length * 2);
      c.numerators = Arrays.copyOf(c.numerators, n);
      c.denominators = Arrays.copyOf(c.denominators, n);
    }
    if (c.present.get(r)) {
      c.numerators[r] += numerator;
      long had = c.denominators[r];
      c.denominators[r] = had < 0 || denominator < 0 ? -1 : had + denominator;
    } else {
      c.present.set(r);
      c.numerators[r] = numerator;
      c.denominators[r] = denominator;
      c.size++;
    }
  }

  boolean isEmpty() {
    return columns.isEmpty();
  }

  /**
   * Read-only: indicator → area → a copy of {numerator, denominator}. Trims every column's arrays
   * to the areas seen first: grown by doubling, a column of 84,090 villages would hold 131,072
   * slots, and at that size each array is a humongous object taking a whole G1 region.
   */
  Map<String, Map<String, long[]>> asMap() {
    Map<String, Map<String, long[]>> out = new LinkedHashMap<>();
    columns.forEach(
        (indicator, c) -> {
          if (c.numerators.length > areas.size()) {
            c.numerators = Arrays.copyOf(c.numerators, areas.size());
            c.denominators = Arrays.copyOf(c.denominators, areas.size());
          }
          out.put(indicator, new ColumnView(c));
        });
    return Collections.unmodifiableMap(out);
  }

  /** One indicator's counts read as a map, in area-row order. */
  private final class ColumnView extends AbstractMap<String, long[]> {
    private final Column c;

    ColumnView(Column c) {
      this.c = c;
    }

    @Override
    public int size() {
      return c.size;
    }

    @Override
    public boolean containsKey(Object area) {
      Integer r = rowOf.get(area);
      return r != null && c.present.get(r);
    }

    @Override
    public long[] get(Object area) {
      Integer r = rowOf.get(area);
      return r == null || !c.present.get(r)
          ? null
          : new long[] {c.numerators[r], c.denominators[r]};
    }

    @Override
    public Set<Entry<String, long[]>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return c.size;
        }

        @Override
        public Iterator<Entry<String, long[]>> iterator() {
          return new Iterator<>() {
            private int next = c.present.nextSetBit(0);

            @Override
            public boolean hasNext() {
              return next >= 0;
            }

            @Override
            public Entry<String, long[]> next() {
              if (next < 0) {
                throw new NoSuchElementException();
              }
              int r = next;
              next = c.present.nextSetBit(r + 1);
              return new SimpleImmutableEntry<>(
                  areas.get(r), new long[] {c.numerators[r], c.denominators[r]});
            }
          };
        }
      };
    }
  }
}
