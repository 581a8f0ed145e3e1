/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

/**
 * An open-addressing hash map from a {@code double} point to a dense {@code int} id, without
 * boxing. Each slot keeps its key and id side by side, so a lookup costs one cache miss. Ids are
 * never removed: a forgotten pending point keeps its id and gets it back if it returns.
 */
final class PointIds {

  private static final long EMPTY = -1;

  private long[] table; // key, id (EMPTY if the slot is free)
  private int size;
  private int mask; // over slots

  PointIds(int expected) {
    int slots = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    table = newTable(slots);
    mask = slots - 1;
  }

  private static long[] newTable(int slots) {
    long[] t = new long[2 * slots];
    for (int i = 1; i < t.length; i += 2) {
      t[i] = EMPTY;
    }
    return t;
  }

  /** Equality of points: bitwise, except that 0.0 and -0.0 are the same point (as in Python). */
  static long key(double x) {
    return x == 0.0 ? 0L : Double.doubleToLongBits(x);
  }

  // splitmix64's finaliser: the low mantissa bits of points made by bisection are all zero.
  private static int slot(long key, int mask) {
    long z = key * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 32)) * 0xBF58476D1CE4E5B9L;
    return (int) (z ^ (z >>> 29)) & mask;
  }

  /** The id of {@code x}, or -1. */
  int get(double x) {
    long k = key(x);
    long[] t = table;
    for (int i = slot(k, mask); ; i = (i + 1) & mask) {
      long v = t[2 * i + 1];
      if (v == EMPTY || t[2 * i] == k) {
        return (int) v;
      }
    }
  }

  /** The id of {@code x}; if it has none, maps it to {@code fresh} and returns that. */
  int getOrPut(double x, int fresh) {
    if ((size + 1) * 2 > mask + 1) {
      grow();
    }
    long k = key(x);
    long[] t = table;
    for (int i = slot(k, mask); ; i = (i + 1) & mask) {
      long v = t[2 * i + 1];
      if (v == EMPTY) {
        t[2 * i] = k;
        t[2 * i + 1] = fresh;
        size++;
        return fresh;
      }
      if (t[2 * i] == k) {
        return (int) v;
      }
    }
  }

  private void grow() {
    long[] old = table;
    int slots = 2 * (mask + 1);
    table = newTable(slots);
    mask = slots - 1;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j + 1] != EMPTY) {
        int i = slot(old[j], mask);
        while (table[2 * i + 1] != EMPTY) {
          i = (i + 1) & mask;
        }
        table[2 * i] = old[j];
        table[2 * i + 1] = old[j + 1];
      }
    }
  }
}
