/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Objects;

/**
 * A learner together with the function it samples.
 *
 * @param learner the algorithm and its data
 * @param function the user's function; called from several threads at once
 */
public record BoundLearner<P, V>(Learner<P, V> learner, PointFunction<P, V> function) {

  public BoundLearner {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(function, "function");
  }

  /** The user's function at one point; it may throw, and the worker retries. */
  @FunctionalInterface
  public interface PointFunction<P, V> {
    V apply(P point) throws Exception;
  }
}
