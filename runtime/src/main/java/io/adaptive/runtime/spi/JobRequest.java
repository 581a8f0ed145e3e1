/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One job to start: a worker for one learner, or for several packed into one job.
 *
 * @param learner the learner's name, or the names of a pack separated by spaces (for logs and the
 *     backend's own bookkeeping)
 * @param job the run manager's id of the job, unique within the run, e.g. {@code j7-m3x1k}; safe
 *     in file names
 * @param resources what the job asks of the machine; for a pack, the cores and memory of its
 *     learners added up and the longest walltime
 * @param runDirectory the run's directory, absolute; a backend keeps its own files under it
 * @param launch how to start the worker
 * @param log where the job's standard output and error go
 */
public record JobRequest(String learner, String job, ResourceShape resources, Path runDirectory,
    WorkerLaunch launch, Path log) {

  public JobRequest {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(runDirectory, "runDirectory");
    Objects.requireNonNull(launch, "launch");
    Objects.requireNonNull(log, "log");
  }

  /** The cores the job uses; the local backends count them against their budget. */
  public int cores() {
    return resources.cores();
  }
}
