/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A compiled experiment: every learner that runs, complete and immutable.
 *
 * <p>Built by {@code Experiment.compile()}. Where and how it runs (backend, store directory,
 * intervals) is not part of the plan but of the runner that runs it.
 *
 * @param experiment the experiment name; also the default store directory {@code runs/<experiment>}
 * @param learners the learners in a fixed order (sweep order), names unique
 */
public record ExecutionPlan(String experiment, List<LearnerTask> learners) {

  public ExecutionPlan {
    Objects.requireNonNull(experiment, "experiment");
    learners = List.copyOf(learners);
  }

  /**
   * The learner called {@code name}.
   *
   * @throws IllegalArgumentException if the plan has no such learner; the message lists a few names
   */
  public LearnerTask learner(String name) {
    for (LearnerTask task : learners) {
      if (task.name().equals(name)) {
        return task;
      }
    }
    List<String> some = learners.stream().limit(5).map(LearnerTask::name).toList();
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "experiment '%s' has no learner '%s'; it has %d learners, for example %s",
        experiment, name, learners.size(), some));
  }

  /**
   * What will run, as deterministic line-oriented text: the same plan gives the same text in every
   * JVM. Tools diff it, so its lines are stable API.
   */
  public String explain() {
    StringBuilder text = new StringBuilder();
    text.append("experiment ").append(experiment).append(": ").append(learners.size())
        .append(learners.size() == 1 ? " learner" : " learners").append('\n');
    for (LearnerTask task : learners) {
      text.append(PlanText.explain(task));
    }
    return text.toString();
  }
}
