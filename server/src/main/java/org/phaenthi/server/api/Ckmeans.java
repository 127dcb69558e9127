package org.phaenthi.server.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ckmeans.1d.dp (Wang and Song 2011), optimal k-means clustering in one dimension, ported statement
 * by statement from simple-statistics 7 ({@code ckmeans.js}, ISC licence), which the web app uses
 * for natural breaks: the same operations in the same order give the same doubles.
 */
final class Ckmeans {
  private Ckmeans() {}

  /** The clusters of the sorted values, lowest first; one cluster when all values are equal. */
  static List<double[]> clusters(double[] sorted, int nClusters) {
    if (nClusters > sorted.length) {
      throw new IllegalArgumentException("cannot generate more classes than there are data values");
    }
    if (sorted[0] == sorted[sorted.length - 1]) {
      return List.of(sorted);
    }
    double[][] matrix = new double[nClusters][sorted.length];
    int[][] backtrack = new int[nClusters][sorted.length];
    fillMatrices(sorted, matrix, backtrack);
    double[][] clusters = new double[nClusters][];
    int right = sorted.length - 1;
    for (int cluster = nClusters - 1; cluster >= 0; cluster--) {
      int left = backtrack[cluster][right];
      clusters[cluster] = Arrays.copyOfRange(sorted, left, right + 1);
      if (cluster > 0) {
        right = left - 1;
      }
    }
    return new ArrayList<>(Arrays.asList(clusters));
  }

  private static double ssq(int j, int i, double[] sums, double[] sumsOfSquares) {
    double sji;
    if (j > 0) {
      double muji = (sums[i] - sums[j - 1]) / (i - j + 1);
      sji = sumsOfSquares[i] - sumsOfSquares[j - 1] - (i - j + 1) * muji * muji;
    } else {
      sji = sumsOfSquares[i] - (sums[i] * sums[i]) / (i + 1);
    }
    return sji < 0 ? 0 : sji;
  }

  private static void fillMatrixColumn(
      int iMin,
      int iMax,
      int cluster,
      double[][] matrix,
      int[][] backtrack,
      double[] sums,
      double[] sumsOfSquares) {
    if (iMin > iMax) {
      return;
    }
    int i = (iMin + iMax) >>> 1; // no overflow of the sum
    matrix[cluster][i] = matrix[cluster - 1][i - 1];
    backtrack[cluster][i] = i;
    int jlow = cluster;
    if (iMin > cluster) {
      jlow = Math.max(jlow, backtrack[cluster][iMin - 1]);
    }
    jlow = Math.max(jlow, backtrack[cluster - 1][i]);
    int jhigh = i - 1;
    if (iMax < matrix[0].length - 1) {
      jhigh = Math.min(jhigh, backtrack[cluster][iMax + 1]);
    }
    for (int j = jhigh; j >= jlow; --j) {
      double sji = ssq(j, i, sums, sumsOfSquares);
      if (sji + matrix[cluster - 1][jlow - 1] >= matrix[cluster][i]) {
        break;
      }
      double sjlowi = ssq(jlow, i, sums, sumsOfSquares);
      double ssqjlow = sjlowi + matrix[cluster - 1][jlow - 1];
      if (ssqjlow < matrix[cluster][i]) {
        matrix[cluster][i] = ssqjlow;
        backtrack[cluster][i] = jlow;
      }
      jlow++;
      double ssqj = sji + matrix[cluster - 1][j - 1];
      if (ssqj < matrix[cluster][i]) {
        matrix[cluster][i] = ssqj;
        backtrack[cluster][i] = j;
      }
    }
    fillMatrixColumn(iMin, i - 1, cluster, matrix, backtrack, sums, sumsOfSquares);
    fillMatrixColumn(i + 1, iMax, cluster, matrix, backtrack, sums, sumsOfSquares);
  }

  private static void fillMatrices(double[] data, double[][] matrix, int[][] backtrack) {
    int nValues = matrix[0].length;
    double shift = data[nValues / 2];
    double[] sums = new double[nValues];
    double[] sumsOfSquares = new double[nValues];
    for (int i = 0; i < nValues; ++i) {
      double shifted = data[i] - shift;
      if (i == 0) {
        sums[i] = shifted;
        sumsOfSquares[i] = shifted * shifted;
      } else {
        sums[i] = sums[i - 1] + shifted;
        sumsOfSquares[i] = sumsOfSquares[i - 1] + shifted * shifted;
      }
      matrix[0][i] = ssq(0, i, sums, sumsOfSquares);
      backtrack[0][i] = 0;
    }
    for (int cluster = 1; cluster < matrix.length; ++cluster) {
      int iMin = cluster < matrix.length - 1 ? cluster : nValues - 1;
      fillMatrixColumn(iMin, nValues - 1, cluster, matrix, backtrack, sums, sumsOfSquares);
    }
  }
}
