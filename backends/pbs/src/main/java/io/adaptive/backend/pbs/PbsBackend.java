/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import io.adaptive.backend.batch.BatchBackend;
import io.adaptive.backend.batch.BatchSettings;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.Capabilities;
import io.adaptive.runtime.spi.ManagerEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
public final class PbsBackend implements Backend {

  private final BatchSettings settings;
  private final Flavour flavour;
  private final BatchBackend batch;

  PbsBackend(BatchSettings settings, Flavour flavour) {
    this.settings = settings;
    this.flavour = flavour;
    this.batch = BatchBackend.of("pbs", new PbsScheduler(flavour, settings.user(), Clock.systemDefaultZone()), settings);
  }

  /**
   * For Torque (and the slurm-wlm-torque wrappers): {@code -l nodes=N:ppn=M} and {@code -l mem=},
   * {@code -n} for exclusive nodes, node properties as constraint, finished jobs read as state C
   * with {@code exit_status} from {@code qstat -f <ids>} (Torque has no {@code -x}), and the job id
   * taken from {@code SLURM_JOB_ID} where {@code PBS_JOBID} is empty.
   */
  public PbsBackend torque() {
    return new PbsBackend(settings, Flavour.TORQUE);
  }

  /** For OpenPBS and PBS Professional: {@code -l select=} chunks, state F. The default. */
  public PbsBackend openPbs() {
    return new PbsBackend(settings, Flavour.OPENPBS);
  }

  /** True if set up for Torque by {@link #torque()}; false for OpenPBS and PBS Professional. */
  public boolean isTorque() {
    return flavour == Flavour.TORQUE;
  }

  /**
   * Sets the interface the run manager listens on for workers. Default {@code 0.0.0.0} (all).
   *
   * @throws IllegalArgumentException if it is blank
   */
  public PbsBackend bindHost(String bindHost) {
    return new PbsBackend(settings.withBindHost(Objects.requireNonNull(bindHost, "bindHost")),
        flavour);
  }

  /**
   * Sets the host name workers connect to; compute nodes must reach it. Default: this machine's
   * canonical host name.
   *
   * @throws IllegalArgumentException if it is blank
   */
  public PbsBackend advertisedHost(String advertisedHost) {
    return new PbsBackend(settings.withAdvertisedHost(
        Objects.requireNonNull(advertisedHost, "advertisedHost")), flavour);
  }

  /**
   * Sets how long one PBS command may run before it is killed and counted as failed. Default
   * {@link BatchSettings#COMMAND_TIMEOUT} (60 s).
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public PbsBackend commandTimeout(Duration commandTimeout) {
    return new PbsBackend(settings.withCommandTimeout(
        Objects.requireNonNull(commandTimeout, "commandTimeout")), flavour);
  }

  /**
   * Sets how long a job that ended, or that qstat no longer reports, may lack its exit file before
   * it is judged without it. Default {@link BatchSettings#EXIT_FILE_GRACE} (270 s).
   *
   * @throws IllegalArgumentException if it is negative
   */
  public PbsBackend exitFileGrace(Duration exitFileGrace) {
    return new PbsBackend(settings.withExitFileGrace(
        Objects.requireNonNull(exitFileGrace, "exitFileGrace")), flavour);
  }

  /**
   * Sets the java executable jobs start, for compute nodes that have it elsewhere than the driver.
   * Default: the driver's own.
   */
  public PbsBackend java(String java) {
    return new PbsBackend(settings.withJava(Objects.requireNonNull(java, "java")), flavour);
  }

  /**
   * Sets a directory searched first for {@code qsub}, {@code qstat}, {@code qdel} and
   * {@code qsig}, and put first on their {@code PATH} (a site's PBS bin directory such as
   * {@code /opt/pbs/bin}, or a fake in tests). Default: {@code PATH} alone.
   */
  public PbsBackend executables(Path directory) {
    return new PbsBackend(settings.withExecutables(
        List.of(Objects.requireNonNull(directory, "directory").toAbsolutePath())), flavour);
  }

  /**
   * Sets the start of job names, before the run tag. Default {@code as}.
   *
   * @throws IllegalArgumentException unless 1 to 4 letters, digits or {@code _}, starting with a
   *     letter
   */
  public PbsBackend namePrefix(String namePrefix) {
    return new PbsBackend(settings.withNamePrefix(
        Objects.requireNonNull(namePrefix, "namePrefix")), flavour);
  }

  /**
   * Sets whose jobs are read from {@code qstat -f}: only blocks whose {@code Job_Owner} has exactly
   * this user before the {@code @} count. Default: this JVM's {@code user.name}.
   */
  public PbsBackend user(String user) {
    return new PbsBackend(settings.withUser(Objects.requireNonNull(user, "user")), flavour);
  }

  /** The shared batch settings, as set so far. */
  public BatchSettings settings() {
    return settings;
  }

  /**
   * The dry run: the job scripts a run of {@code plan} would submit, started by this JVM's command
   * line, in {@code runs/<experiment>}. Writes and submits nothing.
   */
  public String explain(ExecutionPlan plan) {
    return batch.explain(plan);
  }

  /**
   * The dry run for a run directory and the command line of the program; see
   * {@link BatchBackend#explain(ExecutionPlan, Path, List)}.
   */
  public String explain(ExecutionPlan plan, Path runDirectory, List<String> command) {
    return batch.explain(plan, runDirectory, command);
  }

  @Override
  public String name() {
    return batch.name();
  }

  @Override
  public Capabilities capabilities() {
    return batch.capabilities();
  }

  @Override
  public List<String> check(ExecutionPlan plan) {
    return batch.check(plan);
  }

  @Override
  public ManagerEndpoint managerEndpoint() {
    return batch.managerEndpoint();
  }

  @Override
  public BackendSession open() {
    return batch.open();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PbsBackend that && settings.equals(that.settings)
        && flavour == that.flavour;
  }

  @Override
  public int hashCode() {
    return Objects.hash(settings, flavour);
  }

  @Override
  public String toString() {
    return "Pbs.backend()" + (flavour == Flavour.TORQUE ? ".torque()" : "") + " with " + settings;
  }
}
