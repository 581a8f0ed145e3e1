/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import java.util.Arrays;
import java.util.List;

/**
 * Quantiles of the loss across learners on a common grid of point counts: what a convergence chart
 * draws when there are too many learners for one line each.
 */
final class LossBands {

  final double[] npoints;
  final double[] min;
  final double[] p10;
  final double[] median;
  final double[] p90;
  final double[] max;

  /** How many learners had a loss at each grid point. */
  final int[] count;

  private LossBands(int size) {
    npoints = new double[size];
    min = new double[size];
    p10 = new double[size];
    median = new double[size];
    p90 = new double[size];
    max = new double[size];
    count = new int[size];
  }

  /**
   * Bands over non-empty {@code curves} at up to {@code gridSize} point counts from the smallest
   * first report to the largest last one, spaced evenly or, if {@code logGrid}, geometrically. At
   * each count a learner contributes {@link LossCurve#lossAt}: its loss after at most that many
   * points, so a learner that stopped early keeps its final loss and one that has not reported yet
   * is left out there.
   */
  static LossBands of(List<LossCurve> curves, boolean logGrid, int gridSize) {
    if (curves.isEmpty() || gridSize < 2) {
      throw new IllegalArgumentException("need curves and a grid of at least 2 points");
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (LossCurve c : curves) {
      lo = Math.min(lo, c.firstPoints());
      hi = Math.max(hi, c.lastPoints());
    }
    double[] grid = grid(lo, hi, logGrid, gridSize);
    LossBands bands = new LossBands(grid.length);
    double[] values = new double[curves.size()];
    for (int g = 0; g < grid.length; g++) {
      int k = 0;
      for (LossCurve c : curves) {
        double v = c.lossAt(grid[g]);
        if (!Double.isNaN(v)) {
          values[k++] = v;
        }
      }
      Arrays.sort(values, 0, k);
      bands.npoints[g] = grid[g];
      bands.count[g] = k;
      bands.min[g] = values[0];
      bands.p10[g] = quantile(values, k, 0.10);
      bands.median[g] = quantile(values, k, 0.50);
      bands.p90[g] = quantile(values, k, 0.90);
      bands.max[g] = values[k - 1];
    }
    return bands;
  }

  int size() {
    return npoints.length;
  }

  // Point counts are whole numbers: a narrow range gets every count, a wide one gridSize of them.
  // lo itself is always a grid point, and some learner reported there, so no column is empty.
  private static double[] grid(long lo, long hi, boolean logGrid, int gridSize) {
    if (hi - lo + 1 <= gridSize) {
      double[] all = new double[(int) (hi - lo + 1)];
      for (int i = 0; i < all.length; i++) {
        all[i] = lo + i;
      }
      return all;
    }
    double[] grid = new double[gridSize];
    for (int i = 0; i < gridSize; i++) {
      double f = (double) i / (gridSize - 1);
      grid[i] = logGrid ? lo * Math.pow((double) hi / lo, f) : lo + f * (hi - lo);
    }
    grid[0] = lo;
    grid[gridSize - 1] = hi;
    return grid;
  }

  /** Linear interpolation between order statistics (Hyndman and Fan's type 7, R's default). */
  static double quantile(double[] sorted, int n, double q) {
    double h = (n - 1) * q;
    int i = (int) Math.floor(h);
    if (i + 1 >= n) {
      return sorted[n - 1];
    }
    return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
  }
}
