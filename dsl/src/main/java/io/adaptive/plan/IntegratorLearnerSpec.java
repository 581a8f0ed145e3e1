/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Integrates a function over [{@code lower}, {@code upper}] with Gonnet's CQUAD scheme
 * (python-adaptive's {@code IntegratorLearner}, learners.md section 8). It finishes on its own:
 * {@link Goal.Done} is met when the error estimate is below {@code tol·|integral|}.
 *
 * @param lower the lower bound
 * @param upper the upper bound; greater than {@code lower} in a compiled plan
 * @param tol the error tolerance relative to |integral|; finite, 0 or more (0 refines until no
 *     interval can be improved)
 * @param function the integrand; called from several threads at once
 */
public record IntegratorLearnerSpec(
    double lower, double upper, double tol, DoubleUnaryOperator function)
    implements LearnerSpec {

  public IntegratorLearnerSpec {
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String type() {
    return "integrator";
  }

  @Override
  public void define(Definition definition) {
    definition.number("lower", lower).number("upper", upper).number("tol", tol);
  }
}
