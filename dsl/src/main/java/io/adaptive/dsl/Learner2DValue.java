/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss2D;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;

record Learner2DValue(Interval x, Interval y, Loss2D loss, DoubleBinaryOperator function)
    implements Learner2DDefinition {

  Learner2DValue {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public Learner2DDefinition loss(Loss2D loss) {
    return new Learner2DValue(x, y, Objects.requireNonNull(loss, "loss"), function);
  }

  @Override
  public String toString() {
    return "learner2D(" + x + ", " + y + ", ..).loss(" + DslText.loss(loss) + ")";
  }
}
