/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.BalancingStrategy;
import io.adaptive.plan.Defaults;
import java.util.List;

/**
 * Several learners of one type run as one learner, in one job, as python-adaptive's
 * {@code BalancingLearner} (learners.md section 10): each point goes to the child the strategy
 * picks. A goal applies to the whole: {@code points(n)} counts the children's total, and
 * {@code lossBelow(l)} compares their largest loss. Build one with {@link Adaptive#balancing};
 * to balance the learners of a sweep, use {@link ExperimentBalanceStep#balance()} instead.
 * Immutable.
 */
public sealed interface BalancingDefinition extends LearnerDefinition permits BalancingValue {

  /** The children in order. */
  List<BalancingChild> children();

  /** The strategy; {@link Defaults#BALANCING_STRATEGY} unless set. */
  BalancingStrategy strategy();

  /**
   * Sets how the child of the next point is picked. Default: {@link Defaults#BALANCING_STRATEGY}
   * ({@code LOSS_IMPROVEMENTS}).
   *
   * @param strategy for example {@code BalancingStrategy.CYCLE}
   * @return a copy with this strategy; this learner is unchanged
   * @throws NullPointerException if {@code strategy} is null
   */
  BalancingDefinition strategy(BalancingStrategy strategy);
}
