/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Arrays;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/**
 * A set of seeds for {@link AverageLearner}. Seeds are handed out as {@code 0, 1, 2, …}, so the
 * dense ones live in a bitmap (a hash set would cost a cache miss per point once it outgrows the
 * cache); any seed far from the others goes to a hash set.
 */
final class AverageLearnerSeeds {

  /** Seeds at or above this go to the hash set, however dense. */
  private static final long BITMAP_LIMIT = 1L << 32;

  private long[] words = new long[16];
  private final LongHashSet sparse = new LongHashSet();
  private int size;

  boolean contains(long seed) {
    if (seed >= 0 && seed < BITMAP_LIMIT) {
      int word = (int) (seed >>> 6);
      if (word < words.length && (words[word] & (1L << seed)) != 0) {
        return true;
      }
    }
    return sparse.notEmpty() && sparse.contains(seed);
  }

  /** Adds {@code seed}; false if it was there already. */
  boolean add(long seed) {
    if (seed >= 0 && seed < BITMAP_LIMIT) {
      int word = (int) (seed >>> 6);
      if (word >= words.length) {
        if (word > 2 * (long) words.length + 1024) {
          return addSparse(seed); // far ahead of the others: do not allocate the gap
        }
        words = Arrays.copyOf(words, Math.max(word + 1, 2 * words.length));
      }
      long bit = 1L << seed;
      if ((words[word] & bit) != 0) {
        return false;
      }
      if (sparse.notEmpty() && sparse.contains(seed)) {
        return false;
      }
      words[word] |= bit;
      size++;
      return true;
    }
    return addSparse(seed);
  }

  private boolean addSparse(long seed) {
    if (sparse.add(seed)) {
      size++;
      return true;
    }
    return false;
  }

  /** Removes {@code seed}; false if it was not there. */
  boolean remove(long seed) {
    if (seed >= 0 && seed < BITMAP_LIMIT) {
      int word = (int) (seed >>> 6);
      long bit = 1L << seed;
      if (word < words.length && (words[word] & bit) != 0) {
        words[word] &= ~bit;
        size--;
        return true;
      }
    }
    if (sparse.notEmpty() && sparse.remove(seed)) {
      size--;
      return true;
    }
    return false;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    Arrays.fill(words, 0);
    sparse.clear();
    size = 0;
  }
}
