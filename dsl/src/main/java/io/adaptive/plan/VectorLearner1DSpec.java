/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A one-dimensional learner of a vector-valued function on [{@code lower}, {@code upper}]
 * (learners.md 3.10): the y range is tracked per component and the largest range scales them all.
 *
 * @param lower the lower bound, included
 * @param upper the upper bound, included; greater than {@code lower} in a compiled plan
 * @param outputs the length of every array the function returns; 1 or more
 * @param loss how the loss of one interval is measured
 * @param function the function to sample; returns {@code outputs} values; called from several
 *     threads at once
 */
public record VectorLearner1DSpec(
    double lower, double upper, int outputs, Loss1D loss, DoubleFunction<double[]> function)
    implements LearnerSpec {

  public VectorLearner1DSpec {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String type() {
    return "learner1DVector";
  }

  @Override
  public void define(Definition definition) {
    definition.number("lower", lower).number("upper", upper).integer("outputs", outputs);
    loss.define(definition);
  }
}
