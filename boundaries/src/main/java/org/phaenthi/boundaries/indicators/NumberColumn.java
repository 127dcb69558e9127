package org.phaenthi.boundaries.indicators;

/**
 * A fixed column of doubles, NaN meaning null, held in the narrowest form that gives every value
 * back bit for bit: nothing for a column of one constant (all null, say), {@code byte}/{@code
 * short}/{@code int} for whole numbers (counts nearly always are; the type's minimum stands for
 * null), {@code double} otherwise. Village counts fit a byte or a short, so most of the catalogue
 * costs one or two bytes per number instead of a 16-byte {@code Double}.
 */
abstract class NumberColumn {
  private static final double MAX_EXACT = 0x1p53;

  /** The value at a row; NaN for null. */
  abstract double get(int row);

  abstract int size();

  /** Bytes of the array behind the column, 0 for a constant (for tests and the benchmark). */
  abstract long arrayBytes();

  /** The narrowest exact column of these values (the array is not kept). */
  static NumberColumn of(double[] values, int size) {
    boolean whole = true;
    boolean constant = true;
    double first = size == 0 ? Double.NaN : values[0];
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      double d = values[i];
      if (Double.doubleToLongBits(d) != Double.doubleToLongBits(first)) {
        constant = false;
      }
      if (Double.isNaN(d)) {
        continue;
      }
      if (!isWhole(d)) {
        whole = false;
        continue;
      }
      min = Math.min(min, (long) d);
      max = Math.max(max, (long) d);
    }
    if (constant) {
      return new Constant(first, size);
    }
    if (whole && min > Byte.MIN_VALUE && max <= Byte.MAX_VALUE) {
      byte[] a = new byte[size];
      for (int i = 0; i < size; i++) {
        a[i] = Double.isNaN(values[i]) ? Byte.MIN_VALUE : (byte) values[i];
      }
      return new Bytes(a);
    }
    if (whole && min > Short.MIN_VALUE && max <= Short.MAX_VALUE) {
      short[] a = new short[size];
      for (int i = 0; i < size; i++) {
        a[i] = Double.isNaN(values[i]) ? Short.MIN_VALUE : (short) values[i];
      }
      return new Shorts(a);
    }
    if (whole && min > Integer.MIN_VALUE && max <= Integer.MAX_VALUE) {
      int[] a = new int[size];
      for (int i = 0; i < size; i++) {
        a[i] = Double.isNaN(values[i]) ? Integer.MIN_VALUE : (int) values[i];
      }
      return new Ints(a);
    }
    return new Doubles(java.util.Arrays.copyOf(values, size));
  }

  /** A whole number that a long holds exactly and that is not −0.0 (which would come back +0.0). */
  private static boolean isWhole(double d) {
    return Math.abs(d) < MAX_EXACT
        && d == Math.rint(d)
        && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0.0);
  }

  private static final class Constant extends NumberColumn {
    private final double value;
    private final int size;

    Constant(double value, int size) {
      this.value = value;
      this.size = size;
    }

    @Override
    double get(int row) {
      java.util.Objects.checkIndex(row, size);
      return value;
    }

    @Override
    int size() {
      return size;
    }

    @Override
    long arrayBytes() {
      return 0;
    }
  }

  private static final class Bytes extends NumberColumn {
    private final byte[] a;

    Bytes(byte[] a) {
      this.a = a;
    }

    @Override
    double get(int row) {
      byte v = a[row];
      return v == Byte.MIN_VALUE ? Double.NaN : v;
    }

    @Override
    int size() {
      return a.length;
    }

    @Override
    long arrayBytes() {
      return a.length;
    }
  }

  private static final class Shorts extends NumberColumn {
    private final short[] a;

    Shorts(short[] a) {
      this.a = a;
    }

    @Override
    double get(int row) {
      short v = a[row];
      return v == Short.MIN_VALUE ? Double.NaN : v;
    }

    @Override
    int size() {
      return a.length;
    }

    @Override
    long arrayBytes() {
      return 2L * a.length;
    }
  }

  private static final class Ints extends NumberColumn {
    private final int[] a;

    Ints(int[] a) {
      this.a = a;
    }

    @Override
    double get(int row) {
      int v = a[row];
      return v == Integer.MIN_VALUE ? Double.NaN : v;
    }

    @Override
    int size() {
      return a.length;
    }

    @Override
    long arrayBytes() {
      return 4L * a.length;
    }
  }

  private static final class Doubles extends NumberColumn {
    private final double[] a;

    Doubles(double[] a) {
      this.a = a;
    }

    @Override
    double get(int row) {
      return a[row];
    }

    @Override
    int size() {
      return a.length;
    }

    @Override
    long arrayBytes() {
      return 8L * a.length;
    }
  }
}
