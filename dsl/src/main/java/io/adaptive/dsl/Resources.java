/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.Memory;
import java.time.Duration;

/**
 * What each learner's job asks of the machine: one batch job per learner on a scheduler, one
 * process or thread group locally. Start from {@link Adaptive#resources()}, which asks for nothing
 * beyond the {@link Defaults}, and pass the result to {@link Experiment#resources(Resources)}.
 *
 * <p>Immutable: every method returns a copy. For single values the last call wins;
 * {@link #env}, {@link #prelude} and {@link #schedulerOption} add to what is there. Values are
 * recorded as given; {@link Experiment#compile()} reports every bad one at once. A backend that
 * cannot honour a request (for example {@code nodes(4)} locally) refuses the plan before it starts.
 */
public sealed interface Resources permits ResourcesValue {

  /**
   * Sets how many threads evaluate points at once in one learner's job (tasks × CPUs per task on
   * a scheduler). Default: {@link Defaults#CORES} (1). Zero or less is reported by {@code compile()}.
   *
   * @param cores threads per job, 1 or more
   * @return a copy with this many cores; this {@code Resources} is unchanged
   */
  Resources cores(int cores);

  /**
   * Sets how many nodes each job spans. Default: {@link Defaults#NODES} (1). Zero or less is
   * reported by {@code compile()}.
   *
   * @param nodes nodes per job, 1 or more
   * @return a copy with this many nodes; this {@code Resources} is unchanged
   */
  Resources nodes(int nodes);

  /**
   * Sets how many processes (tasks) each job runs; the job's cores are split evenly among them,
   * {@code cores / tasks} CPUs each. With more than one, the learner's worker runs in the first
   * task and evaluates points in all of them (SLURM starts the others with {@code srun}), so one
   * learner can use several nodes. Default: {@link Defaults#TASKS} (1). Reported by
   * {@code compile()}: zero or less, fewer tasks than nodes, or cores not divisible by tasks.
   *
   * @param tasks processes per job, 1 or more
   * @return a copy with this many tasks; this {@code Resources} is unchanged
   */
  Resources tasks(int tasks);

  /**
   * Sets the memory of each job, for example {@code gib(4)}; schedulers get whole mebibytes,
   * rounded up, and the worker's heap is sized from it. Default: {@link Defaults#MEMORY} (2 GiB).
   * Zero or less is reported by {@code compile()}.
   *
   * @param memory memory of the whole job, e.g. {@code gib(4)} or {@code mib(512)}
   * @return a copy with this memory; this {@code Resources} is unchanged
   * @throws NullPointerException if {@code memory} is null
   */
  Resources memory(Memory memory);

  /**
   * Sets the walltime of each learner's batch job; the scheduler ends the job when it runs out.
   *
   * <p>Rounded up to whole minutes for SLURM and PBS. Default: {@link Defaults#WALLTIME} (1 hour).
   * A zero or negative value is reported by {@link Experiment#compile()} along with every other
   * problem; nothing is checked here.
   *
   * @param walltime wall-clock limit per job, not for the whole run
   * @return a copy with this walltime; this {@code Resources} is unchanged
   * @throws NullPointerException if {@code walltime} is null
   */
  Resources walltime(Duration walltime);

  /**
   * Sets the SLURM partition (the PBS queue). Default: empty, the site's default.
   *
   * @param partition the partition or queue name, e.g. {@code "short"}
   * @return a copy with this partition; this {@code Resources} is unchanged
   * @throws NullPointerException if {@code partition} is null
   */
  Resources partition(String partition);

  /**
   * Sets the account charged for the jobs. Default: empty, the user's default account.
   *
   * @param account the account name, e.g. {@code "phys-123"}
   * @return a copy with this account; this {@code Resources} is unchanged
   * @throws NullPointerException if {@code account} is null
   */
  Resources account(String account);

  /**
   * Sets the SLURM quality of service. Default: empty, the site's default.
   *
   * @param qos the quality-of-service name
   * @return a copy with this QoS; this {@code Resources} is unchanged
   * @throws NullPointerException if {@code qos} is null
   */
  Resources qos(String qos);

  /**
   * Sets the GPUs per job. Default: {@link Defaults#GPUS} (0, none). A negative count is reported
   * by {@code compile()}.
   *
   * @param gpus GPUs per job, 0 or more
   * @return a copy with this many GPUs; this {@code Resources} is unchanged
   */
  Resources gpus(int gpus);

  /**
   * Asks for whole nodes, shared with no other job. Default: {@link Defaults#EXCLUSIVE} (shared).
   *
   * @return an exclusive copy; this {@code Resources} is unchanged
   */
  Resources exclusive();

  /**
   * Sets a node feature constraint, e.g. {@code "skylake"} (SLURM {@code --constraint}). Default:
   * empty, any node.
   *
   * @param constraint a feature expression as the scheduler takes it
   * @return a copy with this constraint; this {@code Resources} is unchanged
   * @throws NullPointerException if {@code constraint} is null
   */
  Resources constraint(String constraint);

  /**
   * Adds an environment variable to each job; a second call with the same name replaces the value.
   * Names must be letters, digits and underscores, not starting with a digit; {@code compile()}
   * reports others. Default: none beyond what the scheduler passes.
   *
   * @param name the variable name, e.g. {@code "OMP_NUM_THREADS"}
   * @param value its value, taken literally
   * @return a copy with this variable; this {@code Resources} is unchanged
   * @throws NullPointerException if {@code name} or {@code value} is null
   */
  Resources env(String name, String value);

  /**
   * Adds a shell line run in each job before the worker starts, e.g. {@code "module load java/17"};
   * lines run in the order added. Default: none.
   *
   * @param line one shell line, without line breaks
   * @return a copy with this line added; this {@code Resources} is unchanged
   * @throws NullPointerException if {@code line} is null
   */
  Resources prelude(String line);

  /**
   * Adds a raw scheduler option, passed through unchanged, e.g. {@code "--mail-type=END"}; options
   * keep the order added. Default: none. The plan does not interpret it, so prefer the typed
   * methods where one exists.
   *
   * @param option one option as the scheduler takes it, without line breaks
   * @return a copy with this option added; this {@code Resources} is unchanged
   * @throws NullPointerException if {@code option} is null
   */
  Resources schedulerOption(String option);
}
