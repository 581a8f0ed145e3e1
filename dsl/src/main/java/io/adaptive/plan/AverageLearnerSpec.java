/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Objects;
import java.util.function.LongToDoubleFunction;

/**
 * Estimates the mean of a noisy quantity from samples at seeds 0, 1, 2, … (python-adaptive's
 * {@code AverageLearner}, learners.md section 6). Its loss is at most 1 when the standard error of
 * the mean is at most {@code atol} or at most {@code rtol·|mean|}.
 *
 * @param atol absolute tolerance on the standard error; {@code Infinity} for none
 * @param rtol tolerance relative to {@code |mean|}; {@code Infinity} for none (not both)
 * @param minPoints the loss is infinite below this many samples; 2 or more
 * @param function the quantity for one seed; called from several threads at once
 */
public record AverageLearnerSpec(
    double atol, double rtol, int minPoints, LongToDoubleFunction function)
    implements LearnerSpec {

  public AverageLearnerSpec {
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String type() {
    return "average";
  }

  @Override
  public void define(Definition definition) {
    definition.number("atol", atol).number("rtol", rtol).integer("minPoints", minPoints);
  }
}
