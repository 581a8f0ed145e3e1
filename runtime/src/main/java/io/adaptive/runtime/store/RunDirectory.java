/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The layout of a run's directory: where each file of a run lives, and nothing else. It creates,
 * reads and checks nothing; two equal roots give equal layouts.
 *
 * <pre>
 * root/
 *   run.db                  the run store (run manager only): a MapDB snapshot, see {@link RunDatabase}
 *   run.db.log.&lt;n&gt;          its log of commits since the snapshot
 *   run.db.lock, .owner     who holds it
 *   secret                  owner-only token, see {@link RunSecret}
 *   logs/
 *   charts/
 *   learners/&lt;name&gt;/
 *     data.db.a, data.db.b,   one learner's data, written by its worker only: data.db names them,
 *     data.db.current,        see {@link LearnerDataFile}
 *     data.db.lock
 *     data.csv                its read-only snapshot for charts and the CLI, see {@link DataSnapshot}
 * </pre>
 *
 * @param root the run's directory, e.g. {@code runs/resonance}; need not exist
 */
public record RunDirectory(Path root) {

  /**
   * The layout under {@code root}.
   *
   * @param root the run's directory, e.g. {@code runs/resonance}; need not exist
   * @throws NullPointerException if {@code root} is null
   */
  public RunDirectory {
    Objects.requireNonNull(root, "root");
  }

  /**
   * The directory of one learner, {@code root/learners/<learner>/}. Deleting it starts the learner
   * afresh.
   *
   * @param learner the learner's name as the plan gives it, e.g. {@code peak[a=0.01,x0=0.2]}
   * @throws IllegalArgumentException if the name is empty, {@code .} or {@code ..}, or holds a path
   *     separator or NUL, so it would not name one directory inside {@code learners/}
   */
  public Path learnerDirectory(String learner) {
    Objects.requireNonNull(learner, "learner");
    checkArgument(
        !learner.isEmpty()
            && !learner.equals(".")
            && !learner.equals("..")
            && learner.indexOf('/') < 0
            && learner.indexOf('\\') < 0
            && learner.indexOf('\0') < 0,
        "learner name '%s' does not name one directory; names must not be empty, '.' or '..', "
            + "nor hold '/', '\\' or NUL",
        learner);
    return root.resolve("learners").resolve(learner);
  }

  /**
   * The learner's data file, {@code root/learners/<learner>/data.db}, as {@link
   * LearnerDataFile#open} takes it. The MapDB stores live next to it as {@code data.db.a} and
   * {@code data.db.b}; no file has this exact name.
   */
  public Path dataFile(String learner) {
    return learnerDirectory(learner).resolve("data.db");
  }

  /** The learner's CSV snapshot, {@code root/learners/<learner>/data.csv}. */
  public Path snapshot(String learner) {
    return learnerDirectory(learner).resolve("data.csv");
  }

  /** Worker and job logs, {@code root/logs/}. */
  public Path logs() {
    return root.resolve("logs");
  }

  /** Chart images, {@code root/charts/}. */
  public Path charts() {
    return root.resolve("charts");
  }

  /**
   * The run manager's database, {@code root/run.db}, as {@link RunDatabase#open} takes it: a MapDB
   * snapshot, with its log and lock files next to it.
   */
  public Path runDatabase() {
    return root.resolve("run.db");
  }

  /**
   * Creates the run directory, and any missing parent, readable by its owner only (rwx------),
   * since it holds the run's secret and its data. An existing directory is left as it is.
   */
  public void create() throws IOException {
    OwnerOnly.createDirectories(root);
  }

  /** Where the live run manager listens, {@code host:port}: {@code <root>/manager.address}. */
  public Path managerAddress() {
    return root.resolve("manager.address");
  }

  /** Requests to the run manager (cancel), left by tools: {@code <root>/requests}. */
  public Path requests() {
    return root.resolve("requests");
  }

  /** Every progress report, appended as it arrives: {@code <root>/history.tsv}. */
  public Path history() {
    return root.resolve("history.tsv");
  }

  /** Every change of a learner's state or job, appended as it happens: {@code <root>/journal.tsv}. */
  public Path journal() {
    return root.resolve("journal.tsv");
  }

  /** The run manager's published view of every learner: {@code <root>/status.tsv}. */
  public Path status() {
    return root.resolve("status.tsv");
  }

  /**
   * The learners the store keeps but the last run's plan no longer has, in the format of {@link
   * #status()}: {@code <root>/removed.tsv}.
   */
  public Path removed() {
    return root.resolve("removed.tsv");
  }

  /** The run's owner-only secret, {@code root/secret}. */
  public Path secret() {
    return root.resolve("secret");
  }
}
