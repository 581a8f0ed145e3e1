/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

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
 * The typed entry of one scheduler module (e.g. {@code SlurmBackend}): an immutable value with the
 * options every batch backend has, as copy-modifiers that return the module's own type (the last
 * call wins, the receiver is unchanged), and the {@link Backend} methods, done by a
 * {@link BatchBackend} of the module's scheduler. A module adds its own options beside these.
 *
 * @param <B> the module's backend type, which every option returns
 */
public abstract class SchedulerBackend<B extends SchedulerBackend<B>> implements Backend {

  private final BatchSettings settings;

  /** @param settings the shared batch settings of this value */
  protected SchedulerBackend(BatchSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** A copy of this backend with {@code settings} and its module's own options unchanged. */
  protected abstract B withSettings(BatchSettings settings);

  /** The batch backend that does the work, for these settings and the module's options. */
  protected abstract BatchBackend batch();

  /**
   * Sets the interface the run manager listens on for workers. Default {@code 0.0.0.0} (all).
   *
   * @throws IllegalArgumentException if it is blank
   */
  public B bindHost(String bindHost) {
    return withSettings(settings.withBindHost(Objects.requireNonNull(bindHost, "bindHost")));
  }

  /**
   * Sets the host name workers connect to; compute nodes must reach it. Default: this machine's
   * canonical host name.
   *
   * @throws IllegalArgumentException if it is blank
   */
  public B advertisedHost(String advertisedHost) {
    return withSettings(settings.withAdvertisedHost(
        Objects.requireNonNull(advertisedHost, "advertisedHost")));
  }

  /**
   * Sets how long one scheduler command may run before it is killed and counted as failed.
   * Default {@link BatchSettings#COMMAND_TIMEOUT} (60 s).
   *
   * @throws IllegalArgumentException if it is not positive
   */
  public B commandTimeout(Duration commandTimeout) {
    return withSettings(settings.withCommandTimeout(
        Objects.requireNonNull(commandTimeout, "commandTimeout")));
  }

  /**
   * Sets how long a job that ended, or that the status query no longer reports, may lack its exit
   * file before it is judged without it. Default {@link BatchSettings#EXIT_FILE_GRACE} (270 s).
   *
   * @throws IllegalArgumentException if it is negative
   */
  public B exitFileGrace(Duration exitFileGrace) {
    return withSettings(settings.withExitFileGrace(
        Objects.requireNonNull(exitFileGrace, "exitFileGrace")));
  }

  /**
   * Sets the java executable jobs start, for compute nodes that have it elsewhere than the driver.
   * Default: the driver's own.
   */
  public B java(String java) {
    return withSettings(settings.withJava(Objects.requireNonNull(java, "java")));
  }

  /**
   * Sets JVM options for the jobs' JVMs, put after the driver's own so that they win where both set
   * one: the driver on a login node can then run lean while the workers compute at full speed, e.g.
   * a driver started with {@code java -XX:TieredStopAtLevel=1 ...} and
   * {@code javaOptions("-XX:TieredStopAtLevel=4")}.
   * Each is one word starting with {@code -} ({@code --add-opens=m/p=ALL-UNNAMED}). Default: none.
   *
   * @throws IllegalArgumentException if an option sets the heap (sized from the job's memory), the
   *     class path, a module or a jar, or is not one word starting with {@code -}; the message
   *     names it and the fix
   */
  public B javaOptions(String... options) {
    return withSettings(settings.withJavaOptions(List.of(options)));
  }

  /**
   * Sets a directory searched first for the scheduler's commands (e.g. {@code sbatch},
   * {@code squeue}, {@code scancel}, {@code sinfo}; {@code qsub}, {@code qstat}, {@code qdel},
   * {@code qsig}), and put first on their {@code PATH}: a site's bin directory such as
   * {@code /opt/pbs/bin}, wrappers, or fakes in tests. Default: {@code PATH} alone.
   */
  public B executables(Path directory) {
    return withSettings(settings.withExecutables(
        List.of(Objects.requireNonNull(directory, "directory").toAbsolutePath())));
  }

  /**
   * Sets the start of job names, before the run tag. Default {@code as}.
   *
   * @throws IllegalArgumentException unless 1 to 4 letters, digits or {@code _}, starting with a
   *     letter
   */
  public B namePrefix(String namePrefix) {
    return withSettings(settings.withNamePrefix(
        Objects.requireNonNull(namePrefix, "namePrefix")));
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
    return batch().explain(plan);
  }

  /**
   * The dry run for a run directory and the command line of the program; see
   * {@link BatchBackend#explain(ExecutionPlan, Path, List)}.
   */
  @Override
  public String explain(ExecutionPlan plan, Path runDirectory, List<String> command) {
    return batch().explain(plan, runDirectory, command);
  }

  @Override
  public String name() {
    return batch().name();
  }

  @Override
  public Capabilities capabilities() {
    return batch().capabilities();
  }

  @Override
  public List<String> check(ExecutionPlan plan) {
    return batch().check(plan);
  }

  @Override
  public ManagerEndpoint managerEndpoint() {
    return batch().managerEndpoint();
  }

  @Override
  public BackendSession open() {
    return batch().open();
  }
}
