/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

/**
 * Small-dimensional geometry of {@link LearnerND}: determinants, circumspheres, volumes (also of
 * simplices embedded in a higher dimension), point-in-simplex tests and the choice of a new point.
 * Points are flat arrays, point {@code i} of dimension {@code dim} at {@code [i*dim, (i+1)*dim)}.
 */
final class SimplexGeometry {

  /** The relative tolerance of the circumsphere test and of point-in-simplex (python-adaptive's). */
  static final double EPS = 1e-8;

  private SimplexGeometry() {}

  static double factorial(int n) {
    double f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }

  /** The determinant of the {@code n×n} row-major matrix {@code m} (n ≤ 5); {@code m} is kept. */
  static double det(double[] m, int n) {
    switch (n) {
      case 1:
        return m[0];
      case 2:
        return m[0] * m[3] - m[2] * m[1];
      case 3:
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
            + m[2] * (m[3] * m[7] - m[4] * m[6]);
      default:
        double[] a = m.clone();
        double det = 1;
        for (int c = 0; c < n; c++) {
          int pivot = c;
          for (int r = c + 1; r < n; r++) {
            if (Math.abs(a[r * n + c]) > Math.abs(a[pivot * n + c])) {
              pivot = r;
            }
          }
          if (a[pivot * n + c] == 0) {
            return 0;
          }
          if (pivot != c) {
            for (int k = 0; k < n; k++) {
              double t = a[c * n + k];
              a[c * n + k] = a[pivot * n + k];
              a[pivot * n + k] = t;
            }
            det = -det;
          }
          double p = a[c * n + c];
          det *= p;
          for (int r = c + 1; r < n; r++) {
            double f = a[r * n + c] / p;
            if (f != 0) {
              for (int k = c + 1; k < n; k++) {
                a[r * n + k] -= f * a[c * n + k];
              }
            }
          }
        }
        return det;
    }
  }

  // det of the k×k matrix at m[off..]; k ≤ 3 here (minors of 2- and 3-simplices)
  private static double detAt(double[] m, int off, int k) {
    switch (k) {
      case 1:
        return m[off];
      case 2:
        return m[off] * m[off + 3] - m[off + 2] * m[off + 1];
      case 3:
        return m[off] * (m[off + 4] * m[off + 8] - m[off + 5] * m[off + 7])
            - m[off + 1] * (m[off + 3] * m[off + 8] - m[off + 5] * m[off + 6])
            + m[off + 2] * (m[off + 3] * m[off + 7] - m[off + 4] * m[off + 6]);
      default:
        return det(java.util.Arrays.copyOfRange(m, off, off + k * k), k);
    }
  }

  /**
   * The volume of the {@code dim}-simplex {@code pts} ({@code dim+1} points of dimension {@code
   * dim}): {@code |det(p_i − p_last)| / dim!}, python-adaptive's {@code volume}.
   */
  static double volume(double[] pts, int dim) {
    return volume(pts, dim, new double[dim * dim]);
  }

  /** {@link #volume(double[], int)} with a work array of at least {@code dim²} values. */
  static double volume(double[] pts, int dim, double[] m) {
    int last = dim * dim;
    for (int i = 0; i < dim; i++) {
      for (int c = 0; c < dim; c++) {
        m[i * dim + c] = pts[i * dim + c] - pts[last + c];
      }
    }
    return Math.abs(det(m, dim)) / factorial(dim);
  }

  /**
   * The {@code k}-dimensional volume of the simplex of {@code k+1} points of dimension {@code
   * dim ≥ k}: by Cauchy–Binet, the square root of the sum of the squared {@code k×k} minors of the
   * edge matrix, over {@code k!}. Equal to the Cayley–Menger volume python-adaptive computes, and
   * better conditioned for thin simplices.
   */
  static double embeddedVolume(double[] pts, int k, int dim) {
    return embeddedVolume(pts, k, dim, new double[k * dim + k * k], new int[k]);
  }

  /**
   * {@link #embeddedVolume(double[], int, int)} with work arrays of at least {@code k·dim + k²}
   * doubles and {@code k} ints.
   */
  static double embeddedVolume(double[] pts, int k, int dim, double[] work, int[] cols) {
    double[] e = work;
    for (int i = 0; i < k; i++) {
      for (int c = 0; c < dim; c++) {
        e[i * dim + c] = pts[(i + 1) * dim + c] - pts[c];
      }
    }
    if (dim == k) {
      return Math.abs(det(e, k)) / factorial(k);
    }
    int mo = k * dim;
    for (int i = 0; i < k; i++) {
      cols[i] = i;
    }
    double sum = 0;
    while (true) {
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < k; c++) {
          work[mo + r * k + c] = e[r * dim + cols[c]];
        }
      }
      double m = detAt(work, mo, k);
      sum += m * m;
      int i = k - 1;
      while (i >= 0 && cols[i] == dim - k + i) {
        i--;
      }
      if (i < 0) {
        break;
      }
      cols[i]++;
      for (int j = i + 1; j < k; j++) {
        cols[j] = cols[j - 1] + 1;
      }
    }
    return Math.sqrt(sum) / factorial(k);
  }

  /**
   * The circumsphere of the simplex {@code pts} (dimension 2 or 3): writes the centre to {@code
   * centre} and returns the radius; python-adaptive's {@code fast_2d_circumcircle} and {@code
   * fast_3d_circumcircle} in their order of operations. A flat simplex gives a non-finite centre.
   */
  static double circumsphere(double[] pts, int dim, double[] centre) {
    if (dim == 2) {
      double x1 = pts[2] - pts[0];
      double y1 = pts[3] - pts[1];
      double x2 = pts[4] - pts[0];
      double y2 = pts[5] - pts[1];
      double l1 = x1 * x1 + y1 * y1;
      double l2 = x2 * x2 + y2 * y2;
      double dx = l1 * y2 - l2 * y1;
      double dy = -l1 * x2 + l2 * x1;
      double a = 2 * (x1 * y2 - x2 * y1);
      double x = dx / a;
      double y = dy / a;
      centre[0] = x + pts[0];
      centre[1] = y + pts[1];
      return Math.sqrt(x * x + y * y);
    }
    double x1 = pts[3] - pts[0];
    double y1 = pts[4] - pts[1];
    double z1 = pts[5] - pts[2];
    double x2 = pts[6] - pts[0];
    double y2 = pts[7] - pts[1];
    double z2 = pts[8] - pts[2];
    double x3 = pts[9] - pts[0];
    double y3 = pts[10] - pts[1];
    double z3 = pts[11] - pts[2];
    double l1 = x1 * x1 + y1 * y1 + z1 * z1;
    double l2 = x2 * x2 + y2 * y2 + z2 * z2;
    double l3 = x3 * x3 + y3 * y3 + z3 * z3;
    double dx = l1 * (y2 * z3 - z2 * y3) - l2 * (y1 * z3 - z1 * y3) + l3 * (y1 * z2 - z1 * y2);
    double dy = l1 * (x2 * z3 - z2 * x3) - l2 * (x1 * z3 - z1 * x3) + l3 * (x1 * z2 - z1 * x2);
    double dz = l1 * (x2 * y3 - y2 * x3) - l2 * (x1 * y3 - y1 * x3) + l3 * (x1 * y2 - y1 * x2);
    double a = 2 * (x1 * (y2 * z3 - z2 * y3) - x2 * (y1 * z3 - z1 * y3) + x3 * (y1 * z2 - z1 * y2));
    double cx = dx / a;
    double cy = -dy / a;
    double cz = dz / a;
    centre[0] = cx + pts[0];
    centre[1] = cy + pts[1];
    centre[2] = cz + pts[2];
    return Math.sqrt(cx * cx + cy * cy + cz * cz);
  }

  /** Whether {@code p} is inside the sphere (centre, radius), with relative tolerance {@link #EPS}. */
  static boolean inSphere(double[] p, int poff, double[] centres, int coff, double radius,
      int dim) {
    double s = 0;
    for (int c = 0; c < dim; c++) {
      double t = centres[coff + c] - p[poff + c];
      s += t * t;
    }
    return Math.sqrt(s) < radius * (1 + EPS);
  }

  /**
   * Whether {@code p} lies in the simplex {@code pts}, with barycentric tolerance {@link #EPS}:
   * python-adaptive's {@code point_in_simplex}.
   */
  static boolean pointInSimplex(double[] p, int poff, double[] pts, int dim) {
    return pointInSimplex(p, poff, pts, dim, dim == 2 ? null : new double[18]);
  }

  /** {@link #pointInSimplex(double[], int, double[], int)} with a work array of 18 values. */
  static boolean pointInSimplex(double[] p, int poff, double[] pts, int dim, double[] work) {
    if (dim == 2) {
      double p0x = pts[0];
      double p0y = pts[1];
      double p1x = pts[2];
      double p1y = pts[3];
      double p2x = pts[4];
      double p2y = pts[5];
      double px = p[poff];
      double py = p[poff + 1];
      double area = 0.5 * (-p1y * p2x + p0y * (p2x - p1x) + p1x * p2y + p0x * (p1y - p2y));
      double s = 1 / (2 * area) * (p0y * p2x + (p2y - p0y) * px - p0x * p2y + (p0x - p2x) * py);
      if (s < -EPS || s > 1 + EPS) {
        return false;
      }
      double t = 1 / (2 * area) * (p0x * p1y + (p0y - p1y) * px - p0y * p1x + (p1x - p0x) * py);
      return t >= -EPS && s + t <= 1 + EPS;
    }
    // Cramer's rule on (p1−p0, p2−p0, p3−p0) α = p − p0
    double[] m = work;
    for (int i = 0; i < 3; i++) {
      for (int c = 0; c < 3; c++) {
        m[c * 3 + i] = pts[(i + 1) * 3 + c] - pts[c];
      }
    }
    double det = detAt(m, 0, 3);
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      System.arraycopy(m, 0, work, 9, 9);
      for (int c = 0; c < 3; c++) {
        work[9 + c * 3 + i] = p[poff + c] - pts[c];
      }
      double alpha = detAt(work, 9, 3) / det;
      if (!(alpha > -EPS)) {
        return false;
      }
      sum += alpha;
    }
    return sum < 1 + EPS;
  }

  /**
   * Python-adaptive's {@code _relative_volume}: the volume over the mean absolute edge-vector
   * component to the power {@code dim}; below 1e-8 a simplex counts as flat.
   */
  static boolean almostFlat(double[] pts, int dim) {
    return almostFlat(pts, dim, new double[dim * dim]);
  }

  /** {@link #almostFlat(double[], int)} with a work array of at least {@code dim²} values. */
  static boolean almostFlat(double[] pts, int dim, double[] m) {
    double mean = 0;
    for (int i = 0; i < dim; i++) {
      for (int c = 0; c < dim; c++) {
        double v = pts[(i + 1) * dim + c] - pts[c];
        m[i * dim + c] = v;
        mean += Math.abs(v);
      }
    }
    mean /= dim * dim;
    double vol = Math.abs(det(m, dim)) / factorial(dim);
    double scale = dim == 2 ? mean * mean : mean * mean * mean;
    return !(vol / scale >= 1e-8);
  }

  /**
   * Writes to {@code out} the point python-adaptive's {@code choose_point_in_simplex} picks in the
   * scaled simplex {@code pts}: its centroid if the circumcentre lies inside it, otherwise the
   * midpoint of its longest edge (the first maximum, row-major, of the distance matrix).
   */
  static void choosePoint(double[] pts, int dim, double[] out) {
    double[] centre = new double[dim];
    circumsphere(pts, dim, centre);
    if (pointInSimplex(centre, 0, pts, dim)) {
      for (int c = 0; c < dim; c++) {
        double s = 0;
        for (int i = 0; i <= dim; i++) {
          s += pts[i * dim + c];
        }
        out[c] = s / (dim + 1);
      }
      return;
    }
    int bi = 0;
    int bj = 0;
    double best = -1;
    for (int i = 0; i <= dim; i++) {
      for (int j = 0; j <= dim; j++) {
        double s = 0;
        for (int c = 0; c < dim; c++) {
          double t = pts[i * dim + c] - pts[j * dim + c];
          s += t * t;
        }
        double dist = Math.sqrt(s);
        if (dist > best) {
          best = dist;
          bi = i;
          bj = j;
        }
      }
    }
    for (int c = 0; c < dim; c++) {
      out[c] = (pts[bi * dim + c] + pts[bj * dim + c]) / 2;
    }
  }
}
