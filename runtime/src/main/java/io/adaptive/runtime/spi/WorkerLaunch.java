/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import io.adaptive.runtime.launch.StopRequest;
import java.util.List;
import java.util.Map;

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
   * {@link #runInThisJvm()}, stopped by {@code stop}: once it has a reason, the worker saves its
   * learner and returns between two completions, as a relaunched worker does on SIGTERM or SIGUSR1.
   * An in-process backend stops a job this way rather than by an interrupt, which would close the
   * file a save is writing. By default, stop is ignored.
   */
  default int runInThisJvm(StopRequest stop) {
    return runInThisJvm();
  }
}
