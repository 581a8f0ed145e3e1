/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss1D;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/** The one implementation of {@link Learner1DDefinition}. */
record Learner1DValue(Interval interval, Loss1D loss, DoubleUnaryOperator function)
    implements Learner1DDefinition {

  Learner1DValue {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public Learner1DDefinition loss(Loss1D loss) {
    return new Learner1DValue(interval, Objects.requireNonNull(loss, "loss"), function);
  }

  @Override
  public String toString() {
    return "learner1D(" + interval + ", ..).loss(" + DslText.loss(loss) + ")";
  }
}
