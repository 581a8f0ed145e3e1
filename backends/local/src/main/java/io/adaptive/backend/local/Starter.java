/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import io.adaptive.runtime.spi.JobRequest;
import java.util.function.IntConsumer;

/** Starts one job, as a thread or a process, and reports on it. */
interface Starter {

  /** Starts the job at once; {@code onExit} gets its exit status once, when it has ended. */
  Started start(JobRequest request, IntConsumer onExit) throws Exception;

  /**
   * Finds a job that an earlier session started, to track it again.
   *
   * @return the job if it still runs, else null
   */
  Started adopt(JobRequest request, IntConsumer onExit);

  /** A started job. */
  interface Started {
    /** The exit status once it has ended, else -1 (also when it cannot be known). */
    int exitStatus();

    boolean isAlive();

    /** Asks it to stop: SIGTERM to a process, an interrupt to a thread. */
    void stop();

    /** Ends it now: SIGKILL to a process and its children. */
    void kill();
  }
}
