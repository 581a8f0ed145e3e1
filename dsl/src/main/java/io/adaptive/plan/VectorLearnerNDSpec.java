/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * python-adaptive's {@code LearnerND} with array output, in 2 or 3 dimensions: samples {@code
 * function(point)}, an array of {@code outputs} values, on the box [{@code lower[i]}, {@code
 * upper[i]}].
 *
 * @param lower the lower bound of each coordinate, 2 or 3 of them
 * @param upper the upper bound of each coordinate
 * @param outputs the length of the arrays the function returns
 * @param loss how simplices are ranked; the lifted volumes use every output
 * @param seed seeds the random points drawn before the evaluated points span a simplex
 * @param function the function; it receives its own copy of the point
 */
public record VectorLearnerNDSpec(List<Double> lower, List<Double> upper, int outputs,
    LossND loss, long seed, Function<double[], double[]> function) implements LearnerSpec {

  public VectorLearnerNDSpec {
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
    return "learnerNDVector";
  }

  @Override
  public void define(Definition definition) {
    definition.numbers("lower", lower).numbers("upper", upper).integer("outputs", outputs);
    loss.define(definition);
    definition.integer("seed", seed);
  }
}
