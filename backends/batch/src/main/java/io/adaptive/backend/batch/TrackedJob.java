/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;

/** What a session knows of one of its jobs, poll after poll. Guarded by the session's lock. */
final class TrackedJob {

  final String id;
  final String learner;
  final JobFiles files;
  final String namePrefix;
  final String tag;

  /** This session asked the scheduler to cancel or kill it. */
  boolean cancelRequested;
  /** The last time the scheduler listed it; null if never. */
  SchedulerJob lastSeen;
  /** It was seen running (or paused, or ending) at least once. */
  boolean seenRunning;
  /** When a fresh snapshot first lacked it; -1 while it is listed. */
  long missingSinceMillis = -1;
  /** When the scheduler first showed it ended without an exit file; -1 before. */
  long endedSinceMillis = -1;
  /**
   * Since when its exit file says its worker was stopped while the scheduler still lists it alive
   * (waiting for the scheduler's final state, which tells a preemption from a cancel); -1 if not.
   */
  long stoppedSinceMillis = -1;
  /** What the last poll reported. */
  JobStatus status;

  TrackedJob(String id, String learner, JobFiles files, String namePrefix, String tag) {
    this.id = id;
    this.learner = learner;
    this.files = files;
    this.namePrefix = namePrefix;
    this.tag = tag;
    this.status = new JobStatus(id, JobState.QUEUED, -1, "submitted", false);
  }

  /** Its outcome is decided: it is not looked at again. */
  boolean decided() {
    return status.state() == JobState.EXITED || status.state() == JobState.UNKNOWN;
  }

  /** True if {@code job} is this job: the same id, and the name and comment of this run. */
  boolean matches(SchedulerJob job) {
    return job.id().equals(id) && isOfRun(job, namePrefix, tag);
  }

  /** True if {@code job} carries the run's name prefix, and no other run's tag in its comment. */
  static boolean isOfRun(SchedulerJob job, String namePrefix, String tag) {
    if (!job.name().startsWith(namePrefix)) {
      return false;
    }
    // Schedulers without comments (PBS) show an empty one; SLURM shows ours.
    int at = job.comment().indexOf("adaptive:run=");
    return at < 0 || job.comment().startsWith("adaptive:run=" + tag + ";", at);
  }
}
