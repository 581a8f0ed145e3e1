/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.function.Function;

/** An experiment that knows its sweep: next say what each point learns. */
public sealed interface ExperimentLearnStep permits ExperimentSweepStep, ExperimentBalanceStep, ExperimentDraft {

  /**
   * Says which learner each sweep point runs: {@code compile()} calls {@code learn} once per point,
   * in sweep order, in the calling thread.
   *
   * <p>Keep it deterministic: the driver and every worker call it and must build the same plan.
   * If it throws or returns null for a point, {@link Experiment#compile()} reports that point's
   * learner with the exception's message, together with every other problem.
   *
   * <p>Any learner may be returned ({@link LearnerDefinition}), and different points may return
   * different types, unless the sweep is {@linkplain ExperimentBalanceStep#balance() balanced}.
   *
   * @param learn for example {@code point -> learner1D(interval(0, 1), x -> x * point.get(A))}
   * @return the next step, {@code until}; this step is unchanged
   * @throws NullPointerException if {@code learn} is null
   */
  ExperimentUntilStep learn(Function<? super Point, ? extends LearnerDefinition> learn);
}
