/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.launch.JobTasks;
import io.adaptive.runtime.launch.Role;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /** The processes the job runs: {@code resources().tasks()}. */
  public int tasks() {
    return resources.tasks();
  }

  /**
   * Where the worker of a multi-task job publishes its address for the job's other tasks:
   * {@code <run dir>/jobs/<job>.evaluators}. Every task must see it (a shared file system).
   */
  public Path rendezvousFile() {
    return runDirectory.resolve("jobs").resolve(job + ".evaluators");
  }

  /**
   * The environment variables to add for task {@code task} of this job (0 is the first): the
   * worker's ({@link WorkerLaunch#environment()}); with several tasks, also {@code ADAPTIVE_TASKS}
   * and {@code ADAPTIVE_RENDEZVOUS} ({@link #rendezvousFile()}), and for every task but the first
   * {@code ADAPTIVE_ROLE=evaluator}.
   *
   * @param evaluatorHost the host the worker advertises to its evaluators
   *     ({@code ADAPTIVE_EVALUATOR_HOST}), e.g. {@code 127.0.0.1} when every task runs on this
   *     machine; empty for the worker node's canonical host name
   * @throws IllegalArgumentException if {@code task} is not one of the job's tasks
   */
  public Map<String, String> taskEnvironment(int task, String evaluatorHost) {
    Objects.requireNonNull(evaluatorHost, "evaluatorHost");
    if (task < 0 || task >= tasks()) {
      throw new IllegalArgumentException("task '" + task + "' is not one of the " + tasks()
          + " tasks of job " + job + "; tasks count from 0");
    }
    Map<String, String> environment = new LinkedHashMap<>(launch.environment());
    if (tasks() > 1) {
      environment.putAll(new JobTasks(tasks(), rendezvousFile(), evaluatorHost,
          JobTasks.DEFAULT_RENDEZVOUS_TIMEOUT).environment());
      if (task > 0) {
        environment.put(Role.ROLE, Role.EVALUATOR);
      }
    }
    return environment;
  }
}
