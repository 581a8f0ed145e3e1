/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** How to start one worker: as a new process of the user's program, or inside this JVM. */
public interface WorkerLaunch {

  /**
   * The command line that starts the user's program again: the same java executable, JVM options,
   * class path, main class and arguments.
   *
   * @throws io.adaptive.AdaptiveException if the running program cannot be relaunched
   */
  List<String> command();

  /** The environment variables to add for the worker: its role, run, learner and manager. */
  Map<String, String> environment();

  /**
   * Runs the worker on the calling thread, in this JVM, and returns its exit status.
   *
   * @return 0 if the learner reached its goal; see {@code ExitStatus} in the runtime for the rest
   */
  int runInThisJvm();

  /**
   * {@link #runInThisJvm()}, stopped once {@code cancelled} is true: the worker checks it between
   * two completions, then saves its learner and returns, as a relaunched worker does on SIGTERM.
   * An in-process backend stops a job this way rather than by an interrupt, which would close the
   * file a save is writing. By default, {@code cancelled} is ignored.
   */
  default int runInThisJvm(BooleanSupplier cancelled) {
    return runInThisJvm();
  }
}
