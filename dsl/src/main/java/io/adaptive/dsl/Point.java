/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Parameter;
import java.util.List;

/**
 * One combination of sweep values: what the {@link ExperimentLearnStep#learn learn} function gets
 * to build the learner for it. Without a sweep there is one point with no parameters.
 */
public sealed interface Point permits SweepPoint {

  /**
   * This point's value on {@code axis}, typed.
   *
   * @param axis one of the axes given to {@code sweep(..)}
   * @param <T> the type of the axis values
   * @return the value; never null
   * @throws IllegalArgumentException if the sweep has no such axis; {@code compile()} reports it
   *     as a problem of this point's learner
   * @throws NullPointerException if {@code axis} is null
   */
  <T> T get(Axis<T> axis);

  /** The sweep coordinates of this point in axis order; empty without a sweep. */
  List<Parameter> parameters();

  /** The name of the learner built for this point, e.g. {@code peak[a=0.01,x0=0.2]}. */
  String name();

  /**
   * The learners this point's learner waits for, in plan order: the names to give
   * {@code io.adaptive.runtime.Upstream.data(..)} in its function. Empty unless the experiment
   * runs {@linkplain Experiment#after(Experiment...) after} other stages, and always empty for
   * the upstream points an {@link UpstreamSelector} is given.
   */
  List<String> after();
}
