/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import java.util.Objects;

/**
 * A job's state at the last poll.
 *
 * @param jobId the backend's id of the job
 * @param state where it is
 * @param exitStatus the worker's exit status once {@link JobState#EXITED}; -1 before, and -1 if
 *     the job ended without one (killed by the scheduler before its worker could exit)
 * @param detail what the backend knows beyond the state, for people: a scheduler's state and
 *     reason such as {@code PENDING (Resources)} or {@code NODE_FAIL}; empty if nothing
 * @param infrastructure true if the job ended through no fault of its learner (node failure,
 *     preemption): the learner is resubmitted without being charged a failure
 */
public record JobStatus(String jobId, JobState state, int exitStatus, String detail,
    boolean infrastructure) {

  public JobStatus {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
  }

  /** A status without detail, as the local backends report it. */
  public JobStatus(String jobId, JobState state, int exitStatus) {
    this(jobId, state, exitStatus, "", false);
  }
}
