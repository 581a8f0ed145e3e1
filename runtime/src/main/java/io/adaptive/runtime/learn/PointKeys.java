/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Arrays;

/**
 * Map keys for points of any learner, with the point equality of learners.md §1: exact, except that
 * 0.0 and −0.0 are the same coordinate (as in Python, and as {@link PointIds} has it).
 */
final class PointKeys {

  private PointKeys() {}

  /**
   * A key equal to the key of every point equal to {@code point}: a {@code Double} with −0.0 made
   * 0.0, an array wrapped so that it compares by content, any other point itself (records compare
   * their components).
   */
  static Object of(Object point) {
    if (point instanceof Double x) {
      return x == 0.0 ? (Object) 0.0 : x;
    }
    if (point instanceof double[] xs) {
      return new ArrayKey(xs);
    }
    return point;
  }

  /** A {@code double[]} compared by content, with −0.0 made 0.0; the array is copied. */
  private static final class ArrayKey {
    private final double[] coordinates;
    private final int hash;

    ArrayKey(double[] xs) {
      coordinates = xs.clone();
      for (int i = 0; i < coordinates.length; i++) {
        if (coordinates[i] == 0.0) {
          coordinates[i] = 0.0;
        }
      }
      hash = Arrays.hashCode(coordinates);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ArrayKey that && Arrays.equals(coordinates, that.coordinates);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
