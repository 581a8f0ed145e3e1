/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;

/**
 * A complete experiment: a value that can be refined (every method returns a copy, the last call
 * wins) and compiled into an {@link ExecutionPlan}.
 *
 * <pre>{@code
 * Experiment peak = experiment("peak")
 *     .sweep(A, X0)
 *     .learn(point -> learner1D(interval(-1, 1), x -> Math.exp(-Math.abs(x - point.get(X0)) / point.get(A))))
 *     .until(lossBelow(0.01));
 * ExecutionPlan plan = peak.resources(resources().cores(2)).compile();
 * }</pre>
 */
public sealed interface Experiment extends ExperimentUntilStep permits ExperimentDraft {

  /** The experiment name as given to {@link Adaptive#experiment(String)}. */
  String name();

  /**
   * Sets what each learner's job asks for; replaces earlier {@code resources(..)}. Default:
   * {@link Adaptive#resources()}, that is {@link Defaults#RESOURCES}.
   *
   * @param resources for example {@code resources().cores(16).memory(gib(4))}
   * @return a copy with these resources; this experiment is unchanged
   * @throws NullPointerException if {@code resources} is null
   */
  Experiment resources(Resources resources);

  /**
   * Builds the plan: calls the learn function once per sweep point, fills every unset value from
   * {@link Defaults}, and checks everything.
   *
   * <p>Pure: no I/O, threads or logging, so the driver and every worker get the same plan. Every
   * problem is found before this returns or throws; none is left for a backend or scheduler to
   * discover.
   *
   * @return a complete plan with one learner per sweep point, in sweep order
   * @throws InvalidExperimentException listing every problem found, each with where it is and its
   *     fix; nothing has run
   */
  ExecutionPlan compile();
}
