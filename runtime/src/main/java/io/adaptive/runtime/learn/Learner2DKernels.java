/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

/**
 * The arithmetic of learners.md §4.3–4.5, written in the specified operation order so that, given
 * the same triangles, gradients, areas, losses and chosen points agree bit for bit with
 * python-adaptive v1.5.2 ({@code learner2d_loss_fixture.json} checks it).
 *
 * <p>Values are stored raw, {@code vdim} per vertex; a kernel divides them by the range {@code s}
 * as it reads them, as the reference does before it estimates gradients. Gradients are stored two
 * per vertex and component: {@code g[2(i·vdim + c)]} and {@code g[2(i·vdim + c) + 1]}.
 */
final class Learner2DKernels {

  /** The tolerance of the Gauss–Seidel gradient estimate. */
  static final double GRADIENT_TOL = 1e-6;

  /** The iteration limit of the global Gauss–Seidel estimate. */
  static final int GRADIENT_ITERATIONS = 400;

  private static final double EQUILATERAL = Math.sqrt(3) / 4;

  private Learner2DKernels() {}

  /**
   * One Gauss–Seidel update of vertex {@code i}'s gradient for component {@code c} (§4.3), in
   * place; returns the change measure of the reference.
   */
  static double gaussSeidel(
      int i,
      int[] nb,
      int from,
      int to,
      double[] px,
      double[] py,
      double[] val,
      int vdim,
      int c,
      double s,
      double[] g) {
    double q00 = 0;
    double q01 = 0;
    double q11 = 0;
    double s0 = 0;
    double s1 = 0;
    double xi = px[i];
    double yi = py[i];
    double vi = val[i * vdim + c] / s;
    for (int k = from; k < to; k++) {
      int j = nb[k];
      double ex = px[j] - xi;
      double ey = py[j] - yi;
      double l = Math.sqrt(ex * ex + ey * ey);
      double l3 = l * l * l;
      int gj = 2 * (j * vdim + c);
      double df2 = -ex * g[gj] - ey * g[gj + 1];
      q00 += 4 * ex * ex / l3;
      q01 += 4 * ex * ey / l3;
      q11 += 4 * ey * ey / l3;
      double w = 6 * (vi - val[j * vdim + c] / s) - 2 * df2;
      s0 += w * ex / l3;
      s1 += w * ey / l3;
    }
    double det = q00 * q11 - q01 * q01;
    double r0 = (q11 * s0 - q01 * s1) / det;
    double r1 = (-q01 * s0 + q00 * s1) / det;
    int gi = 2 * (i * vdim + c);
    double change =
        Math.max(Math.abs(g[gi] + r0), Math.abs(g[gi + 1] + r1))
            / Math.max(1, Math.max(Math.abs(r0), Math.abs(r1)));
    g[gi] = -r0;
    g[gi + 1] = -r1;
    return change;
  }

  /**
   * The global estimate of §4.3 over vertices {@code 0 .. n-1}, component by component, starting
   * from the gradients in {@code g}; neighbours of vertex i are {@code nb[start[i] .. start[i+1])}.
   */
  static void globalGradients(
      int n, int[] start, int[] nb, double[] px, double[] py, double[] val, int vdim, double s,
      double[] g) {
    for (int c = 0; c < vdim; c++) {
      for (int iter = 0; iter < GRADIENT_ITERATIONS; iter++) {
        double err = 0;
        for (int i = 0; i < n; i++) {
          if (start[i] == start[i + 1]) {
            continue;
          }
          double change = gaussSeidel(i, nb, start[i], start[i + 1], px, py, val, vdim, c, s, g);
          err = Math.max(err, change);
        }
        if (err < GRADIENT_TOL) {
          break;
        }
      }
    }
  }

  /**
   * The neighbour lists of §4.3 for triangles given as vertex triples: scan the triangles in
   * order, each triangle's vertices in stored order, each vertex collecting the other two (in
   * stored order, as scipy's {@code vertex_neighbor_vertices} does) unless it already has them.
   * Returns {@code start} (length n+1); the lists go to {@code out[0]}.
   */
  static int[] neighbourLists(int n, int[] triangles, int[][] out) {
    int[][] lists = new int[n][];
    int[] count = new int[n];
    for (int i = 0; i < n; i++) {
      lists[i] = new int[8];
    }
    for (int t = 0; t < triangles.length; t += 3) {
      for (int k = 0; k < 3; k++) {
        int i = triangles[t + k];
        for (int m = 0; m < 3; m++) {
          if (m == k) {
            continue;
          }
          int j = triangles[t + m];
          boolean seen = false;
          for (int q = 0; q < count[i]; q++) {
            seen |= lists[i][q] == j;
          }
          if (!seen) {
            if (count[i] == lists[i].length) {
              lists[i] = java.util.Arrays.copyOf(lists[i], count[i] * 2);
            }
            lists[i][count[i]++] = j;
          }
        }
      }
    }
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + count[i];
    }
    int[] nb = new int[start[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(lists[i], 0, nb, start[i], count[i]);
    }
    out[0] = nb;
    return start;
  }

  /** The area of §4.4: {@code |q0.x·q1.y − q0.y·q1.x| / 2} with {@code q_k = p_k − p2}. */
  static double area(double x0, double y0, double x1, double y1, double x2, double y2) {
    double q0x = x0 - x2;
    double q0y = y0 - y2;
    double q1x = x1 - x2;
    double q1y = y1 - y2;
    return Math.abs(q0x * q1y - q0y * q1x) / 2;
  }

  /**
   * {@code dev_T} of the default loss (§4.4) for the triangle (a, b, c): per component, the sum
   * over the vertices i of the largest deviation, over the vertices j, of the linear estimate
   * through i from the value at j; then the sum over components.
   */
  static double deviation(
      int a, int b, int cc, double[] px, double[] py, double[] val, int vdim, double s,
      double[] g) {
    double total = 0;
    for (int c = 0; c < vdim; c++) {
      double dev = 0;
      for (int m = 0; m < 3; m++) {
        int i = m == 0 ? a : (m == 1 ? b : cc);
        int gi = 2 * (i * vdim + c);
        double gx = g[gi];
        double gy = g[gi + 1];
        double vi = val[i * vdim + c] / s;
        double max = 0;
        for (int q = 0; q < 3; q++) {
          int j = q == 0 ? a : (q == 1 ? b : cc);
          double est = vi + (gx * (px[j] - px[i]) + gy * (py[j] - py[i]));
          max = Math.max(max, Math.abs(est - val[j * vdim + c] / s));
        }
        dev += max;
      }
      total = c == 0 ? dev : total + dev;
    }
    return total;
  }

  /** The default loss from its deviation and area: {@code dev·sqrt(A) + 0.3·A}. */
  static double defaultLoss(double dev, double area) {
    return dev * Math.sqrt(area) + 0.3 * area;
  }

  /**
   * The point of §4.5 in the counter-clockwise triangle t0, t1, t2 (scaled): the midpoint of the
   * longest edge if the triangle is thin (badness above 5), else the centroid; into {@code out}.
   */
  static void choosePoint(
      double x0, double y0, double x1, double y1, double x2, double y2, double[] out) {
    double e0 = Math.sqrt((x0 - x2) * (x0 - x2) + (y0 - y2) * (y0 - y2));
    double e1 = Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
    double e2 = Math.sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
    int longest = 0;
    double e = e0;
    if (e1 > e) {
      longest = 1;
      e = e1;
    }
    if (e2 > e) {
      longest = 2;
      e = e2;
    }
    double area = 0.5 * ((x1 - x0) * (y2 - y0) - (y1 - y0) * (x2 - x0));
    double badness = (e * e / area) * EQUILATERAL;
    if (badness > 5) {
      // (t_{i-1} + t_i) / 2
      switch (longest) {
        case 0 -> {
          out[0] = (x2 + x0) / 2;
          out[1] = (y2 + y0) / 2;
        }
        case 1 -> {
          out[0] = (x0 + x1) / 2;
          out[1] = (y0 + y1) / 2;
        }
        default -> {
          out[0] = (x1 + x2) / 2;
          out[1] = (y1 + y2) / 2;
        }
      }
    } else {
      out[0] = (x0 + x1 + x2) / 3;
      out[1] = (y0 + y1 + y2) / 3;
    }
  }

  /**
   * The volume of the tetrahedron of four points of dimension {@code dim} (x, y, then values),
   * stored one after another in {@code p}: Cayley–Menger, {@code vol² = det(M) / 288} with the
   * bordered 5×5 matrix of squared distances; 0 if rounding makes {@code vol²} negative (four
   * coplanar points).
   */
  static double tetrahedronVolume(double[] p, int dim) {
    double[][] m = new double[5][5];
    for (int i = 0; i < 4; i++) {
      m[0][i + 1] = 1;
      m[i + 1][0] = 1;
      for (int j = i + 1; j < 4; j++) {
        double d = 0;
        for (int k = 0; k < dim; k++) {
          double e = p[i * dim + k] - p[j * dim + k];
          d += e * e;
        }
        m[i + 1][j + 1] = d;
        m[j + 1][i + 1] = d;
      }
    }
    double det = 1;
    for (int col = 0; col < 5; col++) {
      int pivot = col;
      for (int r = col + 1; r < 5; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (m[pivot][col] == 0) {
        return 0;
      }
      if (pivot != col) {
        double[] tmp = m[pivot];
        m[pivot] = m[col];
        m[col] = tmp;
        det = -det;
      }
      det *= m[col][col];
      for (int r = col + 1; r < 5; r++) {
        double f = m[r][col] / m[col][col];
        for (int k = col; k < 5; k++) {
          m[r][k] -= f * m[col][k];
        }
      }
    }
    double vol2 = det / 288;
    return vol2 > 0 ? Math.sqrt(vol2) : 0;
  }
}
