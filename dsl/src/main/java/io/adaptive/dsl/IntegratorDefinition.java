/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.function.DoubleUnaryOperator;

/**
 * The integral of a function over an interval, computed adaptively with Gonnet's CQUAD scheme, as
 * python-adaptive's {@code IntegratorLearner} (learners.md section 8). It finishes on its own:
 * stop it with {@code until(done())}. Build one with {@link Adaptive#integrator}; it is immutable.
 */
public sealed interface IntegratorDefinition extends LearnerDefinition permits IntegratorValue {

  /** The interval of integration. */
  Interval interval();

  /** The error tolerance relative to |integral|, as given. */
  double tol();

  /** The integrand. */
  DoubleUnaryOperator function();
}
