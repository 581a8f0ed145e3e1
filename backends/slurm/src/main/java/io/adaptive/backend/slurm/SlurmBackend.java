/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import io.adaptive.backend.batch.BatchBackend;
import io.adaptive.backend.batch.BatchSettings;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.Capabilities;
import io.adaptive.runtime.spi.ManagerEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The SLURM backend: each job is a SLURM batch job. Made by {@link Slurm#backend()}; an immutable
 * value whose options are copy-modifiers (the last call wins, the receiver is unchanged).
 *
 * <p>Each job attempt gets a script {@code <runDirectory>/jobs/<job>.sbatch} (kept), submitted
 * with {@code sbatch --parsable}. One {@code squeue} per poll reports all of the run's jobs,
 * found by their name {@code as<runTag>-<n>} and comment {@code adaptive:run=<runTag>;job=<job>}.
 * {@link #explain(ExecutionPlan)} shows the scripts without submitting anything.
 */
public final class SlurmBackend implements Backend {

  /** Default of {@link #signalLead(Duration)}: 180 s. */
  public static final Duration SIGNAL_LEAD = Duration.ofSeconds(180);

  private final BatchSettings settings;
  private final Duration signalLead;
  private final BatchBackend batch;

  SlurmBackend(BatchSettings settings, Duration signalLead) {
    this.settings = settings;
    this.signalLead = signalLead;
    this.batch = BatchBackend.of("slurm", new SlurmScheduler(signalLead), settings);
  }

  /**
   * Sets the interface the run manager listens on for workers. Default {@code 0.0.0.0} (all).
   *
   * @throws IllegalArgumentException if it is blank
   */
  public SlurmBackend bindHost(String bindHost) {
    return new SlurmBackend(settings.withBindHost(Objects.requireNonNull(bindHost, "bindHost")),
        signalLead);
  }

  /**
   * Sets the host name workers connect to; compute nodes must reach it. Default: this machine's
   * canonical host name.
   *
   * @throws IllegalArgumentException if it is blank
   */
  public SlurmBackend advertisedHost(String advertisedHost) {
    return new SlurmBackend(settings.withAdvertisedHost(
        Objects.requireNonNull(advertisedHost, "advertisedHost")), signalLead);
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
    return new SlurmBackend(settings, signalLead);
  }

  /**
   * Sets how long one SLURM command may run before it is killed and counted as failed. Default
   * {@link BatchSettings#COMMAND_TIMEOUT} (60 s).
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public SlurmBackend commandTimeout(Duration commandTimeout) {
    return new SlurmBackend(settings.withCommandTimeout(
        Objects.requireNonNull(commandTimeout, "commandTimeout")), signalLead);
  }

  /**
   * Sets how long a job that ended, or that squeue no longer lists, may lack its exit file before
   * it is judged without it. Default {@link BatchSettings#EXIT_FILE_GRACE} (270 s).
   *
   * @throws IllegalArgumentException if it is negative
   */
  public SlurmBackend exitFileGrace(Duration exitFileGrace) {
    return new SlurmBackend(settings.withExitFileGrace(
        Objects.requireNonNull(exitFileGrace, "exitFileGrace")), signalLead);
  }

  /**
   * Sets the java executable jobs start, for compute nodes that have it elsewhere than the driver.
   * Default: the driver's own.
   */
  public SlurmBackend java(String java) {
    return new SlurmBackend(settings.withJava(Objects.requireNonNull(java, "java")), signalLead);
  }

  /**
   * Sets a directory searched first for {@code sbatch}, {@code squeue} and {@code scancel}, and
   * put first on their {@code PATH} (wrappers, or fakes in tests). Default: {@code PATH} alone.
   */
  public SlurmBackend executables(Path directory) {
    return new SlurmBackend(settings.withExecutables(
        List.of(Objects.requireNonNull(directory, "directory").toAbsolutePath())), signalLead);
  }

  /**
   * Sets the start of job names, before the run tag. Default {@code as}.
   *
   * @throws IllegalArgumentException unless 1 to 4 letters, digits or {@code _}, starting with a
   *     letter
   */
  public SlurmBackend namePrefix(String namePrefix) {
    return new SlurmBackend(settings.withNamePrefix(
        Objects.requireNonNull(namePrefix, "namePrefix")), signalLead);
  }

  /** The shared batch settings, as set so far. */
  public BatchSettings settings() {
    return settings;
  }

  /** The lead of the walltime warning. */
  public Duration signalLead() {
    return signalLead;
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
    return other instanceof SlurmBackend that && settings.equals(that.settings)
        && signalLead.equals(that.signalLead);
  }

  @Override
  public int hashCode() {
    return Objects.hash(settings, signalLead);
  }

  @Override
  public String toString() {
    return "Slurm.backend() with " + settings + ", signalLead " + signalLead;
  }
}
