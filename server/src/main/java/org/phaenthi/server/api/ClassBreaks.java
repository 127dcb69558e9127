package org.phaenthi.server.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classification of the web app ({@code web/.../js/classify.js}, {@code computeBreaks} and
 * {@code changeBreaks}), number for number, so a picture, an export or another client made on the
 * server shows the classes the map shows. Breaks are the upper bounds of every class but the last:
 * class i holds breaks[i−1] &lt; v ≤ breaks[i]. {@code ClassesAgreeTest} runs both on the same
 * values and compares every break.
 *
 * <p>Quantiles are numpy's linear method (type 7) and natural breaks are Ckmeans.1d.dp (Wang and
 * Song 2011), both as simple-statistics 7 computes them ({@code quantileSorted}, {@code ckmeans}),
 * ported so the arithmetic is the same operation by operation.
 */
public final class ClassBreaks {
  private ClassBreaks() {}

  public static final List<String> METHODS = List.of("quantile", "jenks", "equal", "manual");

  /**
   * Ascending inner breaks (at most {@code n − 1}) for the values; nulls and non-finite values are
   * ignored. As the web app: fewer distinct values than classes give fewer breaks, whole numbers
   * get whole breaks, and no break reaches the largest value.
   */
  public static List<Double> compute(
      List<Double> values, String method, int n, List<Double> manual) {
    double[] xs = finiteSorted(values);
    if (method.equals("manual")) {
      double[] m =
          manual.stream().filter(ClassBreaks::finite).mapToDouble(d -> d).sorted().toArray();
      return list(Arrays.copyOf(m, Math.min(m.length, 8)));
    }
    if (xs.length == 0) {
      return List.of();
    }
    double[] distinct = Arrays.stream(xs).distinct().toArray();
    if (distinct.length <= n) {
      return list(Arrays.copyOf(distinct, distinct.length - 1));
    }
    double[] breaks;
    if (method.equals("jenks")) {
      breaks = ckmeansUpperBounds(xs, n);
    } else if (method.equals("equal")) {
      double lo = xs[0];
      double step = (xs[xs.length - 1] - lo) / n;
      breaks = new double[n - 1];
      for (int i = 0; i < n - 1; i++) {
        breaks[i] = lo + step * (i + 1);
      }
    } else {
      breaks = new double[n - 1];
      for (int i = 0; i < n - 1; i++) {
        breaks[i] = quantileSorted(xs, (double) (i + 1) / n);
      }
      double max = xs[xs.length - 1];
      if (Arrays.stream(breaks).anyMatch(b -> b >= max)) {
        // many areas tie at the top (pass rates of exactly 100 %): the top value is a class of its
        // own
        double[] below = Arrays.stream(xs).filter(v -> v < max).toArray();
        List<Double> inner = compute(boxed(below), "quantile", n - 1, List.of());
        breaks = new double[inner.size() + 1];
        for (int i = 0; i < inner.size(); i++) {
          breaks[i] = inner.get(i);
        }
        breaks[inner.size()] = below[below.length - 1];
      }
    }
    if (wholeNumbers(xs)) {
      for (int i = 0; i < breaks.length; i++) {
        breaks[i] = Math.round(breaks[i]);
      }
    }
    double top = xs[xs.length - 1];
    Set<Double> out = new LinkedHashSet<>();
    for (double b : breaks) {
      if (b < top) {
        out.add(b + 0.0); // −0.0 and 0.0 are one break, as in a JavaScript Set
      }
    }
    return List.copyOf(out);
  }

  /**
   * A change map's breaks: as {@link #compute}, and when the changes run from below 0 to above it,
   * the break nearest 0 moves to 0 (the web app's {@code changeBreaks}).
   */
  public static List<Double> change(
      List<Double> values, String method, int n, List<Double> manual) {
    List<Double> breaks = compute(values, method, n, manual);
    double[] xs = finiteSorted(values);
    if (method.equals("manual") || breaks.isEmpty() || breaks.contains(0.0)) {
      return breaks;
    }
    if (!(xs[0] < 0 && xs[xs.length - 1] > 0)) {
      return breaks;
    }
    int k = 0;
    for (int i = 1; i < breaks.size(); i++) {
      if (Math.abs(breaks.get(i)) < Math.abs(breaks.get(k))) {
        k = i;
      }
    }
    List<Double> out = new ArrayList<>(breaks);
    out.set(k, 0.0);
    return out.stream().distinct().sorted().toList();
  }

  /** How many values fall in each class, and how many have none (the legend's counts). */
  public static long[] counts(List<Double> values, List<Double> breaks) {
    long[] out = new long[breaks.size() + 2]; // the last slot counts no data
    for (Double v : values) {
      if (!finite(v)) {
        out[breaks.size() + 1]++;
        continue;
      }
      int i = 0;
      while (i < breaks.size() && v > breaks.get(i)) {
        i++;
      }
      out[i]++;
    }
    return out;
  }

  /** simple-statistics {@code quantileSorted}: numpy's linear method (type 7). */
  static double quantileSorted(double[] x, double p) {
    double idx = (x.length - 1) * p;
    if (p == 1) {
      return x[x.length - 1];
    } else if (p == 0) {
      return x[0];
    } else if (idx % 1 != 0) {
      int lower = (int) Math.floor(idx);
      int upper = (int) Math.ceil(idx);
      double fraction = idx - lower;
      return x[lower] + fraction * (x[upper] - x[lower]);
    }
    return x[(int) idx];
  }

  /** The largest value of each cluster but the last, as the web app takes them from ckmeans. */
  private static double[] ckmeansUpperBounds(double[] sorted, int n) {
    List<double[]> clusters = Ckmeans.clusters(sorted, n);
    double[] out = new double[clusters.size() - 1];
    for (int i = 0; i < out.length; i++) {
      double[] c = clusters.get(i);
      out[i] = c[c.length - 1];
    }
    return out;
  }

  private static boolean wholeNumbers(double[] xs) {
    for (double x : xs) {
      if (x != Math.rint(x)) {
        return false;
      }
    }
    return true;
  }

  private static boolean finite(Double d) {
    return d != null && Double.isFinite(d);
  }

  private static double[] finiteSorted(List<Double> values) {
    return values.stream().filter(ClassBreaks::finite).mapToDouble(d -> d).sorted().toArray();
  }

  private static List<Double> list(double[] xs) {
    return boxed(xs);
  }

  private static List<Double> boxed(double[] xs) {
    return Arrays.stream(xs).boxed().toList();
  }
}
