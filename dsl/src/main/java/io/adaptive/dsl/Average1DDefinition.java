/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.Loss1D;
import io.adaptive.plan.SeededFunction;

/**
 * A learner of a noisy function of one variable, as python-adaptive's {@code AverageLearner1D}
 * (learners.md section 7): a 1-D learner on the means of samples {@code f(seed, x)}, which also
 * resamples points whose mean is still uncertain. Build one with {@link Adaptive#average1D}; every
 * parameter has python-adaptive's default, and values out of range are reported by
 * {@link Experiment#compile()}. Immutable: each method returns a copy.
 */
public sealed interface Average1DDefinition extends LearnerDefinition permits Average1DValue {

  /** The domain. */
  Interval interval();

  /** One sample at (seed, x). */
  SeededFunction function();

  /**
   * Resample x while its error exceeds {@code delta} times its distance to the nearest neighbour
   * (in the x–mean plane). Default: {@link Defaults#AVERAGE_1D_DELTA} (0.2).
   *
   * @param delta in (0, 1]
   * @return a copy; this learner is unchanged
   */
  Average1DDefinition delta(double delta);

  /**
   * The mean lies within ± error with probability {@code 1 − 2·alpha}. Default:
   * {@link Defaults#AVERAGE_1D_ALPHA} (0.005).
   *
   * @param alpha in (0, 1]
   * @return a copy; this learner is unchanged
   */
  Average1DDefinition alpha(double alpha);

  /**
   * A new x is sampled until it has more than this fraction of its neighbours' mean sample count.
   * Default: {@link Defaults#AVERAGE_1D_NEIGHBOR_SAMPLING} (0.3).
   *
   * @param neighborSampling in (0, 1]
   * @return a copy; this learner is unchanged
   */
  Average1DDefinition neighborSampling(double neighborSampling);

  /**
   * Samples every x gets at least. Default: {@link Defaults#AVERAGE_1D_MIN_SAMPLES} (50).
   *
   * @param minSamples 0 or more, at most {@code maxSamples}
   * @return a copy; this learner is unchanged
   */
  Average1DDefinition minSamples(long minSamples);

  /**
   * An x with this many samples is not resampled. Default: no limit.
   *
   * @param maxSamples at least {@code minSamples}
   * @return a copy; this learner is unchanged
   */
  Average1DDefinition maxSamples(long maxSamples);

  /**
   * An x whose error is at most this is not resampled. Default: {@link
   * Defaults#AVERAGE_1D_MIN_ERROR} (0).
   *
   * @param minError 0 or more, in the function's unit
   * @return a copy; this learner is unchanged
   */
  Average1DDefinition minError(double minError);

  /**
   * How the loss of an interval of means is measured. Default: {@link Adaptive#defaultLoss()}.
   *
   * @param loss for example {@link Adaptive#uniformLoss()}
   * @return a copy; this learner is unchanged
   * @throws NullPointerException if {@code loss} is null
   */
  Average1DDefinition loss(Loss1D loss);
}
