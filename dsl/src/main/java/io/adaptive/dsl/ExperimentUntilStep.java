/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Goal;

/** An experiment that knows what it learns: next say when each learner is done. */
public sealed interface ExperimentUntilStep permits Experiment, ExperimentDraft {

  /**
   * Sets when each learner is done, e.g. {@code lossBelow(0.01).or(points(10_000))}; on an
   * {@link Experiment}, replaces its goal.
   *
   * <p>Goals that can never be met (a negative loss, {@code lossBelow(0.0)} with no bound) or that
   * are met before the first point ({@code points(0)}) are reported by {@link Experiment#compile()}.
   *
   * @param goal the goal of every learner
   * @return a complete experiment; this step is unchanged
   * @throws NullPointerException if {@code goal} is null
   */
  Experiment until(Goal goal);
}
