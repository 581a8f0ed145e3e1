/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * A learner's data as read back from its data file: what {@link
 * io.adaptive.runtime.learn.Learner#load} takes.
 *
 * @param points the points, in the order they were told
 * @param values their values, in the same order
 */
public record StoredData<P, V>(List<P> points, List<V> values) {

  /**
   * @throws IllegalArgumentException if the lists differ in size
   * @throws NullPointerException if either list or any element is null
   */
  public StoredData {
    points = List.copyOf(points);
    values = List.copyOf(values);
    checkArgument(
        points.size() == values.size(), "%s points but %s values", points.size(), values.size());
  }

  /** The number of points. */
  public int size() {
    return points.size();
  }
}
