/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import io.adaptive.backend.batch.BatchBackend;
import io.adaptive.backend.batch.BatchSettings;
import io.adaptive.backend.batch.SchedulerBackend;
import io.adaptive.plan.ExecutionPlan;
import java.time.Duration;
import java.util.Objects;

/**
 * The SLURM backend: each job is a SLURM batch job. Made by {@link Slurm#backend()}; an immutable
 * value whose options are copy-modifiers (the last call wins, the receiver is unchanged).
 *
 * <p>Each job attempt gets a script {@code <runDirectory>/jobs/<job>.sbatch} (kept), submitted
 * with {@code sbatch --parsable}. One {@code squeue} per poll reports all of the run's jobs,
 * found by their name {@code as<runTag>-<n>} and comment {@code adaptive:run=<runTag>;job=<job>}.
 * {@link #explain(ExecutionPlan)} shows the scripts without submitting anything.
 *
 * <p>With {@link #jobArrays(boolean) jobArrays(true)}, jobs of the same resources that the run
 * manager submits together go to SLURM as one job array: one {@code sbatch} for up to
 * {@link #maxArrayTasks(int) maxArrayTasks} jobs.
 */
public final class SlurmBackend extends SchedulerBackend<SlurmBackend> {

  /** Default of {@link #signalLead(Duration)}: 180 s. */
  public static final Duration SIGNAL_LEAD = Duration.ofSeconds(180);
  /**
   * Default of {@link #maxArrayTasks(int)}: 1000, within SLURM's default {@code MaxArraySize} of
   * 1001 (which allows indexes 0 to 1000).
   */
  public static final int MAX_ARRAY_TASKS = 1000;

  private final Duration signalLead;
  private final boolean jobArrays;
  private final int maxArrayTasks;
  private final BatchBackend batch;

  SlurmBackend(BatchSettings settings, Duration signalLead) {
    this(settings, signalLead, false, MAX_ARRAY_TASKS);
  }

  private SlurmBackend(BatchSettings settings, Duration signalLead, boolean jobArrays,
      int maxArrayTasks) {
    super(settings);
    this.signalLead = signalLead;
    this.jobArrays = jobArrays;
    this.maxArrayTasks = maxArrayTasks;
    this.batch = BatchBackend.of("slurm",
        new SlurmScheduler(signalLead, jobArrays ? maxArrayTasks : 0), settings);
  }

  @Override
  protected SlurmBackend withSettings(BatchSettings settings) {
    return new SlurmBackend(settings, signalLead, jobArrays, maxArrayTasks);
  }

  @Override
  protected BatchBackend batch() {
    return batch;
  }

  /**
   * Turns job arrays on or off. On, the jobs that the run manager submits in one turn of its loop
   * and that ask for the same resources (the same {@code #SBATCH} lines but for name, comment and
   * output) go to SLURM as one job array: one {@code sbatch --parsable} of a script with
   * {@code #SBATCH --array=0-<n-1>}, whose task {@code i} runs job {@code i} (a {@code case} on
   * {@code SLURM_ARRAY_TASK_ID}) with the same wrapper, files and log as a job of its own. For
   * sites that limit the number of submissions; SLURM's controller also handles arrays more
   * cheaply than as many jobs.
   *
   * <p>Each task is tracked, cancelled ({@code scancel <array>_<i>}) and adopted after a restart
   * on its own, by the id {@code <array job id>_<index>}. A learner whose job ends early is
   * submitted again with the next turn's jobs: alone, as an ordinary job, unless others of its
   * shape go at the same time. Groups larger than {@link #maxArrayTasks(int)} are split.
   *
   * <p>The run manager gathers at most {@code maxJobs} jobs in flight in one turn; with arrays its
   * submission pacer counts turns (each a few {@code sbatch} calls), not jobs.
   *
   * <p>Default: off, each job submitted on its own.
   *
   * @param on true for arrays
   * @return a copy with arrays on or off; this backend is unchanged
   */
  public SlurmBackend jobArrays(boolean on) {
    return new SlurmBackend(settings(), signalLead, on, maxArrayTasks);
  }

  /**
   * Sets the most tasks, hence jobs, one job array may have; larger groups go as several arrays.
   * SLURM refuses arrays with an index at or above the cluster's {@code MaxArraySize} (see
   * {@code scontrol show config}; default 1001, so up to 1001 tasks with indexes 0 to 1000), and
   * tells it as {@code Invalid job array specification}. Only used with
   * {@link #jobArrays(boolean) jobArrays(true)}. Default {@link #MAX_ARRAY_TASKS} (1000).
   *
   * @param tasks tasks per array, at least 2
   * @return a copy with this limit; this backend is unchanged
   * @throws IllegalArgumentException if {@code tasks} is below 2
   */
  public SlurmBackend maxArrayTasks(int tasks) {
    if (tasks < 2) {
      throw new IllegalArgumentException("maxArrayTasks(" + tasks + ") is below 2, and an array"
          + " needs two tasks; use e.g. maxArrayTasks(1000), or jobArrays(false) for single jobs");
    }
    return new SlurmBackend(settings(), signalLead, jobArrays, tasks);
  }

  /**
   * Sets how long before its walltime a job gets the warning signal (USR1), on which the worker
   * saves its learner and stops, to be resubmitted without a failure charged. SLURM delivers it
   * up to a minute early or late, so keep it generous: at least twice the time a save takes.
   * Whole seconds; at most half the job's walltime is used. Default {@link #SIGNAL_LEAD} (180 s).
   *
   * @throws IllegalArgumentException if it is below one second
   */
  public SlurmBackend signalLead(Duration signalLead) {
    Objects.requireNonNull(signalLead, "signalLead");
    if (signalLead.toSeconds() < 1) {
      throw new IllegalArgumentException("signalLead(" + signalLead + ") is below one second;"
          + " use e.g. signalLead(Duration.ofMinutes(3))");
    }
    return new SlurmBackend(settings(), signalLead, jobArrays, maxArrayTasks);
  }

  /** The lead of the walltime warning. */
  public Duration signalLead() {
    return signalLead;
  }

  /** Whether jobs of one shape submitted together go as a job array. */
  public boolean jobArrays() {
    return jobArrays;
  }

  /** The most tasks per job array. */
  public int maxArrayTasks() {
    return maxArrayTasks;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SlurmBackend that && settings().equals(that.settings())
        && signalLead.equals(that.signalLead) && jobArrays == that.jobArrays
        && maxArrayTasks == that.maxArrayTasks;
  }

  @Override
  public int hashCode() {
    return Objects.hash(settings(), signalLead, jobArrays, maxArrayTasks);
  }

  @Override
  public String toString() {
    return "Slurm.backend() with " + settings() + ", signalLead " + signalLead
        + (jobArrays ? ", job arrays of at most " + maxArrayTasks + " tasks" : "");
  }
}
