/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Objects;

/**
 * python-adaptive's {@code Learner2D} with array output: samples {@code function(x, y)}, which
 * returns {@code outputs} values, on [{@code xLower}, {@code xUpper}] × [{@code yLower},
 * {@code yUpper}].
 */
public record VectorLearner2DSpec(double xLower, double xUpper, double yLower, double yUpper,
    int outputs, Loss2D loss, VectorFunction2D function) implements LearnerSpec {

  public VectorLearner2DSpec {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String type() {
    return "learner2DVector";
  }

  @Override
  public void define(Definition definition) {
    definition.number("xLower", xLower).number("xUpper", xUpper)
        .number("yLower", yLower).number("yUpper", yUpper).integer("outputs", outputs);
    loss.define(definition);
  }
}
