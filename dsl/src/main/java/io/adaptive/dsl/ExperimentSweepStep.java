/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.List;

/**
 * An experiment that has a name: next say what it sweeps ({@link #sweep}), or go straight to
 * {@link #learn} for a single learner named like the experiment. Start with
 * {@link Adaptive#experiment(String)}.
 */
public sealed interface ExperimentSweepStep extends ExperimentLearnStep permits ExperimentDraft {

  /**
   * Sweeps these axes: one learner per combination of their values (the cartesian product), in
   * axis order with the last axis varying fastest. Each learner is named
   * {@code <experiment>[<axis>=<value>,...]}, see {@link io.adaptive.plan.LearnerNames}.
   *
   * <p>With no axes, the experiment has one learner, as without {@code sweep}. Empty axes,
   * repeated values, duplicate axis names and values of unsupported types are reported by
   * {@link Experiment#compile()}.
   *
   * @param axes the axes, for example {@code sweep(DAMPING, FORCE)}
   * @return the next step, {@code balance} or {@code learn}; this step is unchanged
   * @throws NullPointerException if {@code axes} or one of them is null
   */
  ExperimentBalanceStep sweep(Axis<?>... axes);

  /**
   * Sweeps these axes; see {@link #sweep(Axis[])}.
   *
   * @param axes the axes in order; the list is copied
   * @return the next step, {@code balance} or {@code learn}; this step is unchanged
   * @throws NullPointerException if {@code axes} or one of them is null
   */
  ExperimentBalanceStep sweep(List<? extends Axis<?>> axes);
}
