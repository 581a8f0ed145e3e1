/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The state of a whole run at one instant, as given to {@link RunListener}s.
 *
 * @param experiment the plan's experiment name
 * @param store the run directory
 * @param time when the snapshot was taken
 * @param learners every learner of the plan, in plan order
 */
public record RunSnapshot(String experiment, Path store, Instant time, List<LearnerStatus> learners) {

  public RunSnapshot {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(time, "time");
    learners = List.copyOf(learners);
  }

  /** How many learners are in {@code state}. */
  public long count(LearnerState state) {
    return learners.stream().filter(l -> l.state() == state).count();
  }

  /** The directory charts are written to: {@code <store>/charts}. */
  public Path chartsDirectory() {
    return store.resolve("charts");
  }
}
