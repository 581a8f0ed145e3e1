/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import java.util.Map;

/**
 * Whether this JVM is the driver or a worker, and what a worker was told. A worker is the user's
 * own program started again with {@code ADAPTIVE_ROLE=worker} (the system property
 * {@code -Dadaptive.role=worker} wins over the environment).
 */
public final class Role {

  /** Environment variable: {@code worker} in a worker. */
  public static final String ROLE = "ADAPTIVE_ROLE";
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

  private Role() {}

  /** True if this JVM runs as a worker. */
  public static boolean isWorker() {
    return isWorker(System.getenv());
  }

  static boolean isWorker(Map<String, String> environment) {
    String role = System.getProperty("adaptive.role", environment.getOrDefault(ROLE, "driver"));
    return role.equals("worker");
  }
}
