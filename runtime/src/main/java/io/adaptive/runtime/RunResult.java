/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a run ended: every learner's state, points and loss, and where its data and charts are.
 *
 * @param last the run's final snapshot
 */
public record RunResult(RunSnapshot last) {

  public RunResult {
    Objects.requireNonNull(last, "last");
  }

  /** Every learner of the plan, in plan order. */
  public List<LearnerStatus> learners() {
    return last.learners();
  }

  /** The learner called {@code name}. */
  public LearnerStatus learner(String name) {
    return learners().stream().filter(l -> l.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the run has no learner '" + name + "'"));
  }

  /**
   * The learners the store keeps but this run's plan no longer has, by name: not run, their
   * records and data kept as they were (their state is the one they last had); a plan that has
   * them again resumes them. Empty if the plan has every stored learner.
   */
  public List<LearnerStatus> removed() {
    return last.removed();
  }

  /** The run directory: {@code run.db}, {@code learners/<name>/}, {@code logs/}, {@code charts/}. */
  public Path store() {
    return last.store();
  }

  /** Where charts of this run are written. */
  public Path chartsDirectory() {
    return last.chartsDirectory();
  }

  /** True if every learner reached its goal. */
  public boolean succeeded() {
    return last.count(LearnerState.DONE) == learners().size();
  }

  /** A table of the learners (state, points, loss, failures), then where the data is. */
  public String summary() {
    int width = learners().stream().mapToInt(l -> l.name().length()).max().orElse(7);
    width = Math.max(width, "learner".length());
    StringBuilder text = new StringBuilder();
    String row = "%-" + width + "s  %-7s  %9s  %12s  %5s%n";
    text.append(String.format(Locale.ROOT, row, "learner", "state", "points", "loss", "fails"));
    for (LearnerStatus l : learners()) {
      text.append(String.format(Locale.ROOT, row, l.name(), l.state().name().toLowerCase(Locale.ROOT),
          l.npoints(), String.format(Locale.ROOT, "%.6g", l.loss()), l.failures()));
    }
    long cancelled = last.count(LearnerState.CANCELLED);
    text.append(String.format(Locale.ROOT, "%d done, %d failed%s of %d learners; data in %s%n",
        last.count(LearnerState.DONE), last.count(LearnerState.FAILED),
        cancelled == 0 ? "" : ", " + cancelled + " cancelled", learners().size(), store()));
    if (!removed().isEmpty()) {
      text.append(String.format(Locale.ROOT, "not in this plan, kept in the store: %s%n",
          String.join(", ", removed().stream()
              .map(l -> l.name() + " (" + l.npoints() + " points)").toList())));
    }
    for (LearnerStatus l : learners()) {
      if (l.state() == LearnerState.FAILED) {
        String first = l.lastError().lines().findFirst().orElse("");
        text.append(String.format(Locale.ROOT, "failed: %s: %s%n", l.name(), first));
      }
    }
    return text.toString();
  }
}
