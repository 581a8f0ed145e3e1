/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The priority queue of {@link LearnerND} (learners.md §5): entries ordered by python-adaptive's
 * key {@code (−round8(loss), simplex vertex indices, sub-simplex indices or (0))}, first entry
 * first. Entries are never updated in place: an entry carries the simplex slot, the slot's version
 * when it was pushed and a sub-simplex index, and the learner skips the ones that went stale.
 *
 * <p>A binary heap over parallel primitive arrays: pushing and popping cost O(log n) and allocate
 * nothing once the arrays have grown.
 */
final class SimplexQueue {

  private double[] rank = new double[64]; // round8(loss)·1e8, larger first
  private long[] verts01 = new long[64]; // vertex indices 0 and 1 of the simplex
  private long[] verts23 = new long[64]; // vertex indices 2 and 3
  private long[] sub = new long[64]; // sub-simplex tuple, 16 bits per index, or ROOT
  private double[] loss = new double[64];
  private int[] slot = new int[64];
  private int[] version = new int[64];
  private int[] subIndex = new int[64];
  private int size;

  /** The tuple {@code (0,)} python-adaptive uses for a real simplex. */
  static final long ROOT = 1L << 48;

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /**
   * {@code round(loss, 8)} as python computes it (half-even on the exact decimal value), times
   * 1e8: an integer-valued double. The product is exact enough to decide the rounding unless it
   * lies within a rounding error of a half, which BigDecimal then settles.
   */
  static double rank(double loss) {
    if (Double.isNaN(loss)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (Double.isInfinite(loss)) {
      return loss;
    }
    double v = loss * 1e8;
    double r = Math.rint(v);
    if (Math.abs(v) < 1e15 && Math.abs(Math.abs(v - r) - 0.5) > Math.abs(v) * 1e-15 + 1e-12) {
      return r;
    }
    return new BigDecimal(loss).setScale(8, RoundingMode.HALF_EVEN).unscaledValue().doubleValue();
  }

  /**
   * Packs a sub-simplex (sorted local vertex indices, each below 65535) so that longs compare
   * like python's tuples; {@link #ROOT} is {@code (0,)}, which sorts before any longer tuple
   * starting with 0.
   */
  static long subKey(int[] local, int k) {
    long key = 0;
    for (int i = 0; i < 4; i++) {
      key = (key << 16) | (i < k ? local[i] + 1 : 0);
    }
    return key;
  }

  void push(double lossValue, long v01, long v23, long subKey, int s, int ver, int subIdx) {
    if (size == rank.length) {
      int n = size * 2;
      rank = Arrays.copyOf(rank, n);
      verts01 = Arrays.copyOf(verts01, n);
      verts23 = Arrays.copyOf(verts23, n);
      sub = Arrays.copyOf(sub, n);
      loss = Arrays.copyOf(loss, n);
      slot = Arrays.copyOf(slot, n);
      version = Arrays.copyOf(version, n);
      subIndex = Arrays.copyOf(subIndex, n);
    }
    int i = size++;
    set(i, rank(lossValue), v01, v23, subKey, lossValue, s, ver, subIdx);
    siftUp(i);
  }

  int topSlot() {
    return slot[0];
  }

  int topVersion() {
    return version[0];
  }

  int topSubIndex() {
    return subIndex[0];
  }

  double topLoss() {
    return loss[0];
  }

  void pop() {
    size--;
    if (size > 0) {
      move(size, 0);
      siftDown(0);
    }
  }

  /** Removes every entry for which {@code keep} is false, then restores the heap. */
  void retain(EntryFilter keep) {
    int m = 0;
    for (int i = 0; i < size; i++) {
      if (keep.keep(slot[i], version[i], subIndex[i])) {
        move(i, m++);
      }
    }
    size = m;
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  /** Whether a queue entry is still current. */
  @FunctionalInterface
  interface EntryFilter {
    boolean keep(int slot, int version, int subIndex);
  }

  private void set(int i, double r, long a, long b, long c, double l, int s, int ver, int si) {
    rank[i] = r;
    verts01[i] = a;
    verts23[i] = b;
    sub[i] = c;
    loss[i] = l;
    slot[i] = s;
    version[i] = ver;
    subIndex[i] = si;
  }

  private void move(int from, int to) {
    set(to, rank[from], verts01[from], verts23[from], sub[from], loss[from], slot[from],
        version[from], subIndex[from]);
  }

  private void swap(int i, int j) {
    double r = rank[i];
    long a = verts01[i];
    long b = verts23[i];
    long c = sub[i];
    double l = loss[i];
    int s = slot[i];
    int v = version[i];
    int si = subIndex[i];
    move(j, i);
    set(j, r, a, b, c, l, s, v, si);
  }

  // Whether entry i comes before entry j.
  private boolean before(int i, int j) {
    if (rank[i] != rank[j]) {
      return rank[i] > rank[j];
    }
    if (verts01[i] != verts01[j]) {
      return verts01[i] < verts01[j];
    }
    if (verts23[i] != verts23[j]) {
      return verts23[i] < verts23[j];
    }
    return sub[i] < sub[j];
  }

  private void siftUp(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!before(i, p)) {
        return;
      }
      swap(i, p);
      i = p;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int c = l + 1 < size && before(l + 1, l) ? l + 1 : l;
      if (!before(c, i)) {
        return;
      }
      swap(i, c);
      i = c;
    }
  }
}
