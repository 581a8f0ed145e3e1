/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.AdaptiveException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How many processes (tasks) a job runs and where they meet: what every task of a job reads from
 * {@link Role#TASKS}, {@link Role#RENDEZVOUS}, {@link Role#EVALUATOR_HOST} and
 * {@link Role#RENDEZVOUS_TIMEOUT_MILLIS}. A job of one task needs none of them.
 *
 * @param tasks the job's processes: the worker and {@code tasks - 1} evaluators; at least 1
 * @param rendezvous the file the worker writes its {@code host:port} to; unused with one task
 * @param evaluatorHost the host the worker advertises; empty for its canonical host name
 * @param rendezvousTimeout how long an evaluator waits for the rendezvous file
 */
public record JobTasks(int tasks, Path rendezvous, String evaluatorHost,
    Duration rendezvousTimeout) {

  /** How long an evaluator waits for its worker by default: JVM start and plan building. */
  public static final Duration DEFAULT_RENDEZVOUS_TIMEOUT = Duration.ofMinutes(10);

  public JobTasks {
    if (tasks < 1) {
      throw new IllegalArgumentException("tasks '" + tasks + "' must be at least 1");
    }
    Objects.requireNonNull(rendezvous, "rendezvous");
    Objects.requireNonNull(evaluatorHost, "evaluatorHost");
    Objects.requireNonNull(rendezvousTimeout, "rendezvousTimeout");
  }

  /** A job of one process, as the in-process backend runs every job. */
  public static JobTasks single() {
    return new JobTasks(1, Path.of(""), "", DEFAULT_RENDEZVOUS_TIMEOUT);
  }

  /** True if the job runs evaluators besides its worker. */
  public boolean isMultiTask() {
    return tasks > 1;
  }

  /**
   * The threads each task evaluates with: the job's {@code cores} split evenly among its tasks,
   * at least one.
   */
  public int threadsPerTask(int cores) {
    return Math.max(1, cores / tasks);
  }

  /**
   * The variables a backend adds to the environment of every task of a multi-task job, beside the
   * worker's own ({@link WorkerAssignment#environment()}); the evaluators' {@link Role#ROLE} is
   * set apart.
   */
  public Map<String, String> environment() {
    Map<String, String> environment = new java.util.LinkedHashMap<>();
    environment.put(Role.TASKS, Integer.toString(tasks));
    environment.put(Role.RENDEZVOUS, rendezvous.toString());
    if (!evaluatorHost.isEmpty()) {
      environment.put(Role.EVALUATOR_HOST, evaluatorHost);
    }
    if (!rendezvousTimeout.equals(DEFAULT_RENDEZVOUS_TIMEOUT)) {
      environment.put(Role.RENDEZVOUS_TIMEOUT_MILLIS,
          Long.toString(rendezvousTimeout.toMillis()));
    }
    return environment;
  }

  /**
   * Reads the tasks of this JVM's job from {@code environment}; {@link #single()} if
   * {@link Role#TASKS} is absent.
   *
   * @throws AdaptiveException if a variable is malformed, or {@link Role#RENDEZVOUS} is missing
   *     or relative in a job of several tasks
   */
  public static JobTasks fromEnvironment(Map<String, String> environment) {
    String count = environment.getOrDefault(Role.TASKS, "");
    if (count.isEmpty()) {
      return single();
    }
    int tasks;
    try {
      tasks = Integer.parseInt(count.trim());
    } catch (NumberFormatException e) {
      tasks = 0;
    }
    if (tasks < 1) {
      throw new AdaptiveException(Role.TASKS + "='" + count + "' from the environment is not a"
          + " number of tasks; the job script must set it to the job's tasks, e.g. "
          + Role.TASKS + "=4");
    }
    Duration timeout = DEFAULT_RENDEZVOUS_TIMEOUT;
    String millis = environment.getOrDefault(Role.RENDEZVOUS_TIMEOUT_MILLIS, "");
    if (!millis.isEmpty()) {
      try {
        timeout = Duration.ofMillis(Long.parseLong(millis.trim()));
      } catch (NumberFormatException e) {
        timeout = Duration.ZERO;
      }
      if (timeout.isZero() || timeout.isNegative()) {
        throw new AdaptiveException(Role.RENDEZVOUS_TIMEOUT_MILLIS + "='" + millis + "' from the"
            + " environment is not a positive number of milliseconds; unset it for the default of"
            + " 10 minutes, or set e.g. " + Role.RENDEZVOUS_TIMEOUT_MILLIS + "=600000");
      }
    }
    String host = environment.getOrDefault(Role.EVALUATOR_HOST, "").trim();
    if (tasks == 1) {
      return new JobTasks(1, Path.of(""), host, timeout);
    }
    String file = environment.getOrDefault(Role.RENDEZVOUS, "");
    if (file.isEmpty() || !Path.of(file).isAbsolute()) {
      throw new AdaptiveException(Role.RENDEZVOUS + "='" + file + "' from the environment is not"
          + " an absolute path, but " + Role.TASKS + "=" + tasks + " needs one; the job script"
          + " must set it to a file on a file system every task sees, e.g. <run dir>/jobs/<job"
          + " id>.evaluators");
    }
    return new JobTasks(tasks, Path.of(file), host, timeout);
  }
}
