/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

/**
 * What one learner learns: the value a {@link ExperimentLearnStep#learn learn} function returns for
 * a sweep point. Build one with a factory of {@link Adaptive}: {@code learner1D}, {@code
 * learner1DVector}, {@code average}, {@code average1D}, {@code integrator}, {@code sequence} or
 * {@code balancing}. Every definition is immutable and records what it is given; {@link
 * Experiment#compile()} checks all of them at once.
 *
 * <p>The DSL types end in {@code Definition} so that they never clash with the runtime's learner
 * algorithms ({@code io.adaptive.runtime.learn.Learner1D} and so on), which a program may import
 * next to them.
 */
public sealed interface LearnerDefinition
    permits Learner1DDefinition, Learner1DVectorDefinition, AverageDefinition,
        Average1DDefinition, IntegratorDefinition, SequenceDefinition, BalancingDefinition,
        Learner2DDefinition, Learner2DVectorDefinition, LearnerNDDefinition,
        LearnerNDVectorDefinition {}
