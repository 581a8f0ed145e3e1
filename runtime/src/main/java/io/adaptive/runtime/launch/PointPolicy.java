/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

/** What a worker does with a point whose evaluation went wrong. */
public enum PointPolicy {
  /** Evaluate it again, up to {@link Worker#MAX_ATTEMPTS} times in all; then fail the learner. */
  RETRY,
  /**
   * Record it as bad and go on: it stays pending, so the learner does not propose it again in this
   * job, and it is logged and counted.
   */
  SKIP,
  /** Fail the learner at once. A new job would fail the same way, so it is not resubmitted. */
  FAIL
}
