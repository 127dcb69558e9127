package org.phaenthi.boundaries.indicators;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * The values of one indicator at one level and year, held column-wise: a shared {@link AreaIndex}
 * (area code → row) and one compact {@link NumberColumn} each for numerator and denominator, the
 * value computed from them when every row allows it (a count, a percentage, a ratio) and stored
 * otherwise, and the missing reasons as indexes into a small table. About 1–10 bytes per value
 * instead of a boxed {@link IndicatorValue} with three {@code Double}s in a hash map (≈ 150 bytes).
 *
 * <p>It is read as an immutable {@code Map<String, IndicatorValue>} in code order: {@link #get}
 * builds the {@code IndicatorValue} on demand, iteration walks the rows, every mutator throws
 * {@code UnsupportedOperationException}. Equal to any map with the same entries.
 */
public final class ValueColumn extends AbstractMap<String, IndicatorValue> {
  /** How the value of a row follows from its numerator and denominator. */
  enum Derivation {
    /** The value is stored in its own column. */
    STORED,
    /** value = numerator (a count). */
    NUMERATOR,
    /** value = numerator × 100 / denominator; null when either is null or the denominator is 0. */
    PERCENT,
    /** value = numerator / denominator; null when either is null or the denominator is 0. */
    RATIO;

    double apply(double numerator, double denominator) {
      return switch (this) {
        case STORED -> throw new IllegalStateException("stored values are not derived");
        case NUMERATOR -> numerator;
        case PERCENT ->
            undefined(numerator, denominator) ? Double.NaN : numerator * 100.0 / denominator;
        case RATIO -> undefined(numerator, denominator) ? Double.NaN : numerator / denominator;
      };
    }

    private static boolean undefined(double numerator, double denominator) {
      return Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0;
    }
  }

  private static final Derivation[] TRIED = {
    Derivation.NUMERATOR, Derivation.PERCENT, Derivation.RATIO
  };

  private final AreaIndex areas;
  private final NumberColumn numerators;
  private final NumberColumn denominators;
  private final Derivation derivation;
  private final NumberColumn storedValues;
  private final String[] reasons;
  private final NumberColumn reasonIndex;

  private ValueColumn(
      AreaIndex areas,
      NumberColumn numerators,
      NumberColumn denominators,
      Derivation derivation,
      NumberColumn storedValues,
      String[] reasons,
      NumberColumn reasonIndex) {
    this.areas = areas;
    this.numerators = numerators;
    this.denominators = denominators;
    this.derivation = derivation;
    this.storedValues = storedValues;
    this.reasons = reasons;
    this.reasonIndex = reasonIndex;
  }

  public static Builder builder() {
    return new Builder(16);
  }

  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
  }

  /**
   * A column of rows already in the order of {@code index} (row i is the area {@code
   * index.code(i)}); the arrays are read, not kept. For a decoder that found the codes of an index
   * it had seen ({@link AreaIndex.Pool#candidate}) and so made no strings for them.
   */
  public static ValueColumn ofRows(
      AreaIndex index,
      double[] numerators,
      double[] denominators,
      double[] values,
      String[] missingReasons) {
    int n = index.size();
    if (numerators.length < n
        || denominators.length < n
        || values.length < n
        || missingReasons.length < n) {
      throw new IllegalArgumentException("fewer rows than the index has areas");
    }
    Builder b = new Builder(0);
    b.numerators = numerators;
    b.denominators = denominators;
    b.values = values;
    b.reasons = missingReasons;
    b.size = n;
    return b.assemble(index);
  }

  /** A column of these values, keyed by their area codes (IllegalArgumentException on a repeat). */
  public static ValueColumn of(Collection<IndicatorValue> values, AreaIndex.Pool pool) {
    Builder b = new Builder(values.size());
    values.forEach(b::add);
    return b.build(pool);
  }

  /** The area codes of the rows, shared with other columns of the same areas. */
  public AreaIndex areas() {
    return areas;
  }

  /** The numerator of a row; NaN for null. */
  public double numerator(int row) {
    return numerators.get(row);
  }

  /** The denominator of a row; NaN for null. */
  public double denominator(int row) {
    return denominators.get(row);
  }

  /** The value of a row; NaN for null (missing). */
  public double value(int row) {
    return derivation == Derivation.STORED
        ? storedValues.get(row)
        : derivation.apply(numerators.get(row), denominators.get(row));
  }

  /** Why the value of a row is missing, or null. */
  public String missingReason(int row) {
    double r = reasonIndex.get(row);
    return Double.isNaN(r) ? null : reasons[(int) r];
  }

  /** The row as an {@code IndicatorValue} (a new one each call). */
  public IndicatorValue at(int row) {
    return new IndicatorValue(
        areas.code(row),
        boxed(numerator(row)),
        boxed(denominator(row)),
        boxed(value(row)),
        missingReason(row));
  }

  @Override
  public int size() {
    return areas.size();
  }

  @Override
  public boolean isEmpty() {
    return areas.size() == 0;
  }

  @Override
  public boolean containsKey(Object code) {
    return areas.ordinal(code) >= 0;
  }

  @Override
  public IndicatorValue get(Object code) {
    int row = areas.ordinal(code);
    return row < 0 ? null : at(row);
  }

  @Override
  public IndicatorValue remove(Object code) {
    throw new UnsupportedOperationException("value columns are immutable");
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("value columns are immutable");
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super IndicatorValue> action) {
    for (int row = 0; row < areas.size(); row++) {
      action.accept(areas.code(row), at(row));
    }
  }

  @Override
  public Set<Entry<String, IndicatorValue>> entrySet() {
    return new RowSet<>(row -> Map.entry(areas.code(row), at(row))) {
      @Override
      public boolean contains(Object o) {
        return o instanceof Entry<?, ?> e
            && e.getValue() != null
            && e.getValue().equals(ValueColumn.this.get(e.getKey()));
      }
    };
  }

  @Override
  public Set<String> keySet() {
    return new RowSet<>(areas::code) {
      @Override
      public boolean contains(Object o) {
        return containsKey(o);
      }
    };
  }

  @Override
  public Collection<IndicatorValue> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<IndicatorValue> iterator() {
        return new Rows<>(ValueColumn.this::at);
      }

      @Override
      public int size() {
        return areas.size();
      }
    };
  }

  /** Bytes of the arrays behind this column, without the shared index (for tests, benchmarks). */
  long arrayBytes() {
    return numerators.arrayBytes()
        + denominators.arrayBytes()
        + (storedValues == null ? 0 : storedValues.arrayBytes())
        + reasonIndex.arrayBytes();
  }

  Derivation derivation() {
    return derivation;
  }

  private static Double boxed(double d) {
    return Double.isNaN(d) ? null : d;
  }

  private abstract class RowSet<T> extends AbstractSet<T> {
    private final IntFunction<T> row;

    RowSet(IntFunction<T> row) {
      this.row = row;
    }

    @Override
    public Iterator<T> iterator() {
      return new Rows<>(row);
    }

    @Override
    public int size() {
      return areas.size();
    }
  }

  private final class Rows<T> implements Iterator<T> {
    private final IntFunction<T> row;
    private int next;

    Rows(IntFunction<T> row) {
      this.row = row;
    }

    @Override
    public boolean hasNext() {
      return next < areas.size();
    }

    @Override
    public T next() {
      if (next >= areas.size()) {
        throw new NoSuchElementException();
      }
      return row.apply(next++);
    }
  }

  /** Collects rows in any code order; {@link #build} sorts them by code. */
  public static final class Builder {
    private String[] codes;
    private double[] numerators;
    private double[] denominators;
    private double[] values;
    private String[] reasons;
    private int size;

    private Builder(int expectedSize) {
      int n = Math.max(4, expectedSize);
      codes = new String[n];
      numerators = new double[n];
      denominators = new double[n];
      values = new double[n];
      reasons = new String[n];
    }

    public Builder add(IndicatorValue v) {
      return add(
          v.areaCode(),
          nan(v.numerator()),
          nan(v.denominator()),
          nan(v.value()),
          v.missingReason());
    }

    /** One row; NaN stands for a null number. */
    public Builder add(
        String code, double numerator, double denominator, double value, String missingReason) {
      if (code == null) {
        throw new IllegalArgumentException("area code is null");
      }
      if (size == codes.length) {
        int n = size * 2;
        codes = Arrays.copyOf(codes, n);
        numerators = Arrays.copyOf(numerators, n);
        denominators = Arrays.copyOf(denominators, n);
        values = Arrays.copyOf(values, n);
        reasons = Arrays.copyOf(reasons, n);
      }
      codes[size] = code;
      numerators[size] = numerator;
      denominators[size] = denominator;
      values[size] = value;
      reasons[size] = missingReason;
      size++;
      return this;
    }

    public int size() {
      return size;
    }

    /**
     * The column, with its index shared through the pool (IllegalArgumentException on a repeat).
     */
    public ValueColumn build(AreaIndex.Pool pool) {
      sortByCode();
      return assemble(pool.intern(codes, size));
    }

    /** The column of this builder's rows, in the order of {@code index}. */
    private ValueColumn assemble(AreaIndex index) {
      NumberColumn num = NumberColumn.of(numerators, size);
      NumberColumn den = NumberColumn.of(denominators, size);
      Derivation derivation = Derivation.STORED;
      for (Derivation d : TRIED) {
        if (derives(d)) {
          derivation = d;
          break;
        }
      }
      NumberColumn stored = derivation == Derivation.STORED ? NumberColumn.of(values, size) : null;
      Map<String, Integer> table = new LinkedHashMap<>();
      double[] reasonRows = new double[size];
      for (int i = 0; i < size; i++) {
        reasonRows[i] =
            reasons[i] == null ? Double.NaN : table.computeIfAbsent(reasons[i], r -> table.size());
      }
      return new ValueColumn(
          index,
          num,
          den,
          derivation,
          stored,
          table.keySet().toArray(String[]::new),
          NumberColumn.of(reasonRows, size));
    }

    private boolean derives(Derivation d) {
      for (int i = 0; i < size; i++) {
        double got = d.apply(numerators[i], denominators[i]);
        if (Double.doubleToLongBits(got) != Double.doubleToLongBits(values[i])) {
          return false;
        }
      }
      return true;
    }

    private void sortByCode() {
      boolean sorted = true;
      for (int i = 1; i < size && sorted; i++) {
        sorted = codes[i - 1].compareTo(codes[i]) < 0;
      }
      if (!sorted) {
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> codes[a].compareTo(codes[b]));
        codes = permute(codes, order, String[]::new);
        reasons = permute(reasons, order, String[]::new);
        numerators = permute(numerators, order);
        denominators = permute(denominators, order);
        values = permute(values, order);
      }
      for (int i = 1; i < size; i++) {
        if (codes[i - 1].equals(codes[i])) {
          throw new IllegalArgumentException("area code " + codes[i] + " given twice");
        }
      }
    }

    private <T> T[] permute(T[] a, Integer[] order, IntFunction<T[]> array) {
      T[] out = array.apply(size);
      for (int i = 0; i < size; i++) {
        out[i] = a[order[i]];
      }
      return out;
    }

    private double[] permute(double[] a, Integer[] order) {
      double[] out = new double[size];
      for (int i = 0; i < size; i++) {
        out[i] = a[order[i]];
      }
      return out;
    }

    private static double nan(Double d) {
      return d == null ? Double.NaN : d;
    }
  }
}
