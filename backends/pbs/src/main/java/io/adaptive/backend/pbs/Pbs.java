/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import io.adaptive.backend.batch.BatchSettings;

/**
 * The PBS backend's entry point: OpenPBS and PBS Professional by default, Torque on request.
 *
 * <pre>{@code
 * RunResult result = Runner.on(Pbs.backend().advertisedHost("login01"))
 *     .store(Path.of("runs/resonance-pbs"))
 *     .run(plan);                                   // one qsub job per learner
 * System.out.println(Pbs.backend().explain(plan));  // the job scripts, nothing submitted
 * Runner.on(Pbs.backend().torque());                // Torque: nodes=N:ppn=M, state C
 * }</pre>
 */
public final class Pbs {

  private Pbs() {}

  /**
   * The OpenPBS or PBS Professional server this machine submits to, with every default: the run
   * manager listens on all interfaces under this machine's host name, each PBS command may take
   * 60 s, {@code qsub}, {@code qstat}, {@code qdel} and {@code qsig} are found on {@code PATH}.
   */
  public static PbsBackend backend() {
    return new PbsBackend(BatchSettings.defaults(), Flavour.OPENPBS);
  }

  /** The same as {@link #backend()}, for code that reads {@code Runner.on(Pbs.cluster())}. */
  public static PbsBackend cluster() {
    return backend();
  }
}
