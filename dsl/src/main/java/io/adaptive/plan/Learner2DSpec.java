/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Objects;
import java.util.function.DoubleBinaryOperator;

/**
 * python-adaptive's {@code Learner2D}: samples {@code z = function(x, y)} on the rectangle
 * [{@code xLower}, {@code xUpper}] × [{@code yLower}, {@code yUpper}].
 */
public record Learner2DSpec(double xLower, double xUpper, double yLower, double yUpper,
    Loss2D loss, DoubleBinaryOperator function) implements LearnerSpec {

  public Learner2DSpec {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String type() {
    return "learner2D";
  }

  @Override
  public void define(Definition definition) {
    definition.number("xLower", xLower).number("xUpper", xUpper)
        .number("yLower", yLower).number("yUpper", yUpper);
    loss.define(definition);
  }
}
