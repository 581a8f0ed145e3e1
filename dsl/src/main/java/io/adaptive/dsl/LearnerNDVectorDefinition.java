/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.LossND;
import java.util.function.Function;

/**
 * A learner of a vector-valued {@code f(point)} on a box in 2 or 3 dimensions, python-adaptive's
 * {@code LearnerND} with array output; made by {@link Adaptive#learnerNDVector}. Immutable: {@link
 * #loss(LossND)} returns a copy.
 */
public sealed interface LearnerNDVectorDefinition extends LearnerDefinition
    permits LearnerNDVectorValue {

  /** The box, as given; {@link Experiment#compile()} checks it. */
  Box box();

  /** How many values the function returns; {@link Experiment#compile()} checks it. */
  int outputs();

  /** The loss; {@link Adaptive#defaultLossND()} unless changed. */
  LossND loss();

  /** The function, called with a point of {@code box().dimension()} coordinates. */
  Function<double[], double[]> function();

  /**
   * Sets how simplices are ranked for refinement, e.g. {@link Adaptive#uniformLossND()}.
   *
   * @param loss the loss
   * @return a copy with this loss; this definition is unchanged
   * @throws NullPointerException if {@code loss} is null
   */
  LearnerNDVectorDefinition loss(LossND loss);
}
