/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.List;
import java.util.Objects;

/**
 * Receives the fields that define a learner's data, in a fixed order.
 *
 * <p>The same walk feeds {@link LearnerTask#fingerprint()} and {@link ExecutionPlan#explain()},
 * so the two can never disagree about what defines a learner. Field names are stable API: renaming
 * one changes every fingerprint.
 *
 * <p>Implementations need only the three scalar methods; the default methods for lists and nested
 * learners are written in terms of them, and a renderer may override them to show more structure.
 */
public interface Definition {

  /** Records a text field. */
  Definition text(String field, String value);

  /** Records a floating-point field; the fingerprint hashes its exact bits. */
  Definition number(String field, double value);

  /** Records an integer field. */
  Definition integer(String field, long value);

  /**
   * Records a list of numbers by value: by default its size as {@code <field>.size}, then each
   * element as {@code <field>[i]}.
   */
  default Definition numbers(String field, List<Double> values) {
    integer(field + ".size", values.size());
    for (int i = 0; i < values.size(); i++) {
      number(field + "[" + i + "]", values.get(i));
    }
    return this;
  }

  /**
   * Records a nested learner (a child of a {@link BalancingLearnerSpec}): by default its name as
   * {@code <field>}, its type as {@code <field>.type}, then its own fields prefixed with
   * {@code <field>.}.
   */
  default Definition learner(String field, String name, LearnerSpec spec) {
    Objects.requireNonNull(spec, "spec");
    text(field, name);
    text(field + ".type", spec.type());
    spec.define(new PrefixedDefinition(this, field + "."));
    return this;
  }
}
