/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import com.google.common.util.concurrent.RateLimiter;

/**
 * Paces job submissions, as sites ask (for example at most one per second). The run manager asks
 * before each submission and never blocks on it: a submission that is not allowed yet waits for a
 * later turn of the manager's loop. Tests replace it with {@link #unlimited()}.
 */
public interface SubmissionPacer {

  /** True if one more submission may go now; it then counts against the rate. */
  boolean tryAcquire();

  /** At most {@code perSecond} submissions per second on average, in bursts of up to a second's worth. */
  static SubmissionPacer perSecond(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("SubmissionPacer.perSecond(" + perSecond + "): the rate"
          + " must be positive, e.g. perSecond(1)");
    }
    RateLimiter limiter = RateLimiter.create(perSecond);
    return limiter::tryAcquire;
  }

  /** No pacing. */
  static SubmissionPacer unlimited() {
    return () -> true;
  }
}
