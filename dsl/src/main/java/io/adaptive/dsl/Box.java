/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A box: one {@link Interval} per coordinate, made by {@link Adaptive#box}. Recorded as given;
 * {@link Experiment#compile()} checks the number of intervals and each interval.
 *
 * @param intervals the range of each coordinate, in order (x, y, z)
 */
public record Box(List<Interval> intervals) {

  public Box {
    intervals = List.copyOf(intervals);
  }

  /** The number of coordinates. */
  public int dimension() {
    return intervals.size();
  }

  /** The box as it is written in the DSL, e.g. {@code box(interval(0.0, 1.0), interval(0.0, 2.0))}. */
  @Override
  public String toString() {
    return intervals.stream().map(Interval::toString).collect(Collectors.joining(", ", "box(", ")"));
  }
}
