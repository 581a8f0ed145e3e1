/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one learner's job asks of the machine. Complete in a compiled plan: every field has a value,
 * and an empty text means "not requested, the site's default applies".
 *
 * <p>Not part of a learner's fingerprint: asking for more cores or walltime keeps the data.
 *
 * @param cores threads evaluating points at once in the job (tasks × CPUs per task on a scheduler)
 * @param nodes nodes the job spans
 * @param tasks processes the job runs, spread over its nodes; its cores are split evenly among
 *     them ({@code cores / tasks} CPUs per task). With more than one, the learner's worker runs in
 *     the first task and evaluates points in all of them
 * @param memory memory for the whole job; the worker's heap is sized from it on batch backends
 * @param walltime wall-clock limit of one job, not of the whole run
 * @param partition SLURM partition or PBS queue; empty for the default
 * @param account account charged; empty for the default
 * @param qos SLURM quality of service; empty for the default
 * @param gpus GPUs per job; 0 for none
 * @param exclusive whether the job wants its nodes to itself
 * @param constraint node feature constraint; empty for none
 * @param environment extra environment variables of the job, sorted by name
 * @param prelude shell lines run before the worker starts (for example {@code module load java})
 * @param schedulerOptions raw scheduler options passed through unchanged, in order
 */
public record ResourceShape(
    int cores,
    int nodes,
    int tasks,
    Memory memory,
    Duration walltime,
    String partition,
    String account,
    String qos,
    int gpus,
    boolean exclusive,
    String constraint,
    SortedMap<String, String> environment,
    List<String> prelude,
    List<String> schedulerOptions) {

  public ResourceShape {
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(walltime, "walltime");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(qos, "qos");
    Objects.requireNonNull(constraint, "constraint");
    environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(environment)));
    prelude = List.copyOf(prelude);
    schedulerOptions = List.copyOf(schedulerOptions);
  }

  /** A copy with this walltime. */
  public ResourceShape withWalltime(Duration walltime) {
    return new ResourceShape(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusive, constraint, environment, prelude, schedulerOptions);
  }

  /** CPUs of each task: {@code cores / tasks}. */
  public int cpusPerTask() {
    return cores / tasks;
  }

  /** A copy with this memory. */
  public ResourceShape withMemory(Memory memory) {
    return new ResourceShape(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusive, constraint, environment, prelude, schedulerOptions);
  }

  /** A copy with {@code cores} cores. */
  public ResourceShape withCores(int cores) {
    return new ResourceShape(cores, nodes, tasks, memory, walltime, partition, account, qos, gpus,
        exclusive, constraint, environment, prelude, schedulerOptions);
  }
}
