/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import java.util.Map;

/** A backend at work: it owns the threads and processes of the jobs it started. */
public interface BackendSession extends AutoCloseable {

  /**
   * Submits a job and returns its id at once; the job may wait in a queue before it runs.
   *
   * @throws io.adaptive.AdaptiveException if the job cannot be submitted
   */
  String submit(JobRequest request);

  /**
   * Takes over a job that an earlier session of this backend submitted (the run manager was
   * restarted), so that {@link #poll} reports it from now on. A job that ends while adopted is
   * reported {@link JobState#UNKNOWN} if its exit status cannot be known.
   *
   * @param jobId the id the earlier session returned from {@link #submit}
   * @param request the job as it was submitted (its launch is not used)
   * @return true if the job still exists and is now tracked; false if it is gone
   */
  boolean adopt(String jobId, JobRequest request);

  /** The state of every job this session submitted, keyed by job id. One call, for all jobs. */
  Map<String, JobStatus> poll();

  /** Asks the job to stop (its worker saves first); the next polls show it exit. */
  void cancel(String jobId);

  /** Ends the job at once, without letting its worker save (it no longer responds). */
  void kill(String jobId);

  /** Cancels what still runs and releases the session's threads; waits a bounded time. */
  @Override
  void close();
}
