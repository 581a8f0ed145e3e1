/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

/** Where a learner is in its life, as the run manager records it. */
public enum LearnerState {
  /** Waiting for a job: not started yet, or its last job ended before the goal. */
  PENDING,
  /** Its job is submitted and waits for the backend's resources (a batch queue, a core budget). */
  QUEUED,
  /** Its job runs. */
  RUNNING,
  /** The goal was reached. */
  DONE,
  /** Its failure budget is spent; the run went on without it. */
  FAILED,
  /** The user cancelled it; its data is kept, and running the program again resumes it. */
  CANCELLED
}
