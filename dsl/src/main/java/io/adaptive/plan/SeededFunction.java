/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

/**
 * A noisy function of one variable: one sample of it at {@code x}, drawn with {@code seed}. The
 * same seed and x must give the same value, so that a resumed run reproduces its data.
 */
@FunctionalInterface
public interface SeededFunction {

  /**
   * One sample at {@code x}.
   *
   * @param seed the sample's seed, 0 or more; seed it a {@code SplittableRandom}, for example
   * @param x the point, within the learner's interval
   * @return the sampled value
   */
  double apply(long seed, double x);
}
