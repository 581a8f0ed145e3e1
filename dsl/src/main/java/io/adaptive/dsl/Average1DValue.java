/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss1D;
import io.adaptive.plan.SeededFunction;
import java.util.Objects;

/**
 * The one implementation of {@link Average1DDefinition}. A null parameter means "not said";
 * {@code compile()} fills it from {@link io.adaptive.plan.Defaults}.
 */
record Average1DValue(
    Interval interval,
    Double delta,
    Double alpha,
    Double neighborSampling,
    Long minSamples,
    Long maxSamples,
    Double minError,
    Loss1D loss,
    SeededFunction function)
    implements Average1DDefinition {

  Average1DValue {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public Average1DDefinition delta(double delta) {
    return new Average1DValue(interval, delta, alpha, neighborSampling, minSamples, maxSamples,
        minError, loss, function);
  }

  @Override
  public Average1DDefinition alpha(double alpha) {
    return new Average1DValue(interval, delta, alpha, neighborSampling, minSamples, maxSamples,
        minError, loss, function);
  }

  @Override
  public Average1DDefinition neighborSampling(double neighborSampling) {
    return new Average1DValue(interval, delta, alpha, neighborSampling, minSamples, maxSamples,
        minError, loss, function);
  }

  @Override
  public Average1DDefinition minSamples(long minSamples) {
    return new Average1DValue(interval, delta, alpha, neighborSampling, minSamples, maxSamples,
        minError, loss, function);
  }

  @Override
  public Average1DDefinition maxSamples(long maxSamples) {
    return new Average1DValue(interval, delta, alpha, neighborSampling, minSamples, maxSamples,
        minError, loss, function);
  }

  @Override
  public Average1DDefinition minError(double minError) {
    return new Average1DValue(interval, delta, alpha, neighborSampling, minSamples, maxSamples,
        minError, loss, function);
  }

  @Override
  public Average1DDefinition loss(Loss1D loss) {
    return new Average1DValue(interval, delta, alpha, neighborSampling, minSamples, maxSamples,
        minError, Objects.requireNonNull(loss, "loss"), function);
  }

  @Override
  public String toString() {
    return "average1D(" + interval + ", ..)";
  }
}
