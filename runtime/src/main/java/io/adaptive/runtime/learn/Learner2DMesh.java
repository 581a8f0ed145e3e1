/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Arrays;

/**
 * One triangulation of {@link Learner2D} (the real one, or the combined one with pending points):
 * a {@link Triangulation2D} of scaled points, their values, a gradient estimate per vertex, and
 * the loss of every triangle in a {@link LossHeap}, largest first (ties: lowest triangle id).
 *
 * <p>The four corners are vertices from the start; a corner is <em>absent</em> until it is
 * added, and counts with the value 0 meanwhile (python-adaptive gives pending points that value
 * before the corners are known). The value range, over present vertices, only grows.
 *
 * <p>Updates are lazy: an insertion or a value change marks its vertex dirty, and {@link #flush}
 * re-estimates the gradients on the dirty vertices and their neighbours (Gauss–Seidel with the
 * rest held fixed, to the reference's tolerance) and recomputes the losses of the triangles
 * around every vertex whose gradient it changed. Below {@value #GLOBAL_BELOW} vertices, and once
 * when the last corner arrives, the global estimate of learners.md §4.3 runs instead.
 */
final class Learner2DMesh {

  /** Vertex count up to which every flush re-estimates all gradients, like the reference. */
  static final int GLOBAL_BELOW = 64;

  private static final double INF = Double.POSITIVE_INFINITY;

  final Triangulation2D tr;
  final int vdim;
  private final Learner2DLoss loss;
  private final boolean usesGradients;
  private final int kind; // 0 default, 1 uniform, 2 resolution, 3 surface, 4 thresholded, 5 triangle
  private final double minArea;
  private final double maxArea;
  private final double lower;
  private final double upper;
  private final double factor;

  double[] val;
  double[] grad;
  private int absentCorners = 0b1111;
  private final double[] lo;
  private final double[] hi;
  private double s = 1;

  final LossHeap heap;

  private int[] dirty = new int[16];
  private int nDirty;
  private boolean allDirty;
  private boolean needGlobal;

  private int[] vMark = new int[16];
  private int[] tMark = new int[16];
  private int stamp;
  private int[] set = new int[64];
  private int[] nbStart = new int[65];
  private int[] nbList = new int[256];

  Learner2DMesh(double x0, double x1, double y0, double y1, int vdim, Learner2DLoss loss) {
    this.tr = new Triangulation2D(x0, x1, y0, y1, 64);
    this.vdim = vdim;
    this.loss = loss;
    this.usesGradients = loss.usesGradients();
    if (loss instanceof Learner2DLoss.Uniform) {
      kind = 1;
    } else if (loss instanceof Learner2DLoss.Resolution r) {
      kind = 2;
    } else if (loss instanceof Learner2DLoss.MinimizeTriangleSurface) {
      kind = 3;
    } else if (loss instanceof Learner2DLoss.Thresholded) {
      kind = 4;
    } else if (loss instanceof Learner2DLoss.Triangle) {
      kind = 5;
    } else {
      kind = 0;
    }
    if (loss instanceof Learner2DLoss.Resolution r) {
      minArea = r.minDistance() * r.minDistance();
      maxArea = r.maxDistance() * r.maxDistance();
    } else {
      minArea = 0;
      maxArea = INF;
    }
    if (loss instanceof Learner2DLoss.Thresholded t) {
      lower = t.lower();
      upper = t.upper();
      factor = t.priorityFactor();
    } else {
      lower = Double.NEGATIVE_INFINITY;
      upper = INF;
      factor = 1;
    }
    val = new double[64 * vdim];
    grad = new double[64 * vdim * 2];
    lo = new double[vdim];
    hi = new double[vdim];
    Arrays.fill(lo, INF);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    heap = new LossHeap(128);
    allDirty = true;
  }

  /** A deep copy. */
  Learner2DMesh(Learner2DMesh o) {
    tr = new Triangulation2D(o.tr);
    vdim = o.vdim;
    loss = o.loss;
    usesGradients = o.usesGradients;
    kind = o.kind;
    minArea = o.minArea;
    maxArea = o.maxArea;
    lower = o.lower;
    upper = o.upper;
    factor = o.factor;
    val = o.val.clone();
    grad = o.grad.clone();
    absentCorners = o.absentCorners;
    lo = o.lo.clone();
    hi = o.hi.clone();
    s = o.s;
    heap = new LossHeap(Math.max(16, o.tr.nt));
    heap.copyFrom(o.heap);
    dirty = o.dirty.clone();
    nDirty = o.nDirty;
    allDirty = o.allDirty;
    needGlobal = o.needGlobal;
  }

  boolean cornersPresent() {
    return absentCorners == 0;
  }

  int vertexCount() {
    return tr.nv;
  }

  double scale() {
    return s;
  }

  // ---------------------------------------------------------------- changes

  /**
   * Adds the scaled point (x, y) with the value {@code v[off .. off+vdim)} and returns its vertex,
   * or NONE if another point already has these scaled coordinates (then nothing changes).
   */
  int add(double x, double y, double[] v, int off) {
    int corner = corner(x, y);
    int p;
    if (corner >= 0) {
      p = corner;
      absentCorners &= ~(1 << corner);
      if (absentCorners == 0) {
        needGlobal = true;
      }
    } else {
      int r = tr.insert(x, y);
      if (r < 0) {
        return Triangulation2D.NONE;
      }
      p = r;
      ensureVertexCapacity(tr.nv);
      if (usesGradients) {
        warmStart(p);
      }
    }
    setValue(p, v, off);
    return p;
  }

  private int corner(double x, double y) {
    for (int k = 0; k < 4; k++) {
      if (tr.vx[k] == x && tr.vy[k] == y) {
        return k;
      }
    }
    return -1;
  }

  private void warmStart(int p) {
    int n = tr.neighbours(p);
    for (int c = 0; c < vdim; c++) {
      double gx = 0;
      double gy = 0;
      for (int q = 0; q < n; q++) {
        int gj = 2 * (tr.ringV[q] * vdim + c);
        gx += grad[gj];
        gy += grad[gj + 1];
      }
      int gp = 2 * (p * vdim + c);
      grad[gp] = gx / n;
      grad[gp + 1] = gy / n;
    }
  }

  private void ensureVertexCapacity(int n) {
    if (n * vdim > val.length) {
      int cap = Math.max(n, val.length / vdim * 2);
      val = Arrays.copyOf(val, cap * vdim);
      grad = Arrays.copyOf(grad, cap * vdim * 2);
    }
  }

  /** Sets the value of vertex {@code p} to {@code v[off .. off+vdim)}. */
  void setValue(int p, double[] v, int off) {
    boolean grown = false;
    for (int c = 0; c < vdim; c++) {
      double y = v[off + c];
      val[p * vdim + c] = y;
      if (y < lo[c]) {
        lo[c] = y;
        grown = true;
      }
      if (y > hi[c]) {
        hi[c] = y;
        grown = true;
      }
    }
    if (grown) {
      double range = 0;
      for (int c = 0; c < vdim; c++) {
        range = Math.max(range, hi[c] - lo[c]);
      }
      double next = range == 0 || Double.isNaN(range) ? 1 : range;
      if (next != s) {
        if (usesGradients) {
          double ratio = s / next;
          int n = tr.nv * vdim * 2;
          for (int i = 0; i < n; i++) {
            grad[i] *= ratio;
          }
        }
        s = next;
        allDirty = true;
      }
    }
    markDirty(p);
  }

  /** Dirty vertices after which a change flushes by itself, bounding the work of one flush. */
  private static final int MAX_DIRTY = 64;

  private void markDirty(int p) {
    if (nDirty >= MAX_DIRTY) {
      flush();
    }
    if (nDirty == dirty.length) {
      dirty = Arrays.copyOf(dirty, nDirty * 2);
    }
    dirty[nDirty++] = p;
  }

  // ---------------------------------------------------------------- flush

  /** Brings gradients and losses up to date with every change since the last flush. */
  void flush() {
    if (nDirty == 0 && !allDirty && !needGlobal) {
      return;
    }
    heap.ensureIdCapacity(tr.nt);
    int nv = tr.nv;
    if (vMark.length < nv) {
      vMark = Arrays.copyOf(vMark, Math.max(nv, 2 * vMark.length));
    }
    if (tMark.length < tr.nt) {
      tMark = Arrays.copyOf(tMark, Math.max(tr.nt, 2 * tMark.length));
    }
    if (usesGradients && (needGlobal || nv <= GLOBAL_BELOW)) {
      globalGradients();
      needGlobal = false;
      allDirty = true;
    } else if (usesGradients && nDirty > 0) {
      int n = localGradients();
      if (!allDirty) {
        recomputeAround(set, n);
      }
    } else if (kind == 5 && nDirty > 0) {
      // a triangle's loss depends on its neighbours' opposite vertices: one ring further
      int n = collectSet();
      if (!allDirty) {
        recomputeAround(set, n);
      }
    } else if (!allDirty) {
      recomputeAround(dirty, nDirty);
    }
    if (allDirty) {
      for (int t = 0; t < tr.nt; t++) {
        setLoss(t);
      }
    }
    nDirty = 0;
    allDirty = false;
  }

  private int nextStamp() {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(vMark, 0);
      Arrays.fill(tMark, 0);
      stamp = 1;
    }
    return stamp;
  }

  private void recomputeAround(int[] vertices, int n) {
    int st = nextStamp();
    for (int q = 0; q < n; q++) {
      int m = tr.trianglesAround(vertices[q]);
      for (int k = 0; k < m; k++) {
        int t = tr.ringT[k];
        if (tMark[t] != st) {
          tMark[t] = st;
          setLoss(t);
        }
      }
    }
  }

  private void globalGradients() {
    int nv = tr.nv;
    if (nbStart.length < nv + 1) {
      nbStart = new int[nv + 1];
    }
    int total = 0;
    for (int i = 0; i < nv; i++) {
      nbStart[i] = total;
      int m = tr.neighbours(i);
      if (nbList.length < total + m) {
        nbList = Arrays.copyOf(nbList, Math.max(total + m, 2 * nbList.length));
      }
      System.arraycopy(tr.ringV, 0, nbList, total, m);
      total += m;
    }
    nbStart[nv] = total;
    Learner2DKernels.globalGradients(nv, nbStart, nbList, tr.vx, tr.vy, val, vdim, s, grad);
  }

  /** Gauss–Seidel on the dirty vertices and their neighbours; returns the size of that set. */
  private int localGradients() {
    int n = collectSet();
    // neighbour lists of the set, gathered once
    if (nbStart.length < n + 1) {
      nbStart = new int[Math.max(n + 1, 2 * nbStart.length)];
    }
    int total = 0;
    for (int q = 0; q < n; q++) {
      nbStart[q] = total;
      int m = tr.neighbours(set[q]);
      if (nbList.length < total + m) {
        nbList = Arrays.copyOf(nbList, Math.max(total + m, 2 * nbList.length));
      }
      System.arraycopy(tr.ringV, 0, nbList, total, m);
      total += m;
    }
    nbStart[n] = total;
    // The geometry of every edge, and each vertex's matrix Q, do not change during the solve:
    // computed once, with the kernel's operations, so the sweeps give the kernel's bits.
    if (edgeEx.length < total) {
      int cap = Math.max(total, 2 * edgeEx.length);
      edgeEx = new double[cap];
      edgeEy = new double[cap];
      edgeL3 = new double[cap];
    }
    if (vQ.length < 3 * n) {
      vQ = new double[Math.max(3 * n, 2 * vQ.length)];
    }
    double[] x = tr.vx;
    double[] y = tr.vy;
    for (int q = 0; q < n; q++) {
      int i = set[q];
      double q00 = 0;
      double q01 = 0;
      double q11 = 0;
      for (int k = nbStart[q]; k < nbStart[q + 1]; k++) {
        int j = nbList[k];
        double ex = x[j] - x[i];
        double ey = y[j] - y[i];
        double l = Math.sqrt(ex * ex + ey * ey);
        double l3 = l * l * l;
        edgeEx[k] = ex;
        edgeEy[k] = ey;
        edgeL3[k] = l3;
        q00 += 4 * ex * ex / l3;
        q01 += 4 * ex * ey / l3;
        q11 += 4 * ey * ey / l3;
      }
      vQ[3 * q] = q00;
      vQ[3 * q + 1] = q01;
      vQ[3 * q + 2] = q11;
    }
    for (int c = 0; c < vdim; c++) {
      for (int iter = 0; iter < Learner2DKernels.GRADIENT_ITERATIONS; iter++) {
        double err = 0;
        for (int q = 0; q < n; q++) {
          err = Math.max(err, sweepVertex(q, c));
        }
        if (err < Learner2DKernels.GRADIENT_TOL) {
          break;
        }
      }
    }
    return n;
  }

  /** The dirty vertices and their neighbours, into {@code set}; returns how many. */
  private int collectSet() {
    int st = nextStamp();
    int n = 0;
    for (int q = 0; q < nDirty; q++) {
      int p = dirty[q];
      if (vMark[p] != st) {
        vMark[p] = st;
        n = addToSet(n, p);
      }
    }
    int core = n;
    for (int q = 0; q < core; q++) {
      int m = tr.neighbours(set[q]);
      for (int k = 0; k < m; k++) {
        int v = tr.ringV[k];
        if (vMark[v] != st) {
          vMark[v] = st;
          n = addToSet(n, v);
        }
      }
    }
    return n;
  }

  private double[] edgeEx = new double[256];
  private double[] edgeEy = new double[256];
  private double[] edgeL3 = new double[256];
  private double[] vQ = new double[192];

  /** {@link Learner2DKernels#gaussSeidel} for the q-th vertex of the set, with cached geometry. */
  private double sweepVertex(int q, int c) {
    int i = set[q];
    double[] g = grad;
    double vi = val[i * vdim + c] / s;
    double s0 = 0;
    double s1 = 0;
    for (int k = nbStart[q], end = nbStart[q + 1]; k < end; k++) {
      int j = nbList[k];
      double ex = edgeEx[k];
      double ey = edgeEy[k];
      double l3 = edgeL3[k];
      int gj = 2 * (j * vdim + c);
      double df2 = -ex * g[gj] - ey * g[gj + 1];
      double w = 6 * (vi - val[j * vdim + c] / s) - 2 * df2;
      s0 += w * ex / l3;
      s1 += w * ey / l3;
    }
    double q00 = vQ[3 * q];
    double q01 = vQ[3 * q + 1];
    double q11 = vQ[3 * q + 2];
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

  private int addToSet(int n, int v) {
    if (n == set.length) {
      set = Arrays.copyOf(set, n * 2);
    }
    set[n] = v;
    return n + 1;
  }

  private void setLoss(int t) {
    double l = triangleLoss(t);
    heap.set(t, t, 0, l, Double.isNaN(l) ? Double.NEGATIVE_INFINITY : -l);
  }

  /** The loss of triangle {@code t} (learners.md §4.4); gradients must be up to date. */
  double triangleLoss(int t) {
    int o = 3 * t;
    int a = tr.tri[o];
    int b = tr.tri[o + 1];
    int c = tr.tri[o + 2];
    double[] x = tr.vx;
    double[] y = tr.vy;
    double area = Learner2DKernels.area(x[a], y[a], x[b], y[b], x[c], y[c]);
    switch (kind) {
      case 1:
        return Math.sqrt(area);
      case 3:
        {
          double q0x = x[a] - x[c];
          double q0y = y[a] - y[c];
          double q1x = x[b] - x[c];
          double q1y = y[b] - y[c];
          double vc = val[c] / s;
          double dz0 = val[a] / s - vc;
          double dz1 = val[b] / s - vc;
          double cx = q0y * dz1 - dz0 * q1y;
          double cy = dz0 * q1x - q0x * dz1;
          double cz = q0x * q1y - q0y * q1x;
          return Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
        }
      default:
        break;
    }
    if (kind == 5) {
      return neighbourVolumes(t, a, b, c);
    }
    double dev = Learner2DKernels.deviation(a, b, c, x, y, val, vdim, s, grad);
    double l = Learner2DKernels.defaultLoss(dev, area);
    if (kind == 2) {
      if (area < minArea) {
        l = 0;
      }
      if (area > maxArea) {
        l = INF;
      }
    } else if (kind == 4) {
      if (all(a, b, c, true)) {
        l *= factor;
      }
      if (all(a, b, c, false)) {
        l *= factor;
      }
    }
    return l;
  }

  private final int[] opposite = new int[3];
  private final double[] simplex = new double[4 * 6];

  private double neighbourVolumes(int t, int a, int b, int c) {
    int m = 0;
    for (int i = 0; i < 3; i++) {
      int u = tr.adj[3 * t + i];
      if (u == Triangulation2D.NONE) {
        continue;
      }
      int j = tr.adj[3 * u] == t ? 0 : (tr.adj[3 * u + 1] == t ? 1 : 2);
      opposite[m++] = tr.tri[3 * u + j];
    }
    Arrays.sort(opposite, 0, m);
    double sum = 0;
    int dim = 2 + vdim;
    double[] pts = simplex.length >= 4 * dim ? simplex : new double[4 * dim];
    int[] corners = {a, b, c, 0};
    for (int q = 0; q < m; q++) {
      corners[3] = opposite[q];
      for (int k = 0; k < 4; k++) {
        int v = corners[k];
        pts[k * dim] = tr.vx[v];
        pts[k * dim + 1] = tr.vy[v];
        System.arraycopy(val, v * vdim, pts, k * dim + 2, vdim);
      }
      sum += Learner2DKernels.tetrahedronVolume(pts, dim);
    }
    return sum / m;
  }

  private boolean all(int a, int b, int c, boolean below) {
    for (int m = 0; m < 3; m++) {
      int v = m == 0 ? a : (m == 1 ? b : c);
      for (int k = 0; k < vdim; k++) {
        double y = val[v * vdim + k];
        if (below ? !(y < lower) : !(y > upper)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The largest triangle loss; call {@link #flush} first. */
  double maxLoss() {
    return heap.loss(heap.first());
  }

  // ---------------------------------------------------------------- interpolation

  /**
   * The piecewise-linear interpolant at the scaled point (x, y), which must lie in the rectangle,
   * into {@code out[off .. off+vdim)}.
   */
  void interpolate(double x, double y, double[] out, int off) {
    int t = tr.locate(x, y);
    int o = 3 * t;
    int a = tr.tri[o];
    int b = tr.tri[o + 1];
    int c = tr.tri[o + 2];
    double[] vx = tr.vx;
    double[] vy = tr.vy;
    double d = (vx[b] - vx[a]) * (vy[c] - vy[a]) - (vy[b] - vy[a]) * (vx[c] - vx[a]);
    double la = ((vx[b] - x) * (vy[c] - y) - (vy[b] - y) * (vx[c] - x)) / d;
    double lb = ((vx[c] - x) * (vy[a] - y) - (vy[c] - y) * (vx[a] - x)) / d;
    double lc = 1 - la - lb;
    for (int k = 0; k < vdim; k++) {
      out[off + k] = la * val[a * vdim + k] + lb * val[b * vdim + k] + lc * val[c * vdim + k];
    }
  }
}
