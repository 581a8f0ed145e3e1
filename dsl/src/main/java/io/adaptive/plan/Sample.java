/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A function's value together with extra data kept next to it, for a {@link DataSaverSpec}: the
 * learner learns {@link #value()}, and the extras are stored with the point (python-adaptive's
 * {@code DataSaver}). Immutable.
 *
 * @param value what the learner learns
 * @param extras named numbers kept with the point, sorted by name (their column order)
 */
public record Sample(double value, SortedMap<String, Double> extras) {

  public Sample {
    Objects.requireNonNull(extras, "extras");
    extras = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(extras)));
  }

  /** A value with no extras yet. */
  public static Sample of(double value) {
    return new Sample(value, new TreeMap<>());
  }

  /**
   * A copy with one more extra; the same name again replaces its value.
   *
   * @param name the extra's name, its column in the learner's data
   * @param extra its value
   * @throws NullPointerException if {@code name} is null
   */
  public Sample with(String name, double extra) {
    TreeMap<String, Double> more = new TreeMap<>(extras);
    more.put(Objects.requireNonNull(name, "name"), extra);
    return new Sample(value, more);
  }
}
