/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import io.adaptive.AdaptiveException;
import java.util.Locale;

/**
 * An {@link IntegratorLearner} judged its integral divergent: one interval's estimate grew more
 * than twofold on being halved in more than 20 of its splits, and in more than half of them.
 *
 * <p>This is CQUAD's divergence test (python-adaptive's {@code DivergentIntegralError}). It usually
 * means a non-integrable singularity, such as {@code 1/x} at 0, inside or at the edge of the
 * bounds.
 */
public final class IntegratorDivergenceException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  private final double lower;
  private final double upper;
  private final int divergentSplits;
  private final int splits;

  IntegratorDivergenceException(double lower, double upper, int divergentSplits, int rdepth) {
    super(
        String.format(
            Locale.ROOT,
            "the integral looks divergent: the estimate grew more than twofold in %d of the %d"
                + " halvings that led to interval [%s, %s]; check the integrand for a"
                + " non-integrable singularity there, or integrate up to it and treat it"
                + " analytically",
            divergentSplits,
            rdepth - 1,
            lower,
            upper));
    this.lower = lower;
    this.upper = upper;
    this.divergentSplits = divergentSplits;
    this.splits = rdepth - 1;
  }

  /** The lower bound of the interval where divergence was detected. */
  public double lower() {
    return lower;
  }

  /** The upper bound of the interval where divergence was detected. */
  public double upper() {
    return upper;
  }

  /** How many of the interval's halvings looked divergent (more than 20). */
  public int divergentSplits() {
    return divergentSplits;
  }

  /** How many times the whole domain was halved to reach this interval. */
  public int splits() {
    return splits;
  }
}
