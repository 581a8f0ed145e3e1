/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

/** A function of (x, y) with several outputs, for a vector-valued 2-D learner. */
@FunctionalInterface
public interface VectorFunction2D {

  /**
   * The outputs at (x, y).
   *
   * @return an array of the learner's number of outputs; a new array per call
   */
  double[] apply(double x, double y);
}
