/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import java.util.Map;

/**
 * Whether this JVM is the driver, a worker or an evaluator, and what it was told. A worker is the
 * user's own program started again with {@code ADAPTIVE_ROLE=worker} (the system property
 * {@code -Dadaptive.role=worker} wins over the environment). In a job of several tasks
 * ({@code resources().tasks(n)}), the first task is the worker and every other task runs the same
 * program with {@code ADAPTIVE_ROLE=evaluator}: it connects to the worker through the
 * {@link #RENDEZVOUS} file and evaluates the points the worker sends it.
 */
public final class Role {

  /** Environment variable: {@value #WORKER} in a worker, {@value #EVALUATOR} in an evaluator. */
  public static final String ROLE = "ADAPTIVE_ROLE";
  /** The value of {@link #ROLE} in the task that runs the learners of a job. */
  public static final String WORKER = "worker";
  /** The value of {@link #ROLE} in the other tasks of a multi-task job. */
  public static final String EVALUATOR = "evaluator";
  /** Environment variable: the run directory, absolute. */
  public static final String STORE = "ADAPTIVE_STORE";
  /** Environment variable: the learners this worker runs, one name per line. */
  public static final String LEARNER = "ADAPTIVE_LEARNER";
  /** Environment variable: the run manager's id of this job. */
  public static final String JOB = "ADAPTIVE_JOB";
  /** Environment variable: where the run manager listens, {@code host:port}. */
  public static final String MANAGER = "ADAPTIVE_MANAGER";
  /** Environment variable: the save interval in milliseconds. */
  public static final String SAVE_MILLIS = "ADAPTIVE_SAVE_MILLIS";
  /** Environment variable: the progress-report interval in milliseconds. */
  public static final String PROGRESS_MILLIS = "ADAPTIVE_PROGRESS_MILLIS";

  /** Environment variable: the evaluation timeout in milliseconds; 0 for none. */
  public static final String EVALUATION_TIMEOUT_MILLIS = "ADAPTIVE_EVAL_TIMEOUT_MILLIS";
  /** Environment variable: the {@link PointPolicy} for errors. */
  public static final String ON_ERROR = "ADAPTIVE_ON_ERROR";
  /** Environment variable: the {@link PointPolicy} for NaN and infinite values. */
  public static final String ON_NON_FINITE = "ADAPTIVE_ON_NON_FINITE";

  /**
   * Environment variable: how many tasks (processes) the job runs, in every task of a multi-task
   * job; absent or {@code 1} for a job of one process.
   */
  public static final String TASKS = "ADAPTIVE_TASKS";
  /**
   * Environment variable: the rendezvous file of a multi-task job, absolute, on a file system every
   * task sees (batch backends: {@code <run dir>/jobs/<job id>.evaluators}). The worker writes
   * {@code <host>:<port>} there, atomically; the evaluators wait for it and connect.
   */
  public static final String RENDEZVOUS = "ADAPTIVE_RENDEZVOUS";
  /**
   * Environment variable, optional: the host name or address the worker of a multi-task job
   * writes to the rendezvous file for its evaluators to connect to, for nodes whose canonical host
   * name does not reach them (set it to the address on the fast network, for example). Default:
   * the canonical host name of the worker's node.
   */
  public static final String EVALUATOR_HOST = "ADAPTIVE_EVALUATOR_HOST";
  /**
   * Environment variable, optional: how long an evaluator waits for the rendezvous file, in
   * milliseconds. Default {@link JobTasks#DEFAULT_RENDEZVOUS_TIMEOUT} (10 minutes).
   */
  public static final String RENDEZVOUS_TIMEOUT_MILLIS = "ADAPTIVE_RENDEZVOUS_TIMEOUT_MILLIS";

  private Role() {}

  /** True if this JVM runs as a worker. */
  public static boolean isWorker() {
    return isWorker(System.getenv());
  }

  static boolean isWorker(Map<String, String> environment) {
    return role(environment).equals(WORKER);
  }

  /** True if this JVM runs as an evaluator: a task of a multi-task job other than the first. */
  public static boolean isEvaluator() {
    return isEvaluator(System.getenv());
  }

  static boolean isEvaluator(Map<String, String> environment) {
    return role(environment).equals(EVALUATOR);
  }

  private static String role(Map<String, String> environment) {
    return System.getProperty("adaptive.role", environment.getOrDefault(ROLE, "driver"));
  }
}
