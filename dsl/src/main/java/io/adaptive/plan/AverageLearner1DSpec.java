/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Objects;

/**
 * A one-dimensional learner of a noisy function (python-adaptive's {@code AverageLearner1D},
 * learners.md section 7): a Learner1D on the means, which also resamples a point while its
 * confidence interval is wide compared with its distance to its neighbours.
 *
 * @param lower the lower bound, included
 * @param upper the upper bound, included; greater than {@code lower} in a compiled plan
 * @param delta resample x while its error exceeds {@code delta} times its distance to the nearest
 *     neighbour; in (0, 1]
 * @param alpha the mean lies within ± error with probability {@code 1 − 2·alpha}; in (0, 1]
 * @param neighborSampling a new x is sampled until it has more than this fraction of its
 *     neighbours' mean sample count; in (0, 1]
 * @param minSamples samples every x gets at least; 0 or more
 * @param maxSamples an x with this many samples is not resampled; {@code minSamples} or more
 * @param minError an x whose error is at most this is not resampled; 0 or more
 * @param loss how the loss of one interval of means is measured
 * @param function one sample at (seed, x); called from several threads at once
 */
public record AverageLearner1DSpec(
    double lower,
    double upper,
    double delta,
    double alpha,
    double neighborSampling,
    long minSamples,
    long maxSamples,
    double minError,
    Loss1D loss,
    SeededFunction function)
    implements LearnerSpec {

  public AverageLearner1DSpec {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String type() {
    return "average1D";
  }

  @Override
  public void define(Definition definition) {
    definition.number("lower", lower).number("upper", upper).number("delta", delta)
        .number("alpha", alpha).number("neighborSampling", neighborSampling)
        .integer("minSamples", minSamples).integer("maxSamples", maxSamples)
        .number("minError", minError);
    loss.define(definition);
  }
}
