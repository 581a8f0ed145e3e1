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
 * @param exitStatus the worker's exit status once {@link JobState#EXITED}; -1 before
 */
public record JobStatus(String jobId, JobState state, int exitStatus) {

  public JobStatus {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(state, "state");
  }
}
