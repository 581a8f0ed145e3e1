/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.OrderedIds.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link OrderedIds} against a {@link TreeMap}: bursts of insertions without a search (which queue
 * the treap's updates, or drop the queue for a rebuild from the list once it is long), searches
 * between them at random, copies, and the list's neighbours after every step.
 */
final class OrderedIdsTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void insertionsAndSearches_sameAsTreeMap(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int capacity = 6000;
    double[] xs = new double[capacity];
    OrderedIds set = new OrderedIds(16);
    set.ensureCapacity(capacity);
    TreeMap<Double, Integer> expected = new TreeMap<>();
    int ids = 0;
    while (ids < capacity - 1) {
      // a burst of insertions next to a known member (as the learner's ask-then-tell loop does),
      // from 1 to past the point where the queue is dropped
      int burst = random.nextInt(100) < 50 ? random.nextInt(1, 8) : random.nextInt(1, 1500);
      for (int i = 0; i < burst && ids < capacity - 1; i++) {
        int id = ids++;
        if (expected.isEmpty() || random.nextInt(100) < 10) {
          double x = random.nextDouble(-1, 1);
          while (expected.containsKey(x)) {
            x = random.nextDouble(-1, 1);
          }
          xs[id] = x;
          set.insert(xs, id);
        } else {
          // midpoint of a random existing gap, its left end known
          Double l = expected.ceilingKey(random.nextDouble(-1, 1));
          l = l == null ? expected.firstKey() : l;
          Double r = expected.higherKey(l);
          double x = r == null ? l + 1 : l + (r - l) / 2;
          if (x == l || (r != null && x == r)) {
            ids--;
            continue;
          }
          xs[id] = x;
          set.insertAfter(id, expected.get(l));
        }
        expected.put(xs[id], id);
      }
      int searches = random.nextInt(0, 4);
      for (int s = 0; s < searches; s++) {
        double x = random.nextInt(100) < 50 ? xs[random.nextInt(ids)] : random.nextDouble(-1.5, 1.5);
        var lower = expected.lowerEntry(x);
        var floor = expected.floorEntry(x);
        assertThat(set.lower(xs, x)).isEqualTo(lower == null ? NONE : lower.getValue());
        assertThat(set.floor(xs, x)).isEqualTo(floor == null ? NONE : floor.getValue());
      }
      if (random.nextInt(100) < 10) {
        OrderedIds copy = new OrderedIds(16);
        copy.ensureCapacity(capacity);
        copy.copyFrom(set, ids);
        set = copy;
      }
      assertThat(set.size()).isEqualTo(expected.size());
      assertThat(set.first()).isEqualTo(expected.firstEntry().getValue());
      assertThat(set.last()).isEqualTo(expected.lastEntry().getValue());
      int prev = NONE;
      for (int id = set.first(); id != NONE; id = set.next(id)) {
        assertThat(set.prev(id)).isEqualTo(prev);
        prev = id;
      }
    }
    int prev = NONE;
    for (var e : expected.entrySet()) {
      assertThat(set.prev(e.getValue())).isEqualTo(prev);
      assertThat(set.lower(xs, e.getKey())).isEqualTo(prev);
      assertThat(set.floor(xs, e.getKey())).isEqualTo(e.getValue());
      prev = e.getValue();
    }
  }
}
