/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss2D;
import java.util.function.DoubleBinaryOperator;

/**
 * A learner of {@code z = f(x, y)} on a rectangle, python-adaptive's {@code Learner2D}; made by
 * {@link Adaptive#learner2D}. Immutable: {@link #loss(Loss2D)} returns a copy.
 */
public sealed interface Learner2DDefinition extends LearnerDefinition permits Learner2DValue {

  /** The x range, as given; {@link Experiment#compile()} checks it. */
  Interval x();

  /** The y range, as given; {@link Experiment#compile()} checks it. */
  Interval y();

  /** The loss; {@link Adaptive#defaultLoss2D()} unless changed. */
  Loss2D loss();

  /** The function, called with (x, y). */
  DoubleBinaryOperator function();

  /**
   * Sets how triangles are ranked for refinement, e.g. {@link Adaptive#uniformLoss2D()}. Bad
   * parameters are reported by {@link Experiment#compile()}.
   *
   * @param loss the loss
   * @return a copy with this loss; this definition is unchanged
   * @throws NullPointerException if {@code loss} is null
   */
  Learner2DDefinition loss(Loss2D loss);
}
