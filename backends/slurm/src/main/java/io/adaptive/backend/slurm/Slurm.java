/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import io.adaptive.backend.batch.BatchSettings;

/**
 * The SLURM backend's entry point.
 *
 * <pre>{@code
 * RunResult result = Runner.on(Slurm.backend().signalLead(Duration.ofMinutes(5)))
 *     .store(Path.of("runs/resonance-slurm"))
 *     .run(plan);                                    // one sbatch job per learner
 * System.out.println(Slurm.backend().explain(plan)); // the job scripts, nothing submitted
 * }</pre>
 */
public final class Slurm {

  private Slurm() {}

  /**
   * The SLURM cluster this machine submits to, with every default: the run manager listens on
   * all interfaces under this machine's host name, jobs get USR1 180 s before their walltime,
   * each SLURM command may take 60 s.
   */
  public static SlurmBackend backend() {
    return new SlurmBackend(BatchSettings.defaults(), SlurmBackend.SIGNAL_LEAD);
  }

  /** The same as {@link #backend()}, for code that reads {@code Runner.on(Slurm.cluster())}. */
  public static SlurmBackend cluster() {
    return backend();
  }
}
