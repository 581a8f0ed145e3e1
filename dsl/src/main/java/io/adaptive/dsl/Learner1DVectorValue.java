/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss1D;
import java.util.Objects;
import java.util.function.DoubleFunction;

/** The one implementation of {@link Learner1DVectorDefinition}. */
record Learner1DVectorValue(
    Interval interval, int outputs, Loss1D loss, DoubleFunction<double[]> function)
    implements Learner1DVectorDefinition {

  Learner1DVectorValue {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public Learner1DVectorDefinition loss(Loss1D loss) {
    return new Learner1DVectorValue(interval, outputs, Objects.requireNonNull(loss, "loss"), function);
  }

  @Override
  public String toString() {
    return "learner1DVector(" + interval + ", " + outputs + ", ..).loss(" + DslText.loss(loss) + ")";
  }
}
