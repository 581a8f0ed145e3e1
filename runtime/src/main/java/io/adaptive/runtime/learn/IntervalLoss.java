/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

/**
 * The loss of one interval of a {@link Learner1D} (learners.md §3.3), on scaled coordinates.
 *
 * <p>The interval is {@code (xs[nth], xs[nth + 1])}; the arrays hold {@code 2 + 2·nth} points, of
 * which those at positions {@code [from, to)} exist (the others lie past the ends of the evaluated
 * points, python-adaptive's {@code None}). Values are flattened: point {@code i}'s component {@code
 * c} is {@code ys[i * vdim + c]}.
 */
interface IntervalLoss {

  /** How many neighbouring intervals on each side the loss reads: 0 or 1. */
  int nth();

  double loss(double[] xs, double[] ys, int vdim, int from, int to);
}
