/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/** The one implementation of {@link SequenceDefinition}. */
record SequenceValue(List<Double> elements, DoubleUnaryOperator function)
    implements SequenceDefinition {

  SequenceValue {
    Objects.requireNonNull(elements, "elements");
    List<Double> copy = new ArrayList<>(elements.size()); // List.copyOf would not say which is null
    for (int i = 0; i < elements.size(); i++) {
      copy.add(Objects.requireNonNull(elements.get(i), "elements[" + i + "]"));
    }
    elements = Collections.unmodifiableList(copy);
    Objects.requireNonNull(function, "function");
  }

  @Override
  public String toString() {
    return "sequence(" + elements.size() + " elements, ..)";
  }
}
