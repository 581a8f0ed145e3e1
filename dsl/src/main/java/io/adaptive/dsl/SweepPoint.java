/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Parameter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one implementation of {@link Point}: the sweep's axes, this point's values on them, and the
 * learners it waits for.
 */
record SweepPoint(String name, List<Axis<?>> axes, List<Parameter> parameters, List<String> after)
    implements Point {

  SweepPoint {
    axes = List.copyOf(axes);
    parameters = List.copyOf(parameters);
    after = List.copyOf(after);
  }

  SweepPoint(String name, List<Axis<?>> axes, List<Parameter> parameters) {
    this(name, axes, parameters, List.of());
  }

  SweepPoint withAfter(List<String> after) {
    return new SweepPoint(name, axes, parameters, after);
  }

  @Override
  public <T> T get(Axis<T> axis) {
    Objects.requireNonNull(axis, "axis");
    int index = axes.indexOf(axis);
    if (index < 0) {
      String swept = axes.stream().map(Axis::name).collect(Collectors.joining(", "));
      boolean sameName = axes.stream().anyMatch(a -> a.name().equals(axis.name()));
      throw new IllegalArgumentException(sameName
          ? "point.get(..) was given an axis named " + DslText.string(axis.name())
              + " whose values differ from the swept one; pass the Axis that was given to sweep(" + swept + ")"
          : "point.get(..) was given the axis " + DslText.string(axis.name())
              + ", which is not swept; the sweep is sweep(" + swept + ")");
    }
    @SuppressWarnings("unchecked") // parameters.get(index) came from this very axis's values
    T value = (T) parameters.get(index).value();
    return value;
  }
}
