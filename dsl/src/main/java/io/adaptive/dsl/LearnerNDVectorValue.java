/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.LossND;
import java.util.Objects;
import java.util.function.Function;

record LearnerNDVectorValue(Box box, int outputs, LossND loss,
    Function<double[], double[]> function) implements LearnerNDVectorDefinition {

  LearnerNDVectorValue {
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public LearnerNDVectorDefinition loss(LossND loss) {
    return new LearnerNDVectorValue(box, outputs, Objects.requireNonNull(loss, "loss"), function);
  }

  @Override
  public String toString() {
    return "learnerNDVector(" + box + ", " + outputs + ", ..).loss(" + DslText.loss(loss) + ")";
  }
}
