/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A learner as the run manager last saw it.
 *
 * @param name the learner's name from the plan
 * @param kind the learner type, e.g. {@code learner1D}
 * @param state where it is in its life
 * @param npoints evaluated points at the last report
 * @param loss its loss at the last report (infinite if unknown)
 * @param failures jobs of this learner that ended in failure
 * @param lastError the last failure's message and stack trace; empty if none
 * @param data the CSV snapshot its worker publishes at every save (may not exist yet)
 * @param history every progress report, oldest first
 */
public record LearnerStatus(
    String name,
    String kind,
    LearnerState state,
    long npoints,
    double loss,
    int failures,
    String lastError,
    Path data,
    List<Progress> history) {

  public LearnerStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(data, "data");
    history = List.copyOf(history);
  }
}
