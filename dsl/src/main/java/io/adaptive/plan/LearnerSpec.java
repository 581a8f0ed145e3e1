/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

/**
 * What a learner is: its algorithm, domain, loss and function. One variant per learner type.
 *
 * <p>The function itself (a lambda) is part of the spec but not of its {@link #define definition}:
 * a fingerprint cannot see inside a lambda, so the identical class path stands for the code.
 */
public sealed interface LearnerSpec
    permits Learner1DSpec, VectorLearner1DSpec, AverageLearnerSpec, AverageLearner1DSpec,
        IntegratorLearnerSpec, SequenceLearnerSpec, BalancingLearnerSpec, DataSaverSpec,
        Learner2DSpec, VectorLearner2DSpec, LearnerNDSpec,
        VectorLearnerNDSpec {

  /** The learner type as written in {@code explain()} and the fingerprint, e.g. {@code learner1D}. */
  String type();

  /** Walks every field that defines this learner's data, in a fixed order. */
  void define(Definition definition);
}
