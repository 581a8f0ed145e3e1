/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import java.time.Duration;
import java.util.function.Predicate;

/** The run settings a {@link Runner} hands to its run manager and workers. */
record RunSettings(
    Duration saveInterval,
    Duration progressInterval,
    Duration pollInterval,
    int maxFailures,
    Duration heartbeatTimeout,
    Predicate<String> killOn) {

  static RunSettings defaults() {
    return new RunSettings(Duration.ofSeconds(Runner.DEFAULT_SAVE_SECONDS), Duration.ofSeconds(1),
        Duration.ofMillis(500), 3, Duration.ofMinutes(2), line -> false);
  }

  RunSettings withSaveInterval(Duration interval) {
    return new RunSettings(interval, progressInterval, pollInterval, maxFailures,
        heartbeatTimeout, killOn);
  }

  RunSettings withProgressInterval(Duration interval) {
    return new RunSettings(saveInterval, interval, pollInterval, maxFailures, heartbeatTimeout,
        killOn);
  }

  RunSettings withPollInterval(Duration interval) {
    return new RunSettings(saveInterval, progressInterval, interval, maxFailures,
        heartbeatTimeout, killOn);
  }

  RunSettings withMaxFailures(int count) {
    return new RunSettings(saveInterval, progressInterval, pollInterval, count, heartbeatTimeout,
        killOn);
  }

  RunSettings withHeartbeatTimeout(Duration timeout) {
    return new RunSettings(saveInterval, progressInterval, pollInterval, maxFailures, timeout,
        killOn);
  }

  RunSettings withKillOn(Predicate<String> predicate) {
    return new RunSettings(saveInterval, progressInterval, pollInterval, maxFailures,
        heartbeatTimeout, predicate);
  }
}
