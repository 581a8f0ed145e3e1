/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss2D;
import io.adaptive.plan.VectorFunction2D;

/**
 * A learner of a vector-valued function of (x, y) on a rectangle; made by
 * {@link Adaptive#learner2DVector}. Immutable: {@link #loss(Loss2D)} returns a copy.
 */
public sealed interface Learner2DVectorDefinition extends LearnerDefinition
    permits Learner2DVectorValue {

  /** The x range, as given. */
  Interval x();

  /** The y range, as given. */
  Interval y();

  /** How many values the function returns, as given. */
  int outputs();

  /** The loss; {@link Adaptive#defaultLoss2D()} unless changed. */
  Loss2D loss();

  /** The function. */
  VectorFunction2D function();

  /**
   * Sets how triangles are ranked for refinement.
   *
   * @param loss the loss; {@link Adaptive#minimizeTriangleSurfaceLoss2D()} needs one output
   * @return a copy with this loss; this definition is unchanged
   * @throws NullPointerException if {@code loss} is null
   */
  Learner2DVectorDefinition loss(Loss2D loss);
}
