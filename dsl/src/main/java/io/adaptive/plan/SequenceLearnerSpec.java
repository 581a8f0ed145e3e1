/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Evaluates a function at every element of a fixed sequence, in order (python-adaptive's
 * {@code SequenceLearner}, learners.md section 9). It finishes on its own: {@link Goal.Done} is met
 * when every element has a value. The elements define its data, so they are part of the
 * fingerprint, by value.
 *
 * @param elements the elements, in order; at least one in a compiled plan; an unmodifiable copy
 * @param function the function of one element; called from several threads at once
 */
public record SequenceLearnerSpec(List<Double> elements, DoubleUnaryOperator function)
    implements LearnerSpec {

  public SequenceLearnerSpec {
    Objects.requireNonNull(elements, "elements");
    List<Double> copy = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      copy.add(Objects.requireNonNull(elements.get(i), "elements[" + i + "]"));
    }
    elements = Collections.unmodifiableList(copy);
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String type() {
    return "sequence";
  }

  @Override
  public void define(Definition definition) {
    definition.numbers("elements", elements);
  }
}
