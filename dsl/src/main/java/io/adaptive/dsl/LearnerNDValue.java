/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.LossND;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

record LearnerNDValue(Box box, LossND loss, ToDoubleFunction<double[]> function)
    implements LearnerNDDefinition {

  LearnerNDValue {
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public LearnerNDDefinition loss(LossND loss) {
    return new LearnerNDValue(box, Objects.requireNonNull(loss, "loss"), function);
  }

  @Override
  public String toString() {
    return "learnerND(" + box + ", ..).loss(" + DslText.loss(loss) + ")";
  }
}
