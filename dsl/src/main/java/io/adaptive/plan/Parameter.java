/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Objects;

/**
 * One sweep coordinate of a learner: the axis name and the value this learner has on it.
 *
 * @param axis the axis name
 * @param value a {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code Double} or enum constant
 */
public record Parameter(String axis, Object value) {

  public Parameter {
    Objects.requireNonNull(axis, "axis");
    Objects.requireNonNull(value, "value");
  }
}
