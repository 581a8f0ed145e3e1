/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One job to start: a worker for one learner.
 *
 * @param learner the learner's name (for logs and the backend's own bookkeeping)
 * @param cores cores the job uses; the local backends count it against their budget
 * @param launch how to start the worker
 * @param log where the job's standard output and error go
 */
public record JobRequest(String learner, int cores, WorkerLaunch launch, Path log) {

  public JobRequest {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(launch, "launch");
    Objects.requireNonNull(log, "log");
  }
}
