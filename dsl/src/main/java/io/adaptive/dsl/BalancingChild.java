/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.Objects;

/**
 * One named child of a {@link BalancingDefinition}: {@code child("low", learner1D(..))}. The name
 * identifies the child's data in the balancing learner; names must be unique among the children.
 *
 * @param name for example {@code "low"}; {@code compile()} reports a blank name
 * @param learner the child learner; not itself a balancing learner
 */
public record BalancingChild(String name, LearnerDefinition learner) {

  /**
   * Creates a child.
   *
   * @throws NullPointerException if an argument is null
   */
  public BalancingChild {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(learner, "learner");
  }
}
