/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Arrays;

/**
 * A sorted set of point ids, ordered by their x, with O(1) neighbours: a doubly linked list
 * threaded through a treap. Points are only ever added one at a time; removal happens only by
 * rebuilding the whole set.
 *
 * <p>The treap is what finds the place of a point nobody has seen; a caller that already knows the
 * predecessor (the left end of the interval a point was asked in) skips the search, and the
 * expected number of rotations per insertion is below two. Priorities are a fixed hash of the id,
 * so two sets holding the same ids have the same shape.
 *
 * <p>The list is kept up to date at once, the treap only when something searches it ({@link
 * #lower}, {@link #floor}, {@link #insert}, {@link #copyFrom}): an insertion is queued with its
 * neighbours of the moment, and the queue is applied in order before the next search, which gives
 * the treap every insertion would have given. Once the queue holds more than a quarter of the
 * members it is dropped, and the next search rebuilds the treap from the list in O(n) instead,
 * which is cheaper than that many insertions. Learner1D's ask-then-tell loop never searches, so it
 * never touches the treap: in a large learner its rotations were a fifth of the time, all cache
 * misses.
 */
final class OrderedIds {

  static final int NONE = -1;

  // Per id, side by side so that one node is one cache line: prev, next, left, right, parent.
  private static final int STRIDE = 8;
  private static final int PREV = 0;
  private static final int NEXT = 1;
  private static final int LEFT = 2;
  private static final int RIGHT = 3;
  private static final int PARENT = 4;

  private int[] node;
  private int root = NONE;
  private int first = NONE;
  private int last = NONE;
  private int size;

  /** Insertions not yet in the treap: id, predecessor, successor (in the list, at the time). */
  private int[] queue = new int[3 * 16];

  private int queued;

  /** Whether the treap must be rebuilt from the list (the queue was dropped). */
  private boolean treeStale;

  /** Queued insertions at most, before the queue is dropped for a rebuild. */
  private static final int QUEUE_MIN = 64;

  OrderedIds(int capacity) {
    node = new int[STRIDE * capacity];
  }

  void ensureCapacity(int capacity) {
    if (STRIDE * capacity > node.length) {
      node = Arrays.copyOf(node, Math.max(STRIDE * capacity, node.length * 2));
    }
  }

  static int priority(int id) {
    int z = id * 0x9E3779B9;
    z = (z ^ (z >>> 16)) * 0x85EBCA6B;
    z = (z ^ (z >>> 13)) * 0xC2B2AE35;
    return z ^ (z >>> 16);
  }

  int size() {
    return size;
  }

  int first() {
    return first;
  }

  int last() {
    return last;
  }

  int prev(int id) {
    return node[STRIDE * id + PREV];
  }

  int next(int id) {
    return node[STRIDE * id + NEXT];
  }

  /** The member with the largest x strictly below {@code x}, or NONE. */
  int lower(double[] xs, double x) {
    return lower(xs, 1, x);
  }

  /** {@link #lower(double[], double)} with the x of id at {@code xs[stride * id]}. */
  int lower(double[] xs, int stride, double x) {
    syncTree();
    int n = root;
    int best = NONE;
    while (n != NONE) {
      if (xs[stride * n] < x) {
        best = n;
        n = node[STRIDE * n + RIGHT];
      } else {
        n = node[STRIDE * n + LEFT];
      }
    }
    return best;
  }

  /** The member with the largest x at or below {@code x}, or NONE. */
  int floor(double[] xs, double x) {
    return floor(xs, 1, x);
  }

  /** {@link #floor(double[], double)} with the x of id at {@code xs[stride * id]}. */
  int floor(double[] xs, int stride, double x) {
    syncTree();
    int n = root;
    int best = NONE;
    while (n != NONE) {
      if (xs[stride * n] <= x) {
        best = n;
        n = node[STRIDE * n + RIGHT];
      } else {
        n = node[STRIDE * n + LEFT];
      }
    }
    return best;
  }

  /**
   * Whether {@code pred} is where a point at {@code x} would go: its predecessor in this set (the x
   * of id at {@code xs[stride * id]}).
   */
  boolean isPredecessor(double[] xs, int stride, int pred, double x) {
    if (pred == NONE) {
      return first == NONE || x < xs[stride * first];
    }
    int succ = node[STRIDE * pred + NEXT];
    return xs[stride * pred] < x && (succ == NONE || x < xs[stride * succ]);
  }

  /**
   * Adds {@code id} (not a member), whose x lies strictly between {@code pred} and its successor.
   */
  void insertAfter(int id, int pred) {
    int succ = pred == NONE ? first : node[STRIDE * pred + NEXT];
    node[STRIDE * id + PREV] = pred;
    node[STRIDE * id + NEXT] = succ;
    if (pred == NONE) {
      first = id;
    } else {
      node[STRIDE * pred + NEXT] = id;
    }
    if (succ == NONE) {
      last = id;
    } else {
      node[STRIDE * succ + PREV] = id;
    }
    size++;
    if (treeStale) {
      return;
    }
    if (queued >= Math.max(QUEUE_MIN, size / 4)) {
      // rebuilding from the list will be cheaper than this many insertions
      treeStale = true;
      queued = 0;
      return;
    }
    if (3 * queued == queue.length) {
      queue = Arrays.copyOf(queue, 2 * queue.length);
    }
    queue[3 * queued] = id;
    queue[3 * queued + 1] = pred;
    queue[3 * queued + 2] = succ;
    queued++;
  }

  /** Brings the treap up to date with the list (see the class comment). */
  private void syncTree() {
    if (treeStale) {
      buildTree();
    } else if (queued > 0) {
      for (int i = 0; i < queued; i++) {
        treeInsert(queue[3 * i], queue[3 * i + 1], queue[3 * i + 2]);
      }
      queued = 0;
    }
  }

  /**
   * Puts {@code id} into the treap, whose members are exactly those of the list when id was
   * inserted, between its neighbours of that moment {@code pred} and {@code succ}.
   */
  private void treeInsert(int id, int pred, int succ) {
    node[STRIDE * id + LEFT] = NONE;
    node[STRIDE * id + RIGHT] = NONE;
    if (root == NONE) {
      node[STRIDE * id + PARENT] = NONE;
      root = id;
    } else if (pred != NONE && node[STRIDE * pred + RIGHT] == NONE) {
      node[STRIDE * pred + RIGHT] = id;
      node[STRIDE * id + PARENT] = pred;
    } else {
      // pred has a right subtree, so its successor is that subtree's leftmost node: no left child
      node[STRIDE * succ + LEFT] = id;
      node[STRIDE * id + PARENT] = succ;
    }
    int p = priority(id);
    while (node[STRIDE * id + PARENT] != NONE && priority(node[STRIDE * id + PARENT]) < p) {
      rotateUp(id);
    }
  }

  /** Adds {@code id} (not a member) at its place by x. */
  void insert(double[] xs, int id) {
    insertAfter(id, lower(xs, xs[id]));
  }

  private void rotateUp(int x) {
    int p = node[STRIDE * x + PARENT];
    int g = node[STRIDE * p + PARENT];
    if (node[STRIDE * p + LEFT] == x) {
      int b = node[STRIDE * x + RIGHT];
      node[STRIDE * p + LEFT] = b;
      if (b != NONE) {
        node[STRIDE * b + PARENT] = p;
      }
      node[STRIDE * x + RIGHT] = p;
    } else {
      int b = node[STRIDE * x + LEFT];
      node[STRIDE * p + RIGHT] = b;
      if (b != NONE) {
        node[STRIDE * b + PARENT] = p;
      }
      node[STRIDE * x + LEFT] = p;
    }
    node[STRIDE * p + PARENT] = x;
    node[STRIDE * x + PARENT] = g;
    if (g == NONE) {
      root = x;
    } else if (node[STRIDE * g + LEFT] == p) {
      node[STRIDE * g + LEFT] = x;
    } else {
      node[STRIDE * g + RIGHT] = x;
    }
  }

  void clear() {
    root = first = last = NONE;
    size = 0;
    queued = 0;
    treeStale = false;
  }

  /** Rebuilds the treap from the list: the Cartesian tree of rebuild(), O(n). */
  private void buildTree() {
    int[] spine = new int[Math.max(1, size)];
    int top = -1;
    for (int id = first; id != NONE; id = node[STRIDE * id + NEXT]) {
      top = pushSpine(spine, top, id);
    }
    root = top >= 0 ? spine[0] : NONE;
    queued = 0;
    treeStale = false;
  }

  /** Adds {@code id}, the largest so far, to a Cartesian tree by its right spine; the new top. */
  private int pushSpine(int[] spine, int top, int id) {
    node[STRIDE * id + LEFT] = NONE;
    node[STRIDE * id + RIGHT] = NONE;
    int p = priority(id);
    int lastPopped = NONE;
    while (top >= 0 && priority(spine[top]) < p) {
      lastPopped = spine[top--];
    }
    if (lastPopped != NONE) {
      node[STRIDE * id + LEFT] = lastPopped;
      node[STRIDE * lastPopped + PARENT] = id;
    }
    if (top >= 0) {
      node[STRIDE * spine[top] + RIGHT] = id;
      node[STRIDE * id + PARENT] = spine[top];
    } else {
      node[STRIDE * id + PARENT] = NONE;
    }
    spine[++top] = id;
    return top;
  }

  /** Replaces the contents by {@code ids[0..n)}, which are sorted by x without duplicates. */
  void rebuild(int[] ids, int n) {
    clear();
    // Cartesian tree by a right-spine stack: O(n).
    int[] spine = new int[Math.max(1, n)];
    int top = -1;
    for (int i = 0; i < n; i++) {
      int id = ids[i];
      node[STRIDE * id + PREV] = i == 0 ? NONE : ids[i - 1];
      node[STRIDE * id + NEXT] = i == n - 1 ? NONE : ids[i + 1];
      top = pushSpine(spine, top, id);
    }
    root = top >= 0 ? spine[0] : NONE;
    first = n > 0 ? ids[0] : NONE;
    last = n > 0 ? ids[n - 1] : NONE;
    size = n;
  }

  /** Makes this set a copy of {@code other} (ids below {@code idCount} are copied). */
  void copyFrom(OrderedIds other, int idCount) {
    other.syncTree();
    ensureCapacity(other.node.length / STRIDE);
    System.arraycopy(other.node, 0, node, 0, STRIDE * idCount);
    root = other.root;
    first = other.first;
    last = other.last;
    size = other.size;
    queued = 0;
    treeStale = false;
  }
}
