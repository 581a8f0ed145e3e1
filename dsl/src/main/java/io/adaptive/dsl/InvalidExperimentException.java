/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.AdaptiveException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Thrown by {@link Experiment#compile()} when an experiment has problems; it lists all of them, so
 * one run of the program shows everything to fix. Nothing has run when it is thrown.
 *
 * <p>The message reads, for example:
 *
 * <pre>
 * experiment 'resonance' has 2 problems; nothing was run
 *   1. sweep &gt; axis 'damping': 0.05 appears twice; each value becomes one learner, so remove the copy
 *   2. learn &gt; learner1D (all 4 learners): interval(3.0, 0.0) is empty; put the lower bound first: interval(0.0, 3.0)
 * </pre>
 *
 * <p>Tools should read {@link #problems()} rather than parse the message.
 */
public final class InvalidExperimentException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  private final String experiment;
  private final List<Problem> problems;

  /**
   * Creates the exception; its message is built from the problems.
   *
   * @param experiment the experiment's name as written
   * @param problems at least one problem, in the order they are reported
   * @throws IllegalArgumentException if {@code problems} is empty
   * @throws NullPointerException if an argument is null
   */
  public InvalidExperimentException(String experiment, List<Problem> problems) {
    super(message(experiment, problems));
    this.experiment = experiment;
    this.problems = List.copyOf(problems);
  }

  /** The experiment's name as written in {@code experiment(..)}. */
  public String experiment() {
    return experiment;
  }

  /** Every problem found, in DSL order: experiment, sweep, learn, until, resources. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String experiment, List<Problem> problems) {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidExperimentException needs at least one problem");
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "experiment %s has %d %s; nothing was run", DslText.quote(experiment), problems.size(),
        problems.size() == 1 ? "problem" : "problems"));
    for (int i = 0; i < problems.size(); i++) {
      text.append(String.format(Locale.ROOT, "\n  %d. %s", i + 1, problems.get(i)));
    }
    return text.toString();
  }
}
