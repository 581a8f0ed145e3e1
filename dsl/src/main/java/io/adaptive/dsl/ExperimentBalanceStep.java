/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.BalancingStrategy;

/**
 * An experiment that sweeps: next say what each point learns, or first {@link #balance()} the
 * sweep's learners into one.
 */
public sealed interface ExperimentBalanceStep extends ExperimentLearnStep permits ExperimentDraft {

  /**
   * Runs every learner of the sweep as a child of one balancing learner (one job), instead of one
   * learner and one job each, with the default strategy ({@code LOSS_IMPROVEMENTS}); see
   * {@link #balance(BalancingStrategy)}.
   *
   * @return the next step, {@code learn}; this step is unchanged
   */
  ExperimentLearnStep balance();

  /**
   * Runs every learner of the sweep as a child of one balancing learner, in one job, which gives
   * each point to the child {@code strategy} picks (python-adaptive's {@code BalancingLearner}).
   *
   * <p>The plan then has a single learner, named like the experiment, whose children have the
   * names the learners would have had on their own ({@code resonance[damping=0.05]}) and their
   * sweep parameters. The goal and resources apply to the whole: {@code points(n)} counts all
   * children's points together and {@code lossBelow(l)} compares the largest child loss. The
   * learners must all be of one type, and none may be a balancing learner; {@link
   * Experiment#compile()} reports others.
   *
   * @param strategy for example {@code BalancingStrategy.CYCLE}
   * @return the next step, {@code learn}; this step is unchanged
   * @throws NullPointerException if {@code strategy} is null
   */
  ExperimentLearnStep balance(BalancingStrategy strategy);
}
