/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.List;

/**
 * A named list of values to sweep; {@link ExperimentSweepStep#sweep} makes one learner per
 * combination of values of its axes. Build one with {@link Adaptive#axis(String, Object[])}.
 *
 * <p>Values may be {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code Double}
 * or enum constants; they appear in learner names as {@link io.adaptive.plan.LearnerNames}
 * describes. An axis records what it is given; a blank name, no values, a repeated value or a value
 * of another type is reported by {@link Experiment#compile()}.
 *
 * <p>Two axes are equal if they have the same name and values; {@link Point#get} finds an axis of
 * the sweep that way.
 *
 * @param <T> the type of the values, which {@link Point#get} returns
 */
public sealed interface Axis<T> permits AxisValues {

  /** The axis name, as it appears in learner names ({@code damping} in {@code resonance[damping=0.1]}). */
  String name();

  /** The values in the order given, duplicates included; an unmodifiable list. */
  List<T> values();
}
