/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import io.adaptive.AdaptiveException;
import io.adaptive.plan.Loss1D;
import java.util.Objects;

/** The built-in interval losses of learners.md §3.3, selected by the plan's {@link Loss1D}. */
final class IntervalLosses {

  private IntervalLosses() {}

  static IntervalLoss of(Loss1D loss) {
    Objects.requireNonNull(loss, "loss");
    if (loss instanceof Loss1D.Default) {
      return DEFAULT;
    } else if (loss instanceof Loss1D.Uniform) {
      return UNIFORM;
    } else if (loss instanceof Loss1D.AbsMinLog) {
      return ABS_MIN_LOG;
    } else if (loss instanceof Loss1D.Triangle) {
      return TRIANGLE;
    } else if (loss instanceof Loss1D.Resolution res) {
      return resolution(res.minLength(), res.maxLength());
    } else if (loss instanceof Loss1D.Curvature c) {
      return curvature(c.areaFactor(), c.euclidFactor(), c.horizontalFactor());
    }
    throw new IllegalArgumentException("unknown Loss1D '" + loss + "'");
  }

  /**
   * {@code hypot(dx, dy)} of the pair at positions {@code i, i+1}; for vectors the max over
   * components.
   */
  static double defaultLoss(double[] xs, double[] ys, int vdim, int i) {
    double dx = xs[i + 1] - xs[i];
    if (vdim == 1) {
      return Math.hypot(dx, ys[i + 1] - ys[i]);
    }
    double max = Double.NEGATIVE_INFINITY;
    int a = i * vdim;
    int b = a + vdim;
    for (int c = 0; c < vdim; c++) {
      double h = Math.hypot(dx, Math.abs(ys[a + c] - ys[b + c]));
      // numpy's max propagates NaN
      if (h > max || Double.isNaN(h)) {
        max = h;
        if (Double.isNaN(h)) {
          break;
        }
      }
    }
    return max;
  }

  static final IntervalLoss DEFAULT =
      new IntervalLoss() {
        @Override
        public int nth() {
          return 0;
        }

        @Override
        public double loss(double[] xs, double[] ys, int vdim, int from, int to) {
          return defaultLoss(xs, ys, vdim, 0);
        }
      };

  static final IntervalLoss UNIFORM =
      new IntervalLoss() {
        @Override
        public int nth() {
          return 0;
        }

        @Override
        public double loss(double[] xs, double[] ys, int vdim, int from, int to) {
          return xs[1] - xs[0];
        }
      };

  static final IntervalLoss ABS_MIN_LOG =
      new IntervalLoss() {
        @Override
        public int nth() {
          return 0;
        }

        @Override
        public double loss(double[] xs, double[] ys, int vdim, int from, int to) {
          double log0 = Math.log(minAbs(ys, 0, vdim));
          double log1 = Math.log(minAbs(ys, 1, vdim));
          return Math.hypot(xs[1] - xs[0], log1 - log0);
        }

        private double minAbs(double[] ys, int point, int vdim) {
          double m = Double.POSITIVE_INFINITY;
          for (int c = point * vdim; c < (point + 1) * vdim; c++) {
            double v = Math.abs(ys[c]);
            if (v < m || Double.isNaN(v)) {
              m = v;
            }
          }
          return m;
        }
      };

  static IntervalLoss resolution(double minLength, double maxLength) {
    return new IntervalLoss() {
      @Override
      public int nth() {
        return 0;
      }

      @Override
      public double loss(double[] xs, double[] ys, int vdim, int from, int to) {
        double u = xs[1] - xs[0];
        if (u < minLength) {
          return 0;
        }
        if (u > maxLength) {
          return Double.POSITIVE_INFINITY;
        }
        return defaultLoss(xs, ys, vdim, 0);
      }
    };
  }

  /** The mean triangle area over the present points {@code [from, to)} of a 4-point window. */
  static double triangleLoss(double[] xs, double[] ys, int vdim, int from, int to) {
    int n = to - from;
    if (n == 2) {
      return xs[from + 1] - xs[from];
    }
    int m = n - 2;
    double sum = 0;
    for (int j = from; j < from + m; j++) {
      sum += vdim == 1 ? area(xs, ys, j) : cayleyMengerArea(xs, ys, vdim, j);
    }
    return sum / m;
  }

  private static double area(double[] xs, double[] ys, int j) {
    double x0 = xs[j] - xs[j + 2];
    double x1 = xs[j + 1] - xs[j + 2];
    double y0 = ys[j] - ys[j + 2];
    double y1 = ys[j + 1] - ys[j + 2];
    return Math.abs(x0 * y1 - x1 * y0) / 2;
  }

  /** The area of the triangle of points j, j+1, j+2 embedded in (x, y_1 … y_vdim). */
  static double cayleyMengerArea(double[] xs, double[] ys, int vdim, int j) {
    double d01 = squaredDistance(xs, ys, vdim, j, j + 1);
    double d02 = squaredDistance(xs, ys, vdim, j, j + 2);
    double d12 = squaredDistance(xs, ys, vdim, j + 1, j + 2);
    // det of [[0,1,1,1],[1,0,d01,d02],[1,d01,0,d12],[1,d02,d12,0]], expanded
    double det = d01 * d01 + d02 * d02 + d12 * d12 - 2 * d01 * d02 - 2 * d01 * d12 - 2 * d02 * d12;
    double volSquared = det / -16;
    if (volSquared < 0) {
      if (volSquared > -1e-15) {
        return 0;
      }
      throw new AdaptiveException(
          "not a simplex: three points of a vector Learner1D have a negative squared area '"
              + volSquared
              + "'");
    }
    return Math.sqrt(volSquared);
  }

  private static double squaredDistance(double[] xs, double[] ys, int vdim, int p, int q) {
    double dx = xs[p] - xs[q];
    double sum = dx * dx;
    for (int c = 0; c < vdim; c++) {
      double d = ys[p * vdim + c] - ys[q * vdim + c];
      sum += d * d;
    }
    return sum;
  }

  static final IntervalLoss TRIANGLE =
      new IntervalLoss() {
        @Override
        public int nth() {
          return 1;
        }

        @Override
        public double loss(double[] xs, double[] ys, int vdim, int from, int to) {
          return triangleLoss(xs, ys, vdim, from, to);
        }
      };

  static IntervalLoss curvature(double areaFactor, double euclidFactor, double horizontalFactor) {
    return new IntervalLoss() {
      @Override
      public int nth() {
        return 1;
      }

      @Override
      public double loss(double[] xs, double[] ys, int vdim, int from, int to) {
        double triangle = triangleLoss(xs, ys, vdim, from, to);
        double euclid = defaultLoss(xs, ys, vdim, 1);
        double dx = xs[2] - xs[1];
        return areaFactor * Math.sqrt(triangle) + euclidFactor * euclid + horizontalFactor * dx;
      }
    };
  }
}
