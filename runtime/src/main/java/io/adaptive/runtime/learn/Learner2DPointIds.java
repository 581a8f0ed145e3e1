/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

/**
 * An open-addressing hash map from a point (x, y) to a dense {@code int} id, without boxing; the
 * 2-D twin of {@link PointIds}, with the same point equality (bitwise, 0.0 equal to −0.0).
 */
final class Learner2DPointIds {

  private static final long EMPTY = -1;

  private long[] table; // kx, ky, id (EMPTY if free)
  private int size;
  private int mask;

  Learner2DPointIds(int expected) {
    int slots = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    table = newTable(slots);
    mask = slots - 1;
  }

  private static long[] newTable(int slots) {
    long[] t = new long[3 * slots];
    for (int i = 2; i < t.length; i += 3) {
      t[i] = EMPTY;
    }
    return t;
  }

  private static int slot(long kx, long ky, int mask) {
    long z = (kx * 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(ky * 0xC2B2AE3D27D4EB4FL, 31);
    z = (z ^ (z >>> 32)) * 0xBF58476D1CE4E5B9L;
    return (int) (z ^ (z >>> 29)) & mask;
  }

  /** The id of (x, y), or -1. */
  int get(double x, double y) {
    long kx = PointIds.key(x);
    long ky = PointIds.key(y);
    long[] t = table;
    for (int i = slot(kx, ky, mask); ; i = (i + 1) & mask) {
      long v = t[3 * i + 2];
      if (v == EMPTY || (t[3 * i] == kx && t[3 * i + 1] == ky)) {
        return (int) v;
      }
    }
  }

  /** The id of (x, y); if it has none, maps it to {@code fresh} and returns that. */
  int getOrPut(double x, double y, int fresh) {
    if ((size + 1) * 2 > mask + 1) {
      grow();
    }
    long kx = PointIds.key(x);
    long ky = PointIds.key(y);
    long[] t = table;
    for (int i = slot(kx, ky, mask); ; i = (i + 1) & mask) {
      long v = t[3 * i + 2];
      if (v == EMPTY) {
        t[3 * i] = kx;
        t[3 * i + 1] = ky;
        t[3 * i + 2] = fresh;
        size++;
        return fresh;
      }
      if (t[3 * i] == kx && t[3 * i + 1] == ky) {
        return (int) v;
      }
    }
  }

  private void grow() {
    long[] old = table;
    int slots = 2 * (mask + 1);
    table = newTable(slots);
    mask = slots - 1;
    for (int j = 0; j < old.length; j += 3) {
      if (old[j + 2] != EMPTY) {
        int i = slot(old[j], old[j + 1], mask);
        while (table[3 * i + 2] != EMPTY) {
          i = (i + 1) & mask;
        }
        table[3 * i] = old[j];
        table[3 * i + 1] = old[j + 1];
        table[3 * i + 2] = old[j + 2];
      }
    }
  }
}
