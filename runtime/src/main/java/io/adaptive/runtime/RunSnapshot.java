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
 * @param removed the learners the run's store keeps but its plan no longer has, by name: their
 *     records and data are kept, and running a plan that has them again resumes them
 */
public record RunSnapshot(String experiment, Path store, Instant time, List<LearnerStatus> learners,
    List<LearnerStatus> removed) {

  /** A snapshot of a run whose store has no learner beyond its plan's. */
  public RunSnapshot(String experiment, Path store, Instant time, List<LearnerStatus> learners) {
    this(experiment, store, time, learners, List.of());
  }

  public RunSnapshot {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(time, "time");
    learners = List.copyOf(learners);
    removed = List.copyOf(removed);
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
