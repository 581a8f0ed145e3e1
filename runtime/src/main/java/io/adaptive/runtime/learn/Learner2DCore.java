/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The state and algorithm of learners.md §4 for values of any fixed length {@code vdim}; {@link
 * Learner2D} (scalar) and {@link Learner2DVector} are thin fronts over it.
 *
 * <p>Every point seen (evaluated, pending or a candidate on the stack) has a dense int id; its
 * coordinates, flags and vertex ids live in arrays indexed by it. Two {@link Learner2DMesh}es hold
 * the real triangulation (evaluated points in the bounds) and the combined one (those plus the
 * pending points), each with its triangle losses in a heap.
 */
final class Learner2DCore {

  static final int STACK_SIZE = 10;
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final int NONE = -1;

  private static final byte DATA = 1;
  private static final byte PENDING = 2;
  private static final byte STACK = 4;

  final double xa;
  final double xb;
  final double ya;
  final double yb;
  private final double meanX;
  private final double meanY;
  private final double scaleX;
  private final double scaleY;
  private final int vdim;
  private final Learner2DLoss lossFn;

  private final Learner2DPointIds pointIds = new Learner2DPointIds(64);
  private int ids;
  private double[] px = new double[64];
  private double[] py = new double[64];
  private byte[] flags = new byte[64];
  private int[] rv = new int[64]; // vertex in the real mesh
  private int[] cv = new int[64]; // vertex in the combined mesh
  private double[] values; // vdim per id, for evaluated points

  private int[] order = new int[64];
  private int nData;
  private int nPending;
  private int cornersTold;

  private int[] stackIds = new int[16];
  private double[] stackLoss = new double[16];
  private int stackLen;

  private Learner2DMesh real;
  private Learner2DMesh combined;

  private final double[] scratch;
  private final double[] chosen = new double[2];

  Learner2DCore(double xa, double xb, double ya, double yb, int vdim, Learner2DLoss lossFn) {
    if (!(xa < xb) || !(ya < yb) || Double.isInfinite(xa) || Double.isInfinite(xb)
        || Double.isInfinite(ya) || Double.isInfinite(yb)) {
      throw new IllegalArgumentException(
          "bounds [(" + xa + ", " + xb + "), (" + ya + ", " + yb
              + ")] are not a finite rectangle with lower < upper on each axis;"
              + " for example use (-1.0, 1.0, -1.0, 1.0)");
    }
    if (vdim < 1) {
      throw new IllegalArgumentException("vdim '" + vdim + "' must be at least 1");
    }
    if (vdim > 1 && lossFn instanceof Learner2DLoss.MinimizeTriangleSurface) {
      throw new IllegalArgumentException(
          "the loss minimizeTriangleSurface works on scalar functions only, not on " + vdim
              + " outputs; use the default loss");
    }
    this.xa = xa;
    this.xb = xb;
    this.ya = ya;
    this.yb = yb;
    this.meanX = (xa + xb) / 2;
    this.meanY = (ya + yb) / 2;
    this.scaleX = xb - xa;
    this.scaleY = yb - ya;
    this.vdim = vdim;
    this.lossFn = lossFn;
    this.values = new double[64 * vdim];
    this.scratch = new double[vdim];
    Arrays.fill(rv, NONE);
    Arrays.fill(cv, NONE);
    real = newMesh();
    combined = newMesh();
    // the corners, in the order of learners.md §4.1, first on the stack
    double[][] corners = {{xa, ya}, {xa, yb}, {xb, ya}, {xb, yb}};
    for (double[] c : corners) {
      int id = idOf(c[0], c[1]);
      flags[id] |= STACK;
      push(id, INF);
    }
  }

  private Learner2DMesh newMesh() {
    return new Learner2DMesh(
        scaledX(xa), scaledX(xb), scaledY(ya), scaledY(yb), vdim, lossFn);
  }

  int vdim() {
    return vdim;
  }

  Learner2DLoss lossFunction() {
    return lossFn;
  }

  int npoints() {
    return nData;
  }

  int pendingCount() {
    return nPending;
  }

  boolean boundsDone() {
    return cornersTold == 4;
  }

  private double scaledX(double x) {
    return (x - meanX) / scaleX;
  }

  private double scaledY(double y) {
    return (y - meanY) / scaleY;
  }

  private boolean inBounds(double x, double y) {
    return x >= xa && x <= xb && y >= ya && y <= yb;
  }

  private int idOf(double x, double y) {
    int id = pointIds.getOrPut(x, y, ids);
    if (id == ids) {
      if (id == px.length) {
        int n = 2 * id;
        px = Arrays.copyOf(px, n);
        py = Arrays.copyOf(py, n);
        flags = Arrays.copyOf(flags, n);
        rv = Arrays.copyOf(rv, n);
        cv = Arrays.copyOf(cv, n);
        Arrays.fill(rv, id, n, NONE);
        Arrays.fill(cv, id, n, NONE);
      }
      px[id] = x;
      py[id] = y;
      ids++;
    }
    return id;
  }

  // ---------------------------------------------------------------- tell

  /** Tells {@code v[off .. off+vdim)} as the value at (x, y). */
  void tell(double x, double y, double[] v, int off) {
    int id = idOf(x, y);
    byte f = flags[id];
    if ((f & DATA) != 0) {
      return;
    }
    if (nData == order.length) {
      order = Arrays.copyOf(order, 2 * nData);
    }
    order[nData++] = id;
    if ((id + 1) * vdim > values.length) {
      values = Arrays.copyOf(values, Math.max((id + 1) * vdim, 2 * values.length));
    }
    System.arraycopy(v, off, values, id * vdim, vdim);
    flags[id] = (byte) ((f | DATA) & ~(PENDING | STACK));
    if (!inBounds(x, y)) {
      return;
    }
    double sx = scaledX(x);
    double sy = scaledY(y);
    queueForReal(id);
    if ((f & PENDING) != 0) {
      nPending--;
      if (cv[id] != NONE) {
        combined.setValue(cv[id], v, off);
      }
    } else {
      cv[id] = combined.add(sx, sy, v, off);
    }
    if (id < 4 && ++cornersTold == 4) {
      boundsJustDone();
    }
  }

  /** Pending points got the value 0 while the corners were unknown; now the interpolant's. */
  private void boundsJustDone() {
    if (nPending == 0) {
      return;
    }
    Learner2DMesh r = realMesh();
    for (int id = 0; id < ids; id++) {
      if ((flags[id] & PENDING) != 0 && cv[id] != NONE) {
        r.interpolate(scaledX(px[id]), scaledY(py[id]), scratch, 0);
        combined.setValue(cv[id], scratch, 0);
      }
    }
  }

  // The real triangulation is brought up to date only when it differs from the combined one, that
  // is while points are pending: without pending points both hold the same points and values. So
  // a sequential ask-tell loop, which has no pending point whenever it asks for the loss, keeps one
  // triangulation instead of two.
  private void queueForReal(int id) {
    if (realQueueLen == realQueue.length) {
      realQueue = Arrays.copyOf(realQueue, 2 * realQueueLen);
    }
    realQueue[realQueueLen++] = id;
  }

  private int[] realQueue = new int[64];
  private int realQueueLen;

  /** The triangulation of the evaluated points: the combined one if nothing is pending. */
  private Learner2DMesh realMesh() {
    if (nPending == 0) {
      return combined;
    }
    syncReal();
    return real;
  }

  private void syncReal() {
    for (int i = 0; i < realQueueLen; i++) {
      int id = realQueue[i];
      rv[id] = real.add(scaledX(px[id]), scaledY(py[id]), values, id * vdim);
    }
    realQueueLen = 0;
  }

  /** Marks (x, y) as being evaluated; ignored outside the bounds or if it is known already. */
  void tellPending(double x, double y) {
    if (!inBounds(x, y)) {
      return;
    }
    tellPending(idOf(x, y));
  }

  private void tellPending(int id) {
    byte f = flags[id];
    if ((f & (DATA | PENDING)) != 0) {
      return;
    }
    flags[id] = (byte) ((f | PENDING) & ~STACK);
    nPending++;
    double sx = scaledX(px[id]);
    double sy = scaledY(py[id]);
    if (boundsDone()) {
      // the combined interpolant: the real one, and earlier pending points at their values
      combined.interpolate(sx, sy, scratch, 0);
    } else {
      Arrays.fill(scratch, 0);
    }
    cv[id] = combined.add(sx, sy, scratch, 0);
  }

  // ---------------------------------------------------------------- ask (§4.6)

  private void push(int id, double loss) {
    if (stackLen == stackIds.length) {
      stackIds = Arrays.copyOf(stackIds, 2 * stackLen);
      stackLoss = Arrays.copyOf(stackLoss, 2 * stackLen);
    }
    stackIds[stackLen] = id;
    stackLoss[stackLen++] = loss;
  }

  /** Drops the entries that left the stack through a tell or tellPending. */
  private void compactStack() {
    int k = 0;
    for (int i = 0; i < stackLen; i++) {
      if ((flags[stackIds[i]] & STACK) != 0) {
        stackIds[k] = stackIds[i];
        stackLoss[k++] = stackLoss[i];
      }
    }
    stackLen = k;
  }

  /**
   * Up to {@code n} points into {@code xy} (x, y interleaved) and their expected improvements;
   * returns how many.
   */
  int ask(int n, boolean tellPending, double[] xy, double[] improvements) {
    if (n < 0) {
      throw new IllegalArgumentException("n '" + n + "' must not be negative");
    }
    if (n == 0) {
      return 0;
    }
    compactStack();
    int count = 0;
    int fromStack = Math.min(n, stackLen);
    for (int i = 0; i < fromStack; i++) {
      int id = stackIds[i];
      xy[2 * count] = px[id];
      xy[2 * count + 1] = py[id];
      improvements[count++] = stackLoss[i];
    }
    if (tellPending) {
      for (int i = 0; i < fromStack; i++) {
        tellPending(stackIds[i]);
      }
      compactStack();
    }
    int left = n - count;
    while (left > 0 && combined.cornersPresent()) {
      int before = stackLen;
      int fresh = fillStack(Math.max(left, STACK_SIZE));
      if (fresh == 0) {
        break;
      }
      int take = Math.min(left, fresh);
      for (int i = before; i < before + take; i++) {
        int id = stackIds[i];
        xy[2 * count] = px[id];
        xy[2 * count + 1] = py[id];
        improvements[count++] = stackLoss[i];
      }
      if (tellPending) {
        for (int i = before; i < before + take; i++) {
          tellPending(stackIds[i]);
        }
        compactStack();
      }
      left -= fresh;
    }
    if (!tellPending && stackLen > STACK_SIZE) {
      for (int i = STACK_SIZE; i < stackLen; i++) {
        flags[stackIds[i]] &= ~STACK;
      }
      stackLen = STACK_SIZE;
    }
    return count;
  }

  /**
   * Pushes onto the stack the points chosen in the triangles of largest combined loss, up to
   * {@code till} of them, skipping points already known; returns how many.
   */
  private int fillStack(int till) {
    combined.flush();
    LossHeap heap = combined.heap;
    Triangulation2D tr = combined.tr;
    LossHeap.Cursor cursor = heap.new Cursor();
    int fresh = 0;
    while (fresh < till && cursor.hasNext()) {
      int t = cursor.next();
      int o = 3 * t;
      int a = tr.tri[o];
      int b = tr.tri[o + 1];
      int c = tr.tri[o + 2];
      Learner2DKernels.choosePoint(
          tr.vx[a], tr.vy[a], tr.vx[b], tr.vy[b], tr.vx[c], tr.vy[c], chosen);
      double x = Math.max(xa, Math.min(xb, chosen[0] * scaleX + meanX));
      double y = Math.max(ya, Math.min(yb, chosen[1] * scaleY + meanY));
      int id = idOf(x, y);
      if ((flags[id] & (DATA | PENDING | STACK)) != 0) {
        continue;
      }
      flags[id] |= STACK;
      push(id, heap.loss(t));
      fresh++;
    }
    return fresh;
  }

  // ---------------------------------------------------------------- loss, interpolation

  double loss(boolean realOnly) {
    if (!boundsDone()) {
      return INF;
    }
    Learner2DMesh mesh = realOnly ? realMesh() : combined;
    mesh.flush();
    return mesh.maxLoss();
  }

  /**
   * The linear interpolant of the evaluated points at (x, y) into {@code out[off ..]}; NaN outside
   * the bounds or before the four corners are evaluated.
   */
  /**
   * Gives {@code sink} the corners of every triangle of the evaluated points, in the learner's
   * coordinates, as {x_a, y_a, x_b, y_b, x_c, y_c} in one reused array; nothing before the four
   * corners of the bounds are evaluated.
   */
  void forEachTriangle(Consumer<double[]> sink) {
    if (!boundsDone()) {
      return;
    }
    Triangulation2D tr = realMesh().tr;
    double[] corners = new double[6];
    for (int t = 0; t < tr.nt; t++) {
      for (int i = 0; i < 3; i++) {
        int v = tr.tri[3 * t + i];
        corners[2 * i] = tr.vx[v] * scaleX + meanX;
        corners[2 * i + 1] = tr.vy[v] * scaleY + meanY;
      }
      sink.accept(corners);
    }
  }

  void interpolate(double x, double y, double[] out, int off) {
    if (!boundsDone() || !inBounds(x, y)) {
      Arrays.fill(out, off, off + vdim, Double.NaN);
      return;
    }
    realMesh().interpolate(scaledX(x), scaledY(y), out, off);
  }

  // ---------------------------------------------------------------- removeUnfinished, data

  void removeUnfinished() {
    for (int id = 0; id < ids; id++) {
      if ((flags[id] & PENDING) != 0) {
        flags[id] &= ~PENDING;
        cv[id] = NONE;
      }
    }
    if (nPending > 0) {
      syncReal();
      combined = new Learner2DMesh(real);
      for (int id = 0; id < ids; id++) {
        cv[id] = rv[id];
      }
    }
    nPending = 0;
    compactStack();
    for (int id = 0; id < 4; id++) {
      if ((flags[id] & (DATA | STACK)) == 0) {
        flags[id] |= STACK;
        push(id, INF);
      }
    }
  }

  /** Visits the evaluated points in the order they were told: x, y, values, offset. */
  void forEachData(DataSink sink) {
    for (int i = 0; i < nData; i++) {
      int id = order[i];
      sink.accept(px[id], py[id], values, id * vdim);
    }
  }

  @FunctionalInterface
  interface DataSink {
    void accept(double x, double y, double[] values, int off);
  }
}
