/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One batch system's dialect: the directives of a job script, and the command lines that submit,
 * query, cancel and kill jobs, with parsers for their output. Implementations never run a
 * command: the batch core runs them (with timeouts and retries) and hands back the
 * {@link CommandResult}. They must be immutable and thread-safe.
 *
 * <p>Every command line is a list of words for {@link ProcessBuilder}, no shell involved; its first
 * word is the executable's name (for example {@code sbatch}), which the core resolves against its
 * configured search path.
 */
public interface Scheduler {

  /** The batch system's name for people and messages, e.g. {@code SLURM}. */
  String name();

  /** The file name suffix of job scripts without the dot, e.g. {@code sbatch} or {@code pbs}. */
  String scriptSuffix();

  /**
   * The directive lines at the top of the job script, each complete with its prefix (e.g.
   * {@code #SBATCH --time=0-01:00:00}), for every field of {@code job.resources()} that this
   * scheduler can express, then name, comment and output; the shape's raw scheduler options come
   * last, unchanged.
   */
  List<String> directives(JobDescription job);

  /**
   * A shell expression that expands, inside a running job, to the job's id as {@link #submit}
   * returned it, e.g. {@code ${SLURM_JOB_ID}}.
   */
  String jobIdExpression();

  /**
   * The command words that start the other {@code tasks - 1} tasks of a multi-task job inside its
   * allocation, followed by the worker's command (e.g. {@code srun --ntasks=3 ...}); empty if this
   * scheduler cannot, in which case {@link #check} must report shapes with more than one task.
   */
  List<String> otherTasksLauncher(ResourceShape resources);

  /**
   * How this scheduler submits jobs of one shape as one job array, if its backend was asked to;
   * empty (the default) to submit every job on its own.
   */
  default Optional<JobArrays> jobArrays() {
    return Optional.empty();
  }

  /**
   * Every reason a job of this shape cannot run on this scheduler, each naming the learner, the
   * value and the fix; empty if it can. No side effects.
   *
   * @param learner the learner's name, for the messages
   */
  List<String> check(String learner, ResourceShape resources);

  /**
   * The read-only command that describes the cluster's queues (SLURM partitions) for
   * {@link #checkQueues}, run once before a run starts; empty (the default) if this scheduler does
   * not check them.
   */
  default List<String> queuesCommand() {
    return List.of();
  }

  /**
   * Every reason a job of this shape cannot run in the queues that {@code queues}, a successful
   * result of {@link #queuesCommand}, describes; each names the learner, the value and the fix.
   *
   * @param learner the learner's name, for the messages
   * @throws SchedulerOutputException if the result cannot be parsed; the run starts unchecked
   */
  default List<String> checkQueues(CommandResult queues, String learner, ResourceShape resources) {
    return List.of();
  }

  /** The command that submits {@code script} (an absolute path) and prints the new job's id. */
  List<String> submitCommand(Path script);

  /**
   * The job id in a successful submission's output.
   *
   * @throws SchedulerOutputException if the output holds no job id; the message quotes it
   */
  String parseSubmitted(CommandResult result);

  /**
   * The one command that reports every job of the run: called once per poll, whatever the number
   * of jobs. It may return more jobs than asked for; the core keeps only those that match.
   */
  List<String> statusCommand(StatusQuery query);

  /**
   * The jobs in a status command's result, whatever its exit code (some schedulers report an
   * unknown id with a non-zero exit code and still print the others).
   *
   * @throws SchedulerOutputException if the result is a failure or cannot be parsed; then the
   *     core keeps its last snapshot and concludes nothing about any job
   */
  List<SchedulerJob> parseStatus(CommandResult result);

  /**
   * The command that asks {@code jobIds} (at most 100) to stop: the scheduler sends SIGTERM, so
   * the worker saves first.
   */
  List<String> cancelCommand(List<String> jobIds);

  /** The command that ends {@code jobIds} (at most 100) at once, with SIGKILL. */
  List<String> killCommand(List<String> jobIds);

  /**
   * What a failed command's result means: a transient error worth retrying, a permanent one with
   * its fix, or an error this scheduler does not know.
   */
  Diagnosis diagnose(CommandResult failed);
}
