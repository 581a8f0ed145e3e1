/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/** The one implementation of {@link IntegratorDefinition}. */
record IntegratorValue(Interval interval, double tol, DoubleUnaryOperator function)
    implements IntegratorDefinition {

  IntegratorValue {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String toString() {
    return "integrator(" + interval + ", " + tol + ", ..)";
  }
}
