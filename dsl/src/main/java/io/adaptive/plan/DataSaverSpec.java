/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A learner that also keeps extra data returned with each value (python-adaptive's
 * {@code DataSaver}, learners.md section 11). The inner learner learns {@link Sample#value()};
 * {@link Sample#extras()} is stored with its point. Goals apply to the inner learner.
 *
 * <p>The inner learner's points are numbers (learner1D, integrator, sequence): {@code function}
 * gets the point (for a sequence, the element) and its result replaces the inner learner's own
 * function, which computes only the value.
 *
 * @param learner the inner learner: what is learned, on which domain
 * @param function the function with its extras; called from several threads at once
 */
public record DataSaverSpec(LearnerSpec learner, DoubleFunction<Sample> function)
    implements LearnerSpec {

  public DataSaverSpec {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String type() {
    return "dataSaver";
  }

  @Override
  public void define(Definition definition) {
    definition.text("learner", learner.type());
    learner.define(definition);
  }
}
