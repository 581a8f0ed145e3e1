/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import io.adaptive.plan.ExecutionPlan;
import java.nio.file.Path;
import java.util.List;

/**
 * Where jobs run: threads of this JVM, local child processes, or a batch scheduler. A backend
 * translates the plan's resource shapes into jobs; it never applies defaults of its own.
 *
 * <p>Instances are immutable values: {@link #open} creates the session that owns threads and
 * processes.
 */
public interface Backend {

  /** The short name, as {@code --backend} takes it, e.g. {@code local}. */
  String name();

  /** What jobs of this backend can be asked for, and whether they relaunch the program. */
  Capabilities capabilities();

  /**
   * Every reason this backend cannot run {@code plan}, each naming the learner, the value and the
   * fix; empty if it can. Called before anything starts; changes nothing (a batch backend may ask
   * its scheduler about its queues, read-only).
   */
  List<String> check(ExecutionPlan plan);

  /**
   * Where the run manager listens for this backend's workers. Default:
   * {@link ManagerEndpoint#LOOPBACK}, for workers on this machine; batch backends listen where
   * their compute nodes can reach.
   */
  default ManagerEndpoint managerEndpoint() {
    return ManagerEndpoint.LOOPBACK;
  }

  /**
   * The dry run: what a run of {@code plan} would start, as text, without starting, writing or
   * submitting anything. Batch backends show every job script. Default: {@code plan.explain()}.
   *
   * @param runDirectory the run's directory, absolute
   * @param command the command line that relaunches the program; empty if jobs are not relaunched
   */
  default String explain(ExecutionPlan plan, Path runDirectory, List<String> command) {
    return plan.explain();
  }

  /** Starts a session that submits, tracks and cancels jobs until it is closed. */
  BackendSession open();
}
