/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import io.adaptive.runtime.launch.PointPolicy;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The run settings a {@link Runner} hands to its run manager and workers. */
record RunSettings(
    Duration saveInterval,
    Duration progressInterval,
    Duration pollInterval,
    int maxFailures,
    int maxInterruptions,
    Duration heartbeatTimeout,
    Predicate<String> killOn,
    int maxJobs,
    SubmissionPacer pacer,
    Duration evaluationTimeout,
    PointPolicy onError,
    PointPolicy onNonFinite,
    int learnersPerJob) {

  static RunSettings defaults() {
    return new RunSettings(Duration.ofSeconds(Runner.DEFAULT_SAVE_SECONDS), Duration.ofSeconds(1),
        Duration.ofMillis(500), 3, 100, Duration.ofMinutes(2), KillPatterns.NONE, 100,
        SubmissionPacer.perSecond(5), Duration.ZERO, PointPolicy.RETRY, PointPolicy.SKIP, 1);
  }

  /** A copy with the changes {@code change} makes to a builder of this one. */
  RunSettings with(Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return builder.build();
  }

  /** A mutable copy, for {@link #with} only. */
  static final class Builder {
    Duration saveInterval;
    Duration progressInterval;
    Duration pollInterval;
    int maxFailures;
    int maxInterruptions;
    Duration heartbeatTimeout;
    Predicate<String> killOn;
    int maxJobs;
    SubmissionPacer pacer;
    Duration evaluationTimeout;
    PointPolicy onError;
    PointPolicy onNonFinite;
    int learnersPerJob;

    private Builder(RunSettings s) {
      saveInterval = s.saveInterval;
      progressInterval = s.progressInterval;
      pollInterval = s.pollInterval;
      maxFailures = s.maxFailures;
      maxInterruptions = s.maxInterruptions;
      heartbeatTimeout = s.heartbeatTimeout;
      killOn = s.killOn;
      maxJobs = s.maxJobs;
      pacer = s.pacer;
      evaluationTimeout = s.evaluationTimeout;
      onError = s.onError;
      onNonFinite = s.onNonFinite;
      learnersPerJob = s.learnersPerJob;
    }

    private RunSettings build() {
      return new RunSettings(saveInterval, progressInterval, pollInterval, maxFailures,
          maxInterruptions, heartbeatTimeout, killOn, maxJobs, pacer, evaluationTimeout, onError,
          onNonFinite, learnersPerJob);
    }
  }
}
