/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
   * Submits several jobs at once and returns their ids in the order of {@code requests}; each job
   * may wait in a queue before it runs. The run manager hands over every job it may submit in one
   * turn of its loop, so that a backend can submit them with fewer scheduler calls than jobs (the
   * SLURM backend's job arrays). The ids are the same kind that {@link #submit} returns: each one
   * can be polled, cancelled, killed and adopted on its own.
   *
   * <p>The default submits each request with {@link #submit}, in order, and goes on after a
   * failure, so that one refused job does not hold back the others.
   *
   * @param requests the jobs, at least one; they may differ in everything
   * @return one id per request, in the same order
   * @throws PartialSubmissionException if some jobs were not submitted: it holds the ids of those
   *     that were and the failure of each one that was not
   * @throws io.adaptive.AdaptiveException (or another unchecked exception) if no job was submitted
   */
  default List<String> submitAll(List<JobRequest> requests) {
    List<String> ids = new ArrayList<>();
    Map<Integer, RuntimeException> failures = new LinkedHashMap<>();
    for (JobRequest request : requests) {
      try {
        ids.add(submit(request));
      } catch (RuntimeException e) {
        failures.put(ids.size(), e);
        ids.add("");
      }
    }
    if (!failures.isEmpty()) {
      throw new PartialSubmissionException(ids, failures);
    }
    return ids;
  }

  /**
   * True if {@link #submitAll} submits many jobs in a few scheduler calls (SLURM job arrays): the
   * run manager's submission pacer then counts each {@code submitAll} as one submission, not each
   * job. Default false.
   */
  default boolean submitsInGroups() {
    return false;
  }

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
