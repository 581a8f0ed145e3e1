/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Sample;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A function made with {@link Adaptive#withExtras}: it gives a learner the value of each
 * {@link Sample}, and {@code compile()} recognises it and puts a data saver around the learner,
 * which calls {@link #sampler()} instead and keeps the extras too.
 */
record ExtrasFunction(DoubleFunction<Sample> sampler) implements java.util.function.DoubleUnaryOperator {

  ExtrasFunction {
    Objects.requireNonNull(sampler, "sampler");
  }

  @Override
  public double applyAsDouble(double x) {
    return sampler.apply(x).value();
  }
}
