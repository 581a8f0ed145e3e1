/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.ExecutionPlan;
import java.util.List;

/**
 * Several experiments compiled into one plan, under one name: the stages that
 * {@link Adaptive#pipeline(String, Experiment...)} lists and every stage they run
 * {@linkplain Experiment#after(Experiment...) after}.
 *
 * <pre>{@code
 * ExecutionPlan plan = pipeline("resonance-study", refine, report).compile();   // runs/resonance-study
 * }</pre>
 */
public sealed interface Pipeline permits PipelineValue {

  /** The pipeline's name: the plan's experiment name, and so its store directory by default. */
  String name();

  /** The stages as listed, without the upstream stages they reach. */
  List<Experiment> stages();

  /**
   * Builds one plan with the learners of every stage, upstream stages first (each stage's
   * learners in sweep order), each learner {@linkplain io.adaptive.plan.LearnerTask#dependsOn()
   * depending on} the learners its stage runs after. Checks every stage, as
   * {@link Experiment#compile()} does, and the pipeline itself: its name, two different stages
   * with one name, a stage that runs after itself, and selectors that throw, return null or pick
   * learners that are not upstream.
   *
   * @return the plan, named like the pipeline
   * @throws InvalidExperimentException listing every problem of every stage; problems of a stage
   *     say {@code stage '<name>' > } first
   */
  ExecutionPlan compile();
}
