/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;

/** The values {@code compile()} fills in where an experiment says nothing. */
public final class Defaults {

  /** Threads evaluating points at once in one learner's job: 1. */
  public static final int CORES = 1;

  /** Nodes per job: 1. */
  public static final int NODES = 1;

  /** Processes per job: one worker JVM. */
  public static final int TASKS = 1;

  /** Memory per job: 2 GiB. */
  public static final Memory MEMORY = Memory.gib(2);

  /** Walltime per job: 1 hour. */
  public static final Duration WALLTIME = Duration.ofHours(1);

  /** GPUs per job: 0. */
  public static final int GPUS = 0;

  /** Whether a job asks for its nodes to itself: no. */
  public static final boolean EXCLUSIVE = false;

  /** The loss of a 1-D learner: python-adaptive's default loss. */
  public static final Loss1D LOSS_1D = new Loss1D.Default();

  /** The loss of a 2-D learner: python-adaptive's default loss. */
  public static final Loss2D LOSS_2D = new Loss2D.Default();

  /** The loss of a LearnerND: python-adaptive's default loss (the lifted simplex volume). */
  public static final LossND LOSS_ND = new LossND.Default();

  /** The seed of a LearnerND's random points before its first simplex: 1, python-adaptive's. */
  public static final long LEARNER_ND_SEED = 1;

  /** Fewest samples before an average learner's loss is finite: 2, python-adaptive's min_npoints. */
  public static final int AVERAGE_MIN_POINTS = 2;

  /** An average1D learner's delta: 0.2. */
  public static final double AVERAGE_1D_DELTA = 0.2;

  /** An average1D learner's alpha: 0.005. */
  public static final double AVERAGE_1D_ALPHA = 0.005;

  /** An average1D learner's neighborSampling: 0.3. */
  public static final double AVERAGE_1D_NEIGHBOR_SAMPLING = 0.3;

  /** An average1D learner's minSamples: 50. */
  public static final long AVERAGE_1D_MIN_SAMPLES = 50;

  /** An average1D learner's maxSamples: no limit ({@link Long#MAX_VALUE}). */
  public static final long AVERAGE_1D_MAX_SAMPLES = Long.MAX_VALUE;

  /** An average1D learner's minError: 0. */
  public static final double AVERAGE_1D_MIN_ERROR = 0;

  /** How a balancing learner picks a child: {@link BalancingStrategy#LOSS_IMPROVEMENTS}. */
  public static final BalancingStrategy BALANCING_STRATEGY = BalancingStrategy.LOSS_IMPROVEMENTS;

  /**
   * Every resource default at once: {@link #CORES}, {@link #NODES}, {@link #TASKS}, {@link #MEMORY},
   * {@link #WALLTIME}, {@link #GPUS}, {@link #EXCLUSIVE}; empty texts (the site's default partition,
   * account, QoS and no constraint) and no environment, prelude or scheduler options.
   */
  public static final ResourceShape RESOURCES = new ResourceShape(CORES, NODES, TASKS, MEMORY, WALLTIME,
      "", "", "", GPUS, EXCLUSIVE, "", new TreeMap<>(), List.of(), List.of());

  private Defaults() {}
}
