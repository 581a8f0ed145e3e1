/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

/**
 * A closed interval [{@code lower}, {@code upper}] of real numbers: the domain of a 1-D learner.
 * Build one with {@link Adaptive#interval(double, double)}.
 *
 * <p>Records its bounds as given; {@link Experiment#compile()} reports bounds that are reversed,
 * equal, NaN or infinite.
 *
 * @param lower the lower bound, included
 * @param upper the upper bound, included
 */
public record Interval(double lower, double upper) {

  /** The interval as it is written in the DSL, e.g. {@code interval(0.0, 3.0)}. */
  @Override
  public String toString() {
    return "interval(" + lower + ", " + upper + ")";
  }
}
