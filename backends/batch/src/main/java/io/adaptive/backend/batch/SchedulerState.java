/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

/**
 * What a job is doing, in words every scheduler maps its own states to (SLURM's {@code %T},
 * PBS's {@code job_state} letters). The batch core turns these, with the job's exit file, into
 * the run manager's {@link io.adaptive.runtime.spi.JobState}.
 */
public enum SchedulerState {
  /** Waiting in the queue, held or not (SLURM PENDING, PBS Q/H/W/T). */
  PENDING(false),
  /** Resources allocated, nodes booting (SLURM CONFIGURING). */
  CONFIGURING(false),
  /** Running (SLURM RUNNING, PBS R/B). */
  RUNNING(false),
  /** Its processes are ending; alive until they are gone: not resubmitted (SLURM COMPLETING, PBS E). */
  COMPLETING(false),
  /** Paused with its allocation kept (SLURM SUSPENDED/STOPPED, PBS S/U). */
  SUSPENDED(false),
  /** Put back in the queue under the same id (SLURM REQUEUED, REQUEUE_HOLD, REQUEUE_FED). */
  REQUEUED(false),
  /** A state this code does not know; treated as alive (and logged once). */
  OTHER(false),
  /** Ended with exit status 0 (SLURM COMPLETED, PBS F/C with status 0). */
  COMPLETED(true),
  /** Ended with a non-zero status or did not launch (SLURM FAILED, PBS F/C otherwise). */
  FAILED(true),
  /** Cancelled by someone (SLURM CANCELLED). */
  CANCELLED(true),
  /** Ended at its time limit (SLURM TIMEOUT). */
  TIMEOUT(true),
  /** Ended at its deadline (SLURM DEADLINE); handled like {@link #TIMEOUT}. */
  DEADLINE(true),
  /** Killed by its memory limit (SLURM OUT_OF_MEMORY). */
  OUT_OF_MEMORY(true),
  /** Its node failed (SLURM NODE_FAIL): not the learner's fault. */
  NODE_FAIL(true),
  /** Its node failed to boot (SLURM BOOT_FAIL): not the learner's fault. */
  BOOT_FAIL(true),
  /** Preempted by another job (SLURM PREEMPTED): not the learner's fault. */
  PREEMPTED(true);

  private final boolean terminal;

  SchedulerState(boolean terminal) {
    this.terminal = terminal;
  }

  /** True if the job has ended; false while it waits, runs, ends or is paused. */
  public boolean terminal() {
    return terminal;
  }
}
