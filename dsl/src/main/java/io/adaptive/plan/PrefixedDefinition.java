/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.List;

/** Forwards every field to another {@link Definition} with a prefix before its name. */
final class PrefixedDefinition implements Definition {

  private final Definition target;
  private final String prefix;

  PrefixedDefinition(Definition target, String prefix) {
    this.target = target;
    this.prefix = prefix;
  }

  @Override
  public Definition text(String field, String value) {
    target.text(prefix + field, value);
    return this;
  }

  @Override
  public Definition number(String field, double value) {
    target.number(prefix + field, value);
    return this;
  }

  @Override
  public Definition integer(String field, long value) {
    target.integer(prefix + field, value);
    return this;
  }

  @Override
  public Definition numbers(String field, List<Double> values) {
    target.numbers(prefix + field, values);
    return this;
  }

  @Override
  public Definition learner(String field, String name, LearnerSpec spec) {
    target.learner(prefix + field, name, spec);
    return this;
  }
}
