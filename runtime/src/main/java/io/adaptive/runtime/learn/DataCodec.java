/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Objects;

/**
 * The codecs of a learner's points and values, and its kind (what charts and exports key on).
 *
 * @param kind the learner type, e.g. {@code learner1D}; matches {@code LearnerSpec.type()}
 * @param point how points are written
 * @param value how values are written
 */
public record DataCodec<P, V>(String kind, Codec<P> point, Codec<V> value) {

  public DataCodec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(value, "value");
  }
}
