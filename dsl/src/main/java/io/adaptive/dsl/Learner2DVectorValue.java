/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss2D;
import io.adaptive.plan.VectorFunction2D;
import java.util.Objects;

record Learner2DVectorValue(Interval x, Interval y, int outputs, Loss2D loss,
    VectorFunction2D function) implements Learner2DVectorDefinition {

  Learner2DVectorValue {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public Learner2DVectorDefinition loss(Loss2D loss) {
    return new Learner2DVectorValue(x, y, outputs, Objects.requireNonNull(loss, "loss"), function);
  }

  @Override
  public String toString() {
    return "learner2DVector(" + x + ", " + y + ", " + outputs + ", ..).loss("
        + DslText.loss(loss) + ")";
  }
}
