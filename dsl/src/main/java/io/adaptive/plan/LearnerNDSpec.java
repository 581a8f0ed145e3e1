/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * python-adaptive's {@code LearnerND} in 2 or 3 dimensions: samples {@code function(point)} on the
 * box [{@code lower[i]}, {@code upper[i]}].
 *
 * @param lower the lower bound of each coordinate, 2 or 3 of them
 * @param upper the upper bound of each coordinate
 * @param loss how simplices are ranked
 * @param seed seeds the random points drawn before the evaluated points span a simplex
 * @param function the function; it receives its own copy of the point
 */
public record LearnerNDSpec(List<Double> lower, List<Double> upper, LossND loss, long seed,
    ToDoubleFunction<double[]> function) implements LearnerSpec {

  public LearnerNDSpec {
    lower = List.copyOf(lower);
    upper = List.copyOf(upper);
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
    if (lower.size() != upper.size()) {
      throw new IllegalArgumentException(
          lower.size() + " lower bounds but " + upper.size() + " upper bounds");
    }
  }

  @Override
  public String type() {
    return "learnerND";
  }

  @Override
  public void define(Definition definition) {
    definition.numbers("lower", lower).numbers("upper", upper);
    loss.define(definition);
    definition.integer("seed", seed);
  }
}
