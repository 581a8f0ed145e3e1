/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * The loss of each interval {@code (l, r)} of {@link AverageLearner1D}, ranked as learners.md 3.2
 * says: by the loss rounded to 12 decimals (an infinite or NaN loss ranks by its scaled width),
 * largest first, then by the smaller left end, then the smaller right end.
 */
final class AverageLearner1DIntervals {

  /** One interval; equal when both ends are bitwise equal, as Python's tuple keys are. */
  record Interval(double l, double r) {}

  /** An interval with its stored loss and its rank (the rounded, finite loss). */
  static final class Entry {
    final double l;
    final double r;
    final double loss;
    final double rank;

    Entry(double l, double r, double loss, double rank) {
      this.l = l;
      this.r = r;
      this.loss = loss;
      this.rank = rank;
    }
  }

  private final double xScale;
  private final HashMap<Interval, Entry> byInterval = new HashMap<>();
  private final TreeSet<Entry> ranked =
      new TreeSet<>(
          (p, q) -> {
            int c = Double.compare(q.rank, p.rank);
            if (c != 0) {
              return c;
            }
            c = Double.compare(p.l, q.l);
            return c != 0 ? c : Double.compare(p.r, q.r);
          });

  AverageLearner1DIntervals(double xScale) {
    this.xScale = xScale;
  }

  /** Sets the loss of {@code (l, r)}, adding the interval if it is new. */
  void put(double l, double r, double loss) {
    Entry entry = new Entry(l, r, loss, rank(l, r, loss, xScale));
    Entry old = byInterval.put(new Interval(l, r), entry);
    if (old != null) {
      ranked.remove(old);
    }
    ranked.add(entry);
  }

  /** The loss of {@code (l, r)}, or {@code missing} if there is no such interval. */
  double get(double l, double r, double missing) {
    Entry entry = byInterval.get(new Interval(l, r));
    return entry == null ? missing : entry.loss;
  }

  /** Removes {@code (l, r)} if present. */
  void remove(double l, double r) {
    Entry old = byInterval.remove(new Interval(l, r));
    if (old != null) {
      ranked.remove(old);
    }
  }

  boolean isEmpty() {
    return ranked.isEmpty();
  }

  /** The highest-ranked interval; the map must not be empty. */
  Entry first() {
    return ranked.first();
  }

  /** The intervals, in rank order (a copy). */
  List<Interval> intervals() {
    List<Interval> all = new ArrayList<>(ranked.size());
    for (Entry e : ranked) {
      all.add(new Interval(e.l, e.r));
    }
    return all;
  }

  /** Replaces this map's content with {@code other}'s (entries are immutable, so shared). */
  void copyFrom(AverageLearner1DIntervals other) {
    byInterval.clear();
    ranked.clear();
    byInterval.putAll(other.byInterval);
    ranked.addAll(other.ranked);
  }

  /**
   * The rank of learners.md 3.2: {@code round12} of the loss, or of the width divided by the x
   * scale when the loss is infinite or NaN.
   */
  static double rank(double l, double r, double loss, double xScale) {
    double v = loss;
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      v = (r - l) / xScale;
    }
    double shifted = v * 1e12 + 0.5;
    return (shifted >= 0 ? Math.floor(shifted) : Math.ceil(shifted)) / 1e12;
  }
}
