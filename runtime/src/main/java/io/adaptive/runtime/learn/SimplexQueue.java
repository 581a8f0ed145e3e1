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
 * <p>A binary heap of entry ids over parallel primitive arrays: sifting moves one int per level,
 * pushing and popping cost O(log n) and allocate nothing once the arrays have grown.
 */
final class SimplexQueue {

  // entries, by id
  private double[] rank = new double[64]; // round8(loss)·1e8, larger first
  private long[] verts01 = new long[64]; // vertex indices 0 and 1 of the simplex
  private long[] verts23 = new long[64]; // vertex indices 2 and 3
  private long[] sub = new long[64]; // sub-simplex tuple, 16 bits per index, or ROOT
  private double[] loss = new double[64];
  private int[] slot = new int[64];
  private int[] version = new int[64];
  private int[] subIndex = new int[64];
  private int[] free = new int[64];
  private int nfree;
  private int ids;

  private int[] heap = new int[64]; // entry ids in heap order
  private int size;

  /** The tuple {@code (0,)} python-adaptive uses for a real simplex. */
  static final long ROOT = 1L << 48;

  int size() {
    return size;
  }

  void clear() {
    size = 0;
    nfree = 0;
    ids = 0;
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
    int id;
    if (nfree > 0) {
      id = free[--nfree];
    } else {
      id = ids++;
      if (id == rank.length) {
        int n = id * 2;
        rank = Arrays.copyOf(rank, n);
        verts01 = Arrays.copyOf(verts01, n);
        verts23 = Arrays.copyOf(verts23, n);
        sub = Arrays.copyOf(sub, n);
        loss = Arrays.copyOf(loss, n);
        slot = Arrays.copyOf(slot, n);
        version = Arrays.copyOf(version, n);
        subIndex = Arrays.copyOf(subIndex, n);
      }
    }
    rank[id] = rank(lossValue);
    verts01[id] = v01;
    verts23[id] = v23;
    sub[id] = subKey;
    loss[id] = lossValue;
    slot[id] = s;
    version[id] = ver;
    subIndex[id] = subIdx;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    siftUp(size++, id);
  }

  int topSlot() {
    return slot[heap[0]];
  }

  int topVersion() {
    return version[heap[0]];
  }

  int topSubIndex() {
    return subIndex[heap[0]];
  }

  double topLoss() {
    return loss[heap[0]];
  }

  void pop() {
    release(heap[0]);
    size--;
    if (size > 0) {
      siftDown(0, heap[size]);
    }
  }

  private void release(int id) {
    if (nfree == free.length) {
      free = Arrays.copyOf(free, nfree * 2);
    }
    free[nfree++] = id;
  }

  /** Removes every entry for which {@code keep} is false, then restores the heap. */
  void retain(EntryFilter keep) {
    int m = 0;
    for (int i = 0; i < size; i++) {
      int id = heap[i];
      if (keep.keep(slot[id], version[id], subIndex[id])) {
        heap[m++] = id;
      } else {
        release(id);
      }
    }
    size = m;
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i, heap[i]);
    }
  }

  /** Whether a queue entry is still current. */
  @FunctionalInterface
  interface EntryFilter {
    boolean keep(int slot, int version, int subIndex);
  }

  // Whether entry a comes before entry b.
  private boolean before(int a, int b) {
    if (rank[a] != rank[b]) {
      return rank[a] > rank[b];
    }
    if (verts01[a] != verts01[b]) {
      return verts01[a] < verts01[b];
    }
    if (verts23[a] != verts23[b]) {
      return verts23[a] < verts23[b];
    }
    return sub[a] < sub[b];
  }

  // Places entry id at position i or above, moving parents down into the hole.
  private void siftUp(int i, int id) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      int parent = heap[p];
      if (!before(id, parent)) {
        break;
      }
      heap[i] = parent;
      i = p;
    }
    heap[i] = id;
  }

  // Places entry id at position i or below, moving children up into the hole.
  private void siftDown(int i, int id) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        break;
      }
      int c = l + 1 < size && before(heap[l + 1], heap[l]) ? l + 1 : l;
      if (!before(heap[c], id)) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = id;
  }
}
