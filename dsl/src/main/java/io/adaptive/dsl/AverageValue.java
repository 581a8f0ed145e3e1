/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.Objects;
import java.util.function.LongToDoubleFunction;

/**
 * The one implementation of {@link AverageDefinition}. A null tolerance or minimum means "not
 * said"; {@code compile()} fills it in.
 */
record AverageValue(Double atol, Double rtol, Integer minPoints, LongToDoubleFunction function)
    implements AverageDefinition {

  AverageValue {
    Objects.requireNonNull(function, "function");
  }

  @Override
  public AverageDefinition atol(double atol) {
    return new AverageValue(atol, rtol, minPoints, function);
  }

  @Override
  public AverageDefinition rtol(double rtol) {
    return new AverageValue(atol, rtol, minPoints, function);
  }

  @Override
  public AverageDefinition minPoints(int minPoints) {
    return new AverageValue(atol, rtol, minPoints, function);
  }

  @Override
  public String toString() {
    return "average(..)" + (atol == null ? "" : ".atol(" + atol + ")")
        + (rtol == null ? "" : ".rtol(" + rtol + ")")
        + (minPoints == null ? "" : ".minPoints(" + minPoints + ")");
  }
}
