/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.AdaptiveException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the run manager tells a worker when it starts it: which learner, where the run lives, how
 * to reach the manager, and the run settings. A relaunched worker receives it through environment
 * variables ({@link Role}); the run's secret is never put there but read from the owner-only file
 * in the run directory.
 *
 * @param store the run directory, absolute
 * @param learners the learners to run: one, or several packed into this job
 * @param job the run manager's id of this job
 * @param manager where the run manager listens, {@code host:port}
 * @param secret the run's secret
 * @param saveInterval how often the worker saves its learner
 * @param progressInterval how often the worker reports progress (its heartbeat)
 * @param evaluationTimeout the longest one evaluation may take; zero for no limit
 * @param onError what to do with a point whose evaluation throws or times out
 * @param onNonFinite what to do with a point whose value is NaN or infinite
 */
public record WorkerAssignment(
    Path store,
    List<String> learners,
    String job,
    String manager,
    String secret,
    Duration saveInterval,
    Duration progressInterval,
    Duration evaluationTimeout,
    PointPolicy onError,
    PointPolicy onNonFinite) {

  public WorkerAssignment {
    Objects.requireNonNull(store, "store");
    learners = List.copyOf(learners);
    if (learners.isEmpty()) {
      throw new IllegalArgumentException("a worker needs at least one learner");
    }
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(manager, "manager");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(saveInterval, "saveInterval");
    Objects.requireNonNull(progressInterval, "progressInterval");
    Objects.requireNonNull(evaluationTimeout, "evaluationTimeout");
    Objects.requireNonNull(onError, "onError");
    Objects.requireNonNull(onNonFinite, "onNonFinite");
  }

  /** The environment variables that carry this assignment to a relaunched worker. */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(Role.ROLE, Role.WORKER);
    environment.put(Role.STORE, store.toString());
    environment.put(Role.LEARNER, String.join("\n", learners));
    environment.put(Role.JOB, job);
    environment.put(Role.MANAGER, manager);
    environment.put(Role.SAVE_MILLIS, Long.toString(saveInterval.toMillis()));
    environment.put(Role.PROGRESS_MILLIS, Long.toString(progressInterval.toMillis()));
    environment.put(Role.EVALUATION_TIMEOUT_MILLIS, Long.toString(evaluationTimeout.toMillis()));
    environment.put(Role.ON_ERROR, onError.name());
    environment.put(Role.ON_NON_FINITE, onNonFinite.name());
    return environment;
  }

  /**
   * Reads the assignment of this worker from {@code environment} and the run's secret file.
   *
   * @throws AdaptiveException if a variable is missing or the secret cannot be read
   */
  public static WorkerAssignment fromEnvironment(Map<String, String> environment) {
    Path store = Path.of(required(environment, Role.STORE));
    Path secretFile = store.resolve("secret");
    String secret;
    try {
      secret = Files.readString(secretFile, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new AdaptiveException("this worker cannot read the run's secret " + secretFile + ": "
          + e + "; the run directory must be readable by the user the job runs as", e);
    }
    return new WorkerAssignment(store, List.of(required(environment, Role.LEARNER).split("\n")),
        required(environment, Role.JOB), required(environment, Role.MANAGER), secret,
        Duration.ofMillis(Long.parseLong(required(environment, Role.SAVE_MILLIS))),
        Duration.ofMillis(Long.parseLong(required(environment, Role.PROGRESS_MILLIS))),
        Duration.ofMillis(Long.parseLong(required(environment, Role.EVALUATION_TIMEOUT_MILLIS))),
        PointPolicy.valueOf(required(environment, Role.ON_ERROR)),
        PointPolicy.valueOf(required(environment, Role.ON_NON_FINITE)));
  }

  private static String required(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.isEmpty()) {
      throw new AdaptiveException("this JVM runs as a worker (" + Role.ROLE + "=worker) but "
          + name + " is not set; workers are started by the run manager, not by hand");
    }
    return value;
  }
}
