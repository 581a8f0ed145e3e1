/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import io.adaptive.backend.batch.BatchBackend;
import io.adaptive.backend.batch.BatchSettings;
import io.adaptive.backend.batch.SchedulerBackend;
import java.time.Clock;
import java.util.Objects;

/**
 * The PBS backend: each job is a PBS batch job. Made by {@link Pbs#backend()}; an immutable value
 * whose options are copy-modifiers (the last call wins, the receiver is unchanged).
 *
 * <p>Each job attempt gets a script {@code <runDirectory>/jobs/<job>.pbs} (kept), submitted with
 * {@code qsub <script>}. One {@code qstat -f -x <ids>} per poll (Torque: {@code qstat -f <ids>})
 * reports all of the run's jobs, found by id, their name {@code as<runTag>-<n>}, their owner and
 * the run's comment in their {@code Variable_List}. Cancels are one {@code qdel} for up to 100
 * jobs; a hung worker is ended with {@code qsig -s KILL}.
 *
 * <p>PBS has no walltime warning signal: each worker stops itself before its walltime (its own
 * deadline, the last tenth of the walltime, at most a minute), saves, and exits with status 7,
 * which the job wrapper records; the learner is resubmitted without a failure charged. A job
 * killed at the limit instead ({@code Exit_status} 271 with its walltime used up) is handled the
 * same way.
 *
 * <p>How each resource becomes a {@code #PBS} line, and what is refused (QOS, more than one task,
 * SLURM-style constraints), is listed in the module's README.
 */
public final class PbsBackend extends SchedulerBackend<PbsBackend> {

  private final Flavour flavour;
  private final BatchBackend batch;

  PbsBackend(BatchSettings settings, Flavour flavour) {
    super(settings);
    this.flavour = flavour;
    this.batch = BatchBackend.of("pbs",
        new PbsScheduler(flavour, settings.user(), Clock.systemDefaultZone()), settings);
  }

  @Override
  protected PbsBackend withSettings(BatchSettings settings) {
    return new PbsBackend(settings, flavour);
  }

  @Override
  protected BatchBackend batch() {
    return batch;
  }

  /**
   * For Torque (and the slurm-wlm-torque wrappers): {@code -l nodes=N:ppn=M} and {@code -l mem=},
   * {@code -n} for exclusive nodes, node properties as constraint, finished jobs read as state C
   * with {@code exit_status} from {@code qstat -f <ids>} (Torque has no {@code -x}), and the job id
   * taken from {@code SLURM_JOB_ID} where {@code PBS_JOBID} is empty.
   */
  public PbsBackend torque() {
    return new PbsBackend(settings(), Flavour.TORQUE);
  }

  /** For OpenPBS and PBS Professional: {@code -l select=} chunks, state F. The default. */
  public PbsBackend openPbs() {
    return new PbsBackend(settings(), Flavour.OPENPBS);
  }

  /** True if set up for Torque by {@link #torque()}; false for OpenPBS and PBS Professional. */
  public boolean isTorque() {
    return flavour == Flavour.TORQUE;
  }

  /**
   * Sets whose jobs are read from {@code qstat -f}: only blocks whose {@code Job_Owner} has exactly
   * this user before the {@code @} count. Default: this JVM's {@code user.name}.
   */
  public PbsBackend user(String user) {
    return withSettings(settings().withUser(Objects.requireNonNull(user, "user")));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PbsBackend that && settings().equals(that.settings())
        && flavour == that.flavour;
  }

  @Override
  public int hashCode() {
    return Objects.hash(settings(), flavour);
  }

  @Override
  public String toString() {
    return "Pbs.backend()" + (flavour == Flavour.TORQUE ? ".torque()" : "") + " with " + settings();
  }
}
