/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.function.LongToDoubleFunction;

/**
 * Estimates the mean of a noisy quantity, as python-adaptive's {@code AverageLearner}
 * (learners.md section 6): it samples seeds 0, 1, 2, … and its loss reaches 1 when the standard
 * error of the mean is at most {@code atol}, or at most {@code rtol·|mean|}; so stop it with
 * {@code until(lossBelow(1.0))}. Build one with {@link Adaptive#average}, then give at least one
 * tolerance; {@link Experiment#compile()} reports a learner with neither.
 */
public sealed interface AverageDefinition extends LearnerDefinition permits AverageValue {

  /** The quantity for one seed. */
  LongToDoubleFunction function();

  /**
   * Sets the absolute tolerance on the standard error of the mean, in the function's unit.
   * Default: none ({@code Infinity}). Zero, negative and NaN are reported by {@code compile()}.
   *
   * @param atol positive, e.g. {@code 0.01}
   * @return a copy with this tolerance; this learner is unchanged
   */
  AverageDefinition atol(double atol);

  /**
   * Sets the tolerance on the standard error relative to {@code |mean|} (0.01 is 1%). Default:
   * none ({@code Infinity}). Zero, negative and NaN are reported by {@code compile()}.
   *
   * @param rtol positive, e.g. {@code 0.01}
   * @return a copy with this tolerance; this learner is unchanged
   */
  AverageDefinition rtol(double rtol);

  /**
   * Sets how many samples it takes before the loss is finite. Default:
   * {@link io.adaptive.plan.Defaults#AVERAGE_MIN_POINTS} (2); less than 2 is reported by
   * {@code compile()}, because a standard error needs two samples.
   *
   * @param minPoints 2 or more
   * @return a copy with this minimum; this learner is unchanged
   */
  AverageDefinition minPoints(int minPoints);
}
