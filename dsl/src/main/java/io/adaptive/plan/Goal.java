/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When a learner is done. Goals are checked between completed evaluations, so a learner can
 * overshoot a points goal by up to its number of cores minus one.
 *
 * <p>Goals are not part of a learner's fingerprint: tightening a goal keeps the learner's data.
 */
public sealed interface Goal {

  /** Done when both this and {@code other} are met. */
  default Goal and(Goal other) {
    return new AllOf(List.of(this, Objects.requireNonNull(other, "other")));
  }

  /** Done when this or {@code other} is met. */
  default Goal or(Goal other) {
    return new AnyOf(List.of(this, Objects.requireNonNull(other, "other")));
  }

  /** The goal as it is written in the DSL, e.g. {@code lossBelow(0.01).or(points(500))}. */
  String describe();

  /** Done when the learner holds at least {@code count} evaluated points. */
  record Points(long count) implements Goal {
    @Override
    public String describe() {
      return "points(" + count + ")";
    }
  }

  /** Done when the learner's loss (evaluated points only) is at most {@code threshold}. */
  record LossBelow(double threshold) implements Goal {
    @Override
    public String describe() {
      return "lossBelow(" + threshold + ")";
    }
  }

  /**
   * Done when the learner has run for {@code limit} in total, summed over all its jobs: a restart
   * does not reset the clock.
   */
  record Elapsed(Duration limit) implements Goal {
    public Elapsed {
      Objects.requireNonNull(limit, "limit");
    }

    @Override
    public String describe() {
      return "elapsed(" + limit + ")";
    }
  }

  /** Done when every one of {@code goals} is met. */
  record AllOf(List<Goal> goals) implements Goal {
    public AllOf {
      goals = List.copyOf(goals);
    }

    @Override
    public String describe() {
      return join(goals, "and");
    }
  }

  /** Done when any one of {@code goals} is met. */
  record AnyOf(List<Goal> goals) implements Goal {
    public AnyOf {
      goals = List.copyOf(goals);
    }

    @Override
    public String describe() {
      return join(goals, "or");
    }
  }

  private static String join(List<Goal> goals, String operator) {
    StringBuilder text = new StringBuilder(goals.get(0).describe());
    for (Goal goal : goals.subList(1, goals.size())) {
      text.append('.').append(operator).append('(').append(goal.describe()).append(')');
    }
    return text.toString();
  }
}
