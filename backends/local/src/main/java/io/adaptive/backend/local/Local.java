/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import io.adaptive.runtime.spi.Backend;

/**
 * The local backends. Both run at most as many cores at once as their budget and queue the other
 * jobs, as a batch system would.
 *
 * <ul>
 *   <li>{@link #processes()}: each job is a child JVM running the user's program again in worker
 *       role (SPMD, like a batch job). The default. A job of several tasks
 *       ({@code resources().tasks(n)}) is that many child JVMs: the worker and {@code n - 1}
 *       evaluators ({@code ADAPTIVE_ROLE=evaluator}), which meet through
 *       {@code <run dir>/jobs/<job id>.evaluators} and the loopback interface; the job's cores
 *       count against the budget once, and its processes are stopped and killed together.
 *   <li>{@link #inProcess()}: each job is a thread of this JVM; nothing is relaunched, so it works
 *       from anywhere (tests, notebooks, a build tool's JVM). It ignores {@code tasks(n)}: a
 *       job's worker evaluates with all of the job's cores as threads of this JVM.
 * </ul>
 */
public final class Local {

  private Local() {}

  /** Child processes sharing all of this machine's processors. */
  public static Backend processes() {
    return processes(Runtime.getRuntime().availableProcessors());
  }

  /**
   * Child processes sharing {@code cores} cores: a job starts when its learner's cores fit in what
   * the running jobs leave free.
   *
   * @throws IllegalArgumentException if {@code cores} is below 1
   */
  public static Backend processes(int cores) {
    return new LocalBackend(LocalBackend.Mode.PROCESSES, checked(cores, "processes"));
  }

  /** Threads of this JVM sharing all of this machine's processors. */
  public static Backend inProcess() {
    return inProcess(Runtime.getRuntime().availableProcessors());
  }

  /**
   * Threads of this JVM sharing {@code cores} cores.
   *
   * @throws IllegalArgumentException if {@code cores} is below 1
   */
  public static Backend inProcess(int cores) {
    return new LocalBackend(LocalBackend.Mode.IN_PROCESS, checked(cores, "inProcess"));
  }

  private static int checked(int cores, String factory) {
    if (cores < 1) {
      throw new IllegalArgumentException("Local." + factory + "(" + cores + "): the core budget"
          + " must be at least 1, e.g. Local." + factory + "("
          + Runtime.getRuntime().availableProcessors() + ")");
    }
    return cores;
  }
}
