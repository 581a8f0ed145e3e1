/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.backend.batch.JobFiles.ExitRecord;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a job's {@link JobStatus} from what is known of it, most authoritative first:
 *
 * <ol>
 *   <li>the exit file: the worker has ended with this status; {@link JobState#EXITED} whatever the
 *       scheduler shows, except that a worker stopped by a signal (status 6, 137, 138 or 143)
 *       while the scheduler still lists the job alive waits (up to the grace period) for the
 *       scheduler's final state, which tells a preemption or node failure from a cancel. A stop at the walltime (the walltime warning came, or the scheduler says
 *       TIMEOUT or DEADLINE) is reported as exit status 7, which the run manager resubmits without
 *       charging the learner;
 *   <li>the scheduler's state while it lists the job: waiting and starting jobs are
 *       {@link JobState#QUEUED}; running, paused and ending ones {@link JobState#RUNNING} (an
 *       ending job is never resubmitted while it may still run); an ended job without an exit file
 *       is given the grace period for the file to appear (shared file systems lag), then judged by
 *       its state alone (table below);
 *   <li>absence: a job the scheduler no longer lists is not dead; after the grace period without
 *       an exit file it is {@link JobState#UNKNOWN} with exit status -1 ("ended unwatched").
 * </ol>
 *
 * <p>A job ended by the scheduler without an exit file: COMPLETED → 0; FAILED → 1; CANCELLED →
 * 143; TIMEOUT, DEADLINE → 7 (walltime); OUT_OF_MEMORY → 137; NODE_FAIL, BOOT_FAIL, PREEMPTED →
 * 137 and {@code infrastructure} (not charged). A job that never started (no start file, never
 * seen running) cannot write an exit file, so it gets no grace.
 */
final class Outcomes {

  /** Exit statuses of a worker that was stopped, rather than one that ended on its own. */
  private static final Set<Integer> STOPPED = Set.of(6, 7, 137, 138, 143);
  private static final int WALLTIME = 7;
  private static final int FAILED = 1;
  private static final int TERMINATED = 143;
  private static final int KILLED = 137;

  private final Duration grace;

  /** @param grace how long an ended or vanished job may lack its exit file before it is judged */
  Outcomes(Duration grace) {
    this.grace = grace;
  }

  /**
   * The job's status after a poll that listed it as {@code seen}, or did not list it
   * ({@code seen} null), updating what {@code job} remembers.
   */
  JobStatus decide(TrackedJob job, SchedulerJob seen, long nowMillis) {
    if (seen != null) {
      job.lastSeen = seen;
      job.missingSinceMillis = -1;
      if (seen.state() == SchedulerState.RUNNING || seen.state() == SchedulerState.COMPLETING
          || seen.state() == SchedulerState.SUSPENDED) {
        job.seenRunning = true;
      }
    }
    Optional<ExitRecord> exit = job.files.readExit();
    if (exit.isPresent()) {
      ExitRecord record = exit.get();
      if (seen != null && !seen.state().terminal() && stoppedFromOutside(job, record)) {
        // Stopped by a signal while the scheduler still winds the job down: its final state
        // (PREEMPTED, NODE_FAIL, TIMEOUT or CANCELLED) says whether the learner is to blame.
        if (job.stoppedSinceMillis < 0) {
          job.stoppedSinceMillis = nowMillis;
        }
        if (nowMillis - job.stoppedSinceMillis < grace.toMillis()) {
          return new JobStatus(job.id, JobState.RUNNING, -1, describe(job, seen) + "; its worker"
              + " was stopped (exit file: " + record + "); waiting for the final state", false);
        }
      }
      return exited(job, record, job.lastSeen);
    }
    if (seen != null && !seen.state().terminal()) {
      return alive(job, seen);
    }
    if (seen == null && job.missingSinceMillis < 0) {
      job.missingSinceMillis = nowMillis;
    }
    SchedulerJob ended = job.lastSeen != null && job.lastSeen.state().terminal() ? job.lastSeen
        : null;
    boolean canStillWrite = job.seenRunning || job.files.started();
    if (!canStillWrite && (ended != null || job.cancelRequested)) {
      // The script never ran, so no exit file can come: no grace.
      return ended != null ? fromStateAlone(job, ended)
          : new JobStatus(job.id, JobState.EXITED, TERMINATED, "cancelled before it started",
              false);
    }
    if (ended != null) {
      if (job.endedSinceMillis < 0) {
        job.endedSinceMillis = nowMillis;
      }
      if (nowMillis - job.endedSinceMillis >= grace.toMillis()) {
        return fromStateAlone(job, ended);
      }
      return new JobStatus(job.id, JobState.RUNNING, -1, describe(job, ended)
          + "; waiting up to " + grace.toSeconds() + " s for its exit file", false);
    }
    long missing = nowMillis - job.missingSinceMillis;
    if (missing >= grace.toMillis()) {
      return new JobStatus(job.id, JobState.UNKNOWN, -1, "no longer listed by the scheduler and no"
          + " exit file after " + Duration.ofMillis(missing).toSeconds() + " s: ended unwatched",
          false);
    }
    JobState state = job.status.state() == JobState.RUNNING || canStillWrite ? JobState.RUNNING
        : JobState.QUEUED;
    return new JobStatus(job.id, state, -1, "no longer listed by the scheduler; waiting up to "
        + grace.toSeconds() + " s for its exit file", false);
  }

  /** A worker stopped by a signal from outside: not a walltime stop, and not its own end. */
  private static boolean stoppedFromOutside(TrackedJob job, ExitRecord exit) {
    return exit.status() != WALLTIME && STOPPED.contains(exit.status()) && !exit.walltime()
        && !job.files.warnedOfWalltime();
  }

  private static JobStatus exited(TrackedJob job, ExitRecord exit, SchedulerJob seen) {
    SchedulerState state = seen == null ? null : seen.state();
    boolean atLimit = exit.walltime() || job.files.warnedOfWalltime()
        || state == SchedulerState.TIMEOUT || state == SchedulerState.DEADLINE;
    int status = atLimit && STOPPED.contains(exit.status()) ? WALLTIME : exit.status();
    boolean infrastructure = status != 0 && isInfrastructure(state);
    String detail = (seen == null ? "" : describe(job, seen) + "; ") + "exit file: " + exit;
    return new JobStatus(job.id, JobState.EXITED, status, detail, infrastructure);
  }

  private static JobStatus alive(TrackedJob job, SchedulerJob seen) {
    JobState state = switch (seen.state()) {
      case PENDING, CONFIGURING, REQUEUED -> JobState.QUEUED;
      case RUNNING, COMPLETING, SUSPENDED -> JobState.RUNNING;
      default -> job.files.started() ? JobState.RUNNING : JobState.QUEUED;
    };
    return new JobStatus(job.id, state, -1, describe(job, seen), false);
  }

  private static JobStatus fromStateAlone(TrackedJob job, SchedulerJob ended) {
    int status = switch (ended.state()) {
      case COMPLETED -> 0;
      case TIMEOUT, DEADLINE -> WALLTIME;
      case CANCELLED -> TERMINATED;
      case OUT_OF_MEMORY, NODE_FAIL, BOOT_FAIL, PREEMPTED -> KILLED;
      default -> FAILED;
    };
    String detail = describe(job, ended) + "; no exit file"
        + (job.files.started() ? "" : ", its script never started");
    return new JobStatus(job.id, JobState.EXITED, status, detail, isInfrastructure(ended.state()));
  }

  private static boolean isInfrastructure(SchedulerState state) {
    return state == SchedulerState.NODE_FAIL || state == SchedulerState.BOOT_FAIL
        || state == SchedulerState.PREEMPTED;
  }

  /** The scheduler's words for people: {@code PENDING (Resources)}, {@code RUNNING on cn042}. */
  static String describe(TrackedJob job, SchedulerJob seen) {
    StringBuilder text = new StringBuilder(seen.schedulerState());
    String reason = seen.reason();
    if (!reason.isEmpty() && !reason.equals("None")) {
      text.append(" (").append(reason).append(')');
    }
    if (!seen.nodes().isEmpty() && !seen.state().terminal()
        && seen.state() != SchedulerState.PENDING) {
      text.append(" on ").append(seen.nodes());
    }
    if (seen.state() == SchedulerState.CANCELLED) {
      text.append(job.cancelRequested ? ", as this run asked"
          : ", not by this run (an administrator, a preemption or someone's own cancel)");
    }
    if (seen.state() == SchedulerState.OTHER) {
      text.append(", a state this version does not know: taken as alive");
    }
    return text.toString();
  }
}
