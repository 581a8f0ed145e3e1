/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Arrays;

/**
 * The intervals of one loss map of {@link Learner1D}, each stored under the id of its left end,
 * ordered by the sort key of learners.md §3.2: {@code (rank, l, r)} ascending, where {@code rank}
 * is the negated rounded finite loss. The first entry is the interval with the largest loss.
 *
 * <p>An indexed d-ary min-heap ({@value #D} children per node): setting, replacing and removing an
 * entry cost O(log n), the first entry O(1), and the first k entries in order O(k log k) through
 * {@link Cursor}. The (rank, l) pairs sit in their own array, the children of a node in one cache
 * line, so choosing among them reads one line (l only breaks ties of the rank); the slots' ids in
 * another array; the stored loss and r per id, read only for the first entry and by the cursor.
 */
final class LossHeap {

  private static final int ABSENT = -1;

  /** Children per node; 4 (rank, l) pairs fill one 64-byte cache line. */
  static final int D = 4;

  // Within one map every interval has its own left end, so (rank, l) alone orders the entries:
  // r never breaks a tie. Both sit side by side, so ties cost no extra cache line.
  private double[] keys; // slot -> rank, l, from index KOFF

  /**
   * Where slot 0 starts in {@code keys}: 4 doubles in, the children {@code 4s+1 … 4s+4} of every
   * slot s sit at 64·(s+1) bytes from the array's first element, so at a cache line boundary when
   * that element is at 16 bytes past one (a double[] header is 16 bytes, and a large array starts
   * a heap region). At index 0, every group of children straddled two cache lines.
   */
  private static final int KOFF = 4;

  private int[] idOf; // slot -> id; a sift moves 4 bytes per level here, not 16 with r
  private int[] slotOf; // id -> slot or ABSENT
  private double[] info; // id -> stored loss, r: written together, so one cache line
  private int size;

  LossHeap(int capacity) {
    keys = new double[KOFF + 2 * capacity];
    idOf = new int[capacity];
    slotOf = new int[capacity];
    Arrays.fill(slotOf, ABSENT);
    info = new double[2 * capacity];
  }

  void ensureIdCapacity(int capacity) {
    if (capacity > slotOf.length) {
      int n = Math.max(capacity, slotOf.length * 2);
      int old = slotOf.length;
      slotOf = Arrays.copyOf(slotOf, n);
      Arrays.fill(slotOf, old, n, ABSENT);
      info = Arrays.copyOf(info, 2 * n);
      keys = Arrays.copyOf(keys, KOFF + 2 * n);
      idOf = Arrays.copyOf(idOf, n);
    }
  }

  int size() {
    return size;
  }

  boolean contains(int id) {
    return slotOf[id] != ABSENT;
  }

  /** The stored loss of the interval whose left end is {@code id}. */
  double loss(int id) {
    return info[2 * id];
  }

  /** The right end of the interval whose left end is {@code id}. */
  double right(int id) {
    return info[2 * id + 1];
  }

  /** The id of the first entry (largest loss); the heap must not be empty. */
  int first() {
    return idOf[0];
  }

  private int idAt(int slot) {
    return idOf[slot];
  }

  /**
   * Sets the interval {@code (l, r)} stored under {@code id} to {@code value}, ranked {@code k}.
   */
  void set(int id, double l, double r, double value, double k) {
    info[2 * id] = value;
    info[2 * id + 1] = r;
    int slot = slotOf[id];
    if (slot == ABSENT) {
      slot = size++;
      if (KOFF + 2 * slot == keys.length) {
        ensureIdCapacity(slot + 1);
      }
      siftUp(slot, id, k, l);
    } else if (less(k, l, keys[KOFF + 2 * slot], keys[KOFF + 2 * slot + 1])) {
      siftUp(slot, id, k, l);
    } else {
      siftDown(slot, id, k, l);
    }
  }

  /** Removes the interval stored under {@code id}, if any. */
  void remove(int id) {
    int slot = slotOf[id];
    if (slot == ABSENT) {
      return;
    }
    slotOf[id] = ABSENT;
    int lastSlot = --size;
    if (slot == lastSlot) {
      return;
    }
    int moved = idAt(lastSlot);
    double k = keys[KOFF + 2 * lastSlot];
    double l = keys[KOFF + 2 * lastSlot + 1];
    if (less(k, l, keys[KOFF + 2 * slot], keys[KOFF + 2 * slot + 1])) {
      siftUp(slot, moved, k, l);
    } else {
      siftDown(slot, moved, k, l);
    }
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      slotOf[idAt(i)] = ABSENT;
    }
    size = 0;
  }

  /** Makes this heap a copy of {@code other}. */
  void copyFrom(LossHeap other) {
    clear();
    ensureIdCapacity(other.slotOf.length);
    int n = other.size;
    System.arraycopy(other.keys, KOFF, keys, KOFF, 2 * n);
    System.arraycopy(other.idOf, 0, idOf, 0, n);
    size = n;
    for (int i = 0; i < n; i++) {
      int id = idAt(i);
      slotOf[id] = i;
      info[2 * id] = other.info[2 * id];
      info[2 * id + 1] = other.info[2 * id + 1];
    }
  }

  static boolean less(double k, double l, double k2, double l2) {
    return k < k2 || (k == k2 && l < l2);
  }

  private boolean slotLess(int a, int b) {
    return less(keys[KOFF + 2 * a], keys[KOFF + 2 * a + 1], keys[KOFF + 2 * b], keys[KOFF + 2 * b + 1]);
  }

  private void place(int slot, int id, double k, double l) {
    keys[KOFF + 2 * slot] = k;
    keys[KOFF + 2 * slot + 1] = l;
    idOf[slot] = id;
    slotOf[id] = slot;
  }

  private void move(int from, int to) {
    keys[KOFF + 2 * to] = keys[KOFF + 2 * from];
    keys[KOFF + 2 * to + 1] = keys[KOFF + 2 * from + 1];
    int id = idOf[from];
    idOf[to] = id;
    slotOf[id] = to;
  }

  private void siftUp(int slot, int id, double k, double l) {
    while (slot > 0) {
      int parent = (slot - 1) / D;
      if (!less(k, l, keys[KOFF + 2 * parent], keys[KOFF + 2 * parent + 1])) {
        break;
      }
      move(parent, slot);
      slot = parent;
    }
    place(slot, id, k, l);
  }

  private void siftDown(int slot, int id, double k, double l) {
    final double[] keys = this.keys;
    final int size = this.size;
    while (true) {
      int child = D * slot + 1;
      if (child >= size) {
        break;
      }
      int end = Math.min(child + D, size);
      int best = child;
      double bk = keys[KOFF + 2 * child];
      double bl = keys[KOFF + 2 * child + 1];
      for (int c = child + 1; c < end; c++) {
        double ck = keys[KOFF + 2 * c];
        if (ck < bk || (ck == bk && keys[KOFF + 2 * c + 1] < bl)) {
          best = c;
          bk = ck;
          bl = keys[KOFF + 2 * c + 1];
        }
      }
      if (!less(bk, bl, k, l)) {
        break;
      }
      move(best, slot);
      slot = best;
    }
    place(slot, id, k, l);
  }

  /**
   * Walks the entries in sort order without changing the heap: a best-first search over heap slots
   * (a slot's children come after it), so the k-th entry costs O(log k).
   */
  final class Cursor {
    private int[] frontier = new int[16];
    private int count;

    Cursor() {
      if (size > 0) {
        frontier[count++] = 0;
      }
    }

    boolean hasNext() {
      return count > 0;
    }

    /** The id of the next entry in sort order, without moving past it. */
    int peekId() {
      return idAt(frontier[0]);
    }

    /** The id of the next entry in sort order. */
    int next() {
      int slot = frontier[0];
      int lastSlot = frontier[--count];
      if (count > 0) {
        frontierDown(lastSlot);
      }
      int child = D * slot + 1;
      int end = Math.min(child + D, size);
      for (int c = child; c < end; c++) {
        frontierUp(c);
      }
      return idAt(slot);
    }

    private void frontierUp(int s) {
      if (count == frontier.length) {
        frontier = Arrays.copyOf(frontier, count * 2);
      }
      int i = count++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (!slotLess(s, frontier[p])) {
          break;
        }
        frontier[i] = frontier[p];
        i = p;
      }
      frontier[i] = s;
    }

    private void frontierDown(int s) {
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= count) {
          break;
        }
        if (c + 1 < count && slotLess(frontier[c + 1], frontier[c])) {
          c++;
        }
        if (!slotLess(frontier[c], s)) {
          break;
        }
        frontier[i] = frontier[c];
        i = c;
      }
      frontier[i] = s;
    }
  }
}
