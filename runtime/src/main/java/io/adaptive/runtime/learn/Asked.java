/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.List;

/**
 * The answer to {@link Learner#ask}: points to evaluate and, for each, the expected loss
 * improvement (advisory, possibly infinite).
 *
 * @param points the points, in the order they should be evaluated
 * @param improvements one expected loss improvement per point
 */
public record Asked<P>(List<P> points, List<Double> improvements) {

  public Asked {
    points = List.copyOf(points);
    improvements = List.copyOf(improvements);
    if (points.size() != improvements.size()) {
      throw new IllegalArgumentException(
          points.size() + " points but " + improvements.size() + " improvements");
    }
  }

  /** No points. */
  public static <P> Asked<P> none() {
    return new Asked<>(List.of(), List.of());
  }
}
