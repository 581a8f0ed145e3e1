/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.io.Serializable;
import java.util.Objects;

/**
 * One thing wrong with an experiment, found by {@link Experiment#compile()}.
 *
 * @param where the DSL path or learner it is about, e.g. {@code sweep > axis 'damping'} or
 *     {@code learn > learner1D 'resonance[damping=0.05]'}; shared problems say
 *     {@code (all 4 learners)} instead of one name
 * @param message what is wrong, with the value as written, then {@code ; } and the fix
 */
public record Problem(String where, String message) implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Creates a problem.
   *
   * @param where the DSL path or learner
   * @param message what is wrong and the fix
   * @throws NullPointerException if an argument is null
   */
  public Problem {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(message, "message");
  }

  /** {@code <where>: <message>}, as one numbered line of {@link InvalidExperimentException}. */
  @Override
  public String toString() {
    return where + ": " + message;
  }
}
