/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.CquadTables.ALPHA;
import static io.adaptive.runtime.learn.CquadTables.B_DEF;
import static io.adaptive.runtime.learn.CquadTables.EPS;
import static io.adaptive.runtime.learn.CquadTables.GAMMA;
import static io.adaptive.runtime.learn.CquadTables.HINT;
import static io.adaptive.runtime.learn.CquadTables.NDIV_MAX;
import static io.adaptive.runtime.learn.CquadTables.NS;
import static io.adaptive.runtime.learn.CquadTables.T_LEFT;
import static io.adaptive.runtime.learn.CquadTables.T_RIGHT;
import static io.adaptive.runtime.learn.CquadTables.VCOND;
import static io.adaptive.runtime.learn.CquadTables.V_INV;
import static io.adaptive.runtime.learn.CquadTables.XI;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One interval of the CQUAD tree (learners.md section 8): its rule depth, coefficients, integral
 * and error estimates, and its share of the leaf bookkeeping. Equality is identity.
 */
final class IntegratorInterval {

  /** {@link #depthComplete} before any depth is complete. */
  static final int NONE = -1;

  /** Bits of {@link #completeProcess}'s answer. */
  static final int FORCE_SPLIT = 1;

  static final int REMOVE = 2;

  private static final IntegratorInterval[] NO_CHILDREN = {};
  private static final double SQRT2 = Math.sqrt(2);

  final double a;
  final double b;
  int depth;
  final int rdepth;

  /** Coefficients at {@link #depthComplete}; a new array each time, never changed in place. */
  double[] c;

  double c00;
  double igral;
  double err;
  int ndiv;
  IntegratorInterval parent;
  IntegratorInterval[] children = NO_CHILDREN;

  /** The values of this interval's points told so far. */
  final Map<Double, Double> data;

  /**
   * The intervals whose estimates make up this one's; {@code null} once merged into the parent's.
   * Insertion-ordered so that a run never depends on identity hash codes.
   */
  Set<IntegratorInterval> doneLeaves = new LinkedHashSet<>();

  int depthComplete = NONE;
  boolean removed;

  private final double[][] points = new double[NS.length][];

  IntegratorInterval(double a, double b, int depth, int rdepth) {
    this.a = a;
    this.b = b;
    this.depth = depth;
    this.rdepth = rdepth;
    this.data = new HashMap<>();
  }

  private IntegratorInterval(IntegratorInterval source) {
    a = source.a;
    b = source.b;
    depth = source.depth;
    rdepth = source.rdepth;
    c = source.c;
    c00 = source.c00;
    igral = source.igral;
    err = source.err;
    ndiv = source.ndiv;
    data = new HashMap<>(source.data);
    depthComplete = source.depthComplete;
    removed = source.removed;
    System.arraycopy(source.points, 0, points, 0, points.length);
  }

  /** The root: depth 2, split generation 1, and an error that halves without becoming infinite. */
  static IntegratorInterval first(double a, double b) {
    IntegratorInterval root = new IntegratorInterval(a, b, 2, 1);
    root.ndiv = 0;
    root.err = Double.MAX_VALUE;
    return root;
  }

  /**
   * Copies the tree under {@code root}, links and leaf sets included; {@code copies} receives the
   * original-to-copy map, which the learner uses to translate its own references.
   */
  static IntegratorInterval copyTree(
      IntegratorInterval root, IdentityHashMap<IntegratorInterval, IntegratorInterval> copies) {
    copyNodes(root, copies);
    for (Map.Entry<IntegratorInterval, IntegratorInterval> entry : copies.entrySet()) {
      IntegratorInterval source = entry.getKey();
      IntegratorInterval copy = entry.getValue();
      copy.parent = source.parent == null ? null : copies.get(source.parent);
      if (source.children.length > 0) {
        copy.children = new IntegratorInterval[source.children.length];
        for (int i = 0; i < source.children.length; i++) {
          copy.children[i] = copies.get(source.children[i]);
        }
      }
      if (source.doneLeaves == null) {
        copy.doneLeaves = null;
      } else {
        copy.doneLeaves = new LinkedHashSet<>();
        for (IntegratorInterval leaf : source.doneLeaves) {
          copy.doneLeaves.add(copies.get(leaf));
        }
      }
    }
    return copies.get(root);
  }

  private static void copyNodes(
      IntegratorInterval node, IdentityHashMap<IntegratorInterval, IntegratorInterval> copies) {
    copies.put(node, new IntegratorInterval(node));
    for (IntegratorInterval child : node.children) {
      copyNodes(child, copies);
    }
  }

  /**
   * The points of the rule at {@code d}, ascending: {@code (a+b)/2 + ((b-a)·xi)/2}, in that order.
   */
  double[] points(int d) {
    double[] p = points[d];
    if (p == null) {
      double[] xi = XI[d];
      p = new double[xi.length];
      for (int k = 0; k < xi.length; k++) {
        p[k] = (a + b) / 2 + (b - a) * xi[k] / 2;
      }
      points[d] = p;
    }
    return p;
  }

  /** Whether every point of depth {@code d} has a value. */
  boolean refinementComplete(int d) {
    if (data.size() < NS[d]) {
      return false;
    }
    for (double x : points(d)) {
      if (!data.containsKey(x)) {
        return false;
      }
    }
    return true;
  }

  /** Splits at the middle node into two depth-0 children that inherit ndiv and half the error. */
  IntegratorInterval[] split() {
    double[] p = points(depth);
    double m = p[p.length / 2];
    IntegratorInterval left = new IntegratorInterval(a, m, 0, rdepth + 1);
    IntegratorInterval right = new IntegratorInterval(m, b, 0, rdepth + 1);
    children = new IntegratorInterval[] {left, right};
    for (IntegratorInterval child : children) {
      child.parent = this;
      child.ndiv = ndiv;
      child.err = err / 2;
    }
    return children;
  }

  /**
   * Computes the estimate at the newly complete depth {@code d} and updates errors, divergence
   * counters and leaf sets (steps 1–8 of learners.md section 8).
   *
   * @return {@link #FORCE_SPLIT} and/or {@link #REMOVE}
   * @throws IntegratorDivergenceException if this interval or a descendant looks divergent
   */
  int completeProcess(int d) {
    assert depthComplete == NONE || depthComplete == d - 1;
    depthComplete = d;
    double[] p = points(d);
    double[] fx = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      fx[k] = data.get(p[k]);
    }
    boolean firstIval = parent == null && d == 2;
    double[] cOld = d > 0 && !firstIval ? c : null;
    c = coefficients(fx, d);
    if (firstIval) {
      c00 = 0.0;
      return 0;
    }
    igral = (b - a) * c[0] / SQRT2;
    boolean forceSplit = false;
    if (d > 0) {
      double delta = setErr(cOld);
      forceSplit = delta > HINT * norm2(c);
    } else {
      c00 = c[0];
      if (parent.depthComplete != NONE) {
        setErr(shift(parent.c, parent.depthComplete));
        checkDivergence();
      }
      for (IntegratorInterval child : children) {
        if (child.depthComplete != NONE) {
          child.checkDivergence();
        }
        if (child.depthComplete == 0) {
          child.setErr(child.shift(c, depthComplete));
        }
      }
    }
    if (doneLeaves != null && doneLeaves.isEmpty()) {
      mergeLeavesUpwards();
    }
    boolean remove = err < Math.abs(igral) * EPS * VCOND[d];
    return (forceSplit ? FORCE_SPLIT : 0) | (remove ? REMOVE : 0);
  }

  // This interval has just got its first estimate: it becomes a leaf, and each ancestor whose
  // children all have estimates takes over their leaves (minus the ancestors visited on the way).
  private void mergeLeavesUpwards() {
    doneLeaves = new LinkedHashSet<>();
    doneLeaves.add(this);
    Set<IntegratorInterval> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    for (IntegratorInterval iv = parent; iv != null; iv = iv.parent) {
      for (IntegratorInterval child : iv.children) {
        if (child.doneLeaves != null && child.doneLeaves.isEmpty()) {
          return;
        }
      }
      if (iv.doneLeaves == null) {
        iv.doneLeaves = new LinkedHashSet<>();
      }
      visited.add(iv);
      for (IntegratorInterval child : iv.children) {
        if (child.doneLeaves != null) {
          iv.doneLeaves.addAll(child.doneLeaves);
          child.doneLeaves = null;
        }
      }
      iv.doneLeaves.removeAll(visited);
    }
  }

  /** {@code T[:, :ns[fromDepth]] · source}, with T the shift to this child's half of its parent. */
  private double[] shift(double[] source, int fromDepth) {
    double[][] t = a == parent.a ? T_LEFT : T_RIGHT;
    int columns = NS[fromDepth];
    double[] shifted = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      double[] row = t[i];
      double s = 0.0;
      for (int k = 0; k < columns; k++) {
        s += row[k] * source[k];
      }
      shifted[i] = s;
    }
    return shifted;
  }

  /**
   * Sets the error from the distance to {@code cOld} (zero-padded) and passes half of it on, as a
   * heuristic, to children without an estimate.
   *
   * @return the distance ‖cOld − c‖₂
   */
  private double setErr(double[] cOld) {
    double[] diff = new double[Math.max(cOld.length, c.length)];
    System.arraycopy(cOld, 0, diff, 0, cOld.length);
    for (int i = 0; i < c.length; i++) {
      diff[i] -= c[i];
    }
    double delta = norm2(diff);
    err = (b - a) * delta;
    for (IntegratorInterval child : children) {
      if (child.depthComplete == NONE) {
        child.setHeuristicErr(err / 2);
      }
    }
    return delta;
  }

  private void setHeuristicErr(double value) {
    err = value;
    for (IntegratorInterval child : children) {
      if (child.depthComplete >= 1 || (child.depthComplete == 0 && depthComplete != NONE)) {
        continue;
      }
      child.setHeuristicErr(value / 2);
    }
  }

  private void checkDivergence() {
    boolean div = parent.c00 != 0 && c00 / parent.c00 > 2;
    if (div) {
      ndiv++;
    }
    checkNdiv();
    if (div) {
      for (IntegratorInterval child : children) {
        child.addDivergenceRecursively();
      }
    }
  }

  private void addDivergenceRecursively() {
    ndiv++;
    checkNdiv();
    for (IntegratorInterval child : children) {
      child.addDivergenceRecursively();
    }
  }

  private void checkNdiv() {
    if (ndiv > NDIV_MAX && 2 * ndiv > rdepth) {
      throw new IntegratorDivergenceException(a, b, ndiv, rdepth);
    }
  }

  /**
   * {@code V_INV[d] · fx}, with non-finite values first set to 0 and then taken out of the fit by
   * the downdate (Gonnet's thesis, algorithm 5). {@code fx} is overwritten.
   */
  static double[] coefficients(double[] fx, int d) {
    int n = fx.length;
    int[] nans = new int[n];
    int nanCount = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(fx[i])) {
        nans[nanCount++] = i;
        fx[i] = 0.0;
      }
    }
    double[][] v = V_INV[d];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      double[] row = v[i];
      double s = 0.0;
      for (int k = 0; k < n; k++) {
        s += row[k] * fx[k];
      }
      c[i] = s;
    }
    if (nanCount > 0) {
      downdate(c, nans, nanCount, d);
    }
    return c;
  }

  private static void downdate(double[] c, int[] nans, int nanCount, int d) {
    double[] beta = B_DEF[d].clone();
    int o = 0; // beta[o + j] is the reference's b[j]; dropping b[0] is o++
    int m = NS[d] - 1;
    for (int n = 0; n < nanCount; n++) {
      double x = XI[d][nans[n]];
      beta[o + m + 1] /= ALPHA[m];
      beta[o + m] = (beta[o + m] + x * beta[o + m + 1]) / ALPHA[m - 1];
      for (int j = m - 1; j > 0; j--) {
        beta[o + j] =
            (beta[o + j] + x * beta[o + j + 1] - GAMMA[j + 1] * beta[o + j + 2]) / ALPHA[j - 1];
      }
      o++;
      double factor = c[m] / beta[o + m];
      for (int k = 0; k < m; k++) {
        c[k] -= factor * beta[o + k];
      }
      c[m] = 0;
      m--;
    }
  }

  /**
   * The Euclidean norm as a plain sum of squares, rescaled only where that sum overflows or
   * underflows (where BLAS, which the reference used, would still give an accurate answer).
   */
  static double norm2(double[] v) {
    double sum = 0.0;
    for (double x : v) {
      sum += x * x;
    }
    if (sum >= 0x1p-900 && sum < Double.POSITIVE_INFINITY) {
      return Math.sqrt(sum);
    }
    double scale = 0.0;
    for (double x : v) {
      scale = Math.max(scale, Math.abs(x));
    }
    if (scale == 0.0 || !Double.isFinite(scale)) {
      return scale == 0.0 ? Math.sqrt(sum) : scale;
    }
    double scaled = 0.0;
    for (double x : v) {
      double y = x / scale;
      scaled += y * y;
    }
    return scale * Math.sqrt(scaled);
  }

  @Override
  public String toString() {
    return "[" + a + ", " + b + "] depth " + depth + ", rdepth " + rdepth + ", err " + err;
  }
}
