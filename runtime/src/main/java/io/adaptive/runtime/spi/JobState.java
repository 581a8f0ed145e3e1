/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

/** Where a job is, as a backend sees it. */
public enum JobState {
  /** Submitted, waiting for resources. */
  QUEUED,
  /** Its worker is running. */
  RUNNING,
  /** It has ended; the exit status says how. */
  EXITED,
  /** The backend no longer knows it (a scheduler forgot a finished job). Not by itself a failure. */
  UNKNOWN
}
