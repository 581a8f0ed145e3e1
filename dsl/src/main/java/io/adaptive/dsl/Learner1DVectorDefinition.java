/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss1D;
import java.util.function.DoubleFunction;

/**
 * A learner of a vector-valued function of one variable on an interval (python-adaptive's
 * {@code Learner1D} with array output, learners.md 3.10): every component is scaled by the largest
 * component range. Build one with {@link Adaptive#learner1DVector}; it is immutable.
 */
public sealed interface Learner1DVectorDefinition extends LearnerDefinition
    permits Learner1DVectorValue {

  /** The domain. */
  Interval interval();

  /** How many values the function returns, as given. */
  int outputs();

  /** The loss; {@link io.adaptive.plan.Defaults#LOSS_1D} unless set with {@link #loss(Loss1D)}. */
  Loss1D loss();

  /** The function to sample; it returns {@link #outputs()} values. */
  DoubleFunction<double[]> function();

  /**
   * Sets how the loss of an interval is measured. Default: {@link Adaptive#defaultLoss()}.
   *
   * @param loss for example {@link Adaptive#curvatureLoss()}
   * @return a copy with this loss; this learner is unchanged
   * @throws NullPointerException if {@code loss} is null
   */
  Learner1DVectorDefinition loss(Loss1D loss);
}
