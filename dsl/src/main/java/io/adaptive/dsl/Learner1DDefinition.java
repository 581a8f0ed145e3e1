/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss1D;
import java.util.function.DoubleUnaryOperator;

/**
 * A learner of a scalar function of one variable on an interval, as python-adaptive's
 * {@code Learner1D}: it samples where the {@link Loss1D loss} is largest. Build one with
 * {@link Adaptive#learner1D(Interval, DoubleUnaryOperator)}; it is immutable.
 *
 * <p>If the function is made with {@link Adaptive#withExtras}, the plan holds a data saver around
 * this learner, which also stores the extras of every point.
 */
public sealed interface Learner1DDefinition extends LearnerDefinition permits Learner1DValue {

  /** The domain. */
  Interval interval();

  /** The loss; {@link io.adaptive.plan.Defaults#LOSS_1D} unless set with {@link #loss(Loss1D)}. */
  Loss1D loss();

  /** The function to sample; it may be called from several threads at once. */
  DoubleUnaryOperator function();

  /**
   * Sets how the loss of an interval is measured, which decides where the learner samples next.
   *
   * <p>Default: {@link Adaptive#defaultLoss()}. Invalid parameters (for example a negative
   * {@code resolutionLoss} length) are reported by {@link Experiment#compile()}.
   *
   * @param loss for example {@link Adaptive#curvatureLoss()}
   * @return a copy with this loss; this learner is unchanged
   * @throws NullPointerException if {@code loss} is null
   */
  Learner1DDefinition loss(Loss1D loss);
}
