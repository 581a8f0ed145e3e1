/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.LossND;
import java.util.function.ToDoubleFunction;

/**
 * A learner of {@code f(point)} on a box in 2 or 3 dimensions, python-adaptive's {@code
 * LearnerND}; made by {@link Adaptive#learnerND}. Immutable: {@link #loss(LossND)} returns a copy.
 */
public sealed interface LearnerNDDefinition extends LearnerDefinition permits LearnerNDValue {

  /** The box, as given; {@link Experiment#compile()} checks it. */
  Box box();

  /** The loss; {@link Adaptive#defaultLossND()} unless changed. */
  LossND loss();

  /** The function, called with a point of {@code box().dimension()} coordinates. */
  ToDoubleFunction<double[]> function();

  /**
   * Sets how simplices are ranked for refinement, e.g. {@link Adaptive#uniformLossND()}. Bad
   * parameters are reported by {@link Experiment#compile()}.
   *
   * @param loss the loss
   * @return a copy with this loss; this definition is unchanged
   * @throws NullPointerException if {@code loss} is null
   */
  LearnerNDDefinition loss(LossND loss);
}
