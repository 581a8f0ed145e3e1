/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * A one-dimensional learner of a scalar function on the closed interval [{@code lower}, {@code upper}].
 *
 * @param lower the lower bound, included
 * @param upper the upper bound, included; greater than {@code lower} in a compiled plan
 * @param loss how the loss of one interval is measured
 * @param function the function to sample; called from several threads at once
 */
public record Learner1DSpec(double lower, double upper, Loss1D loss, DoubleUnaryOperator function)
    implements LearnerSpec {

  public Learner1DSpec {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String type() {
    return "learner1D";
  }

  @Override
  public void define(Definition definition) {
    definition.number("lower", lower).number("upper", upper);
    loss.define(definition);
  }
}
