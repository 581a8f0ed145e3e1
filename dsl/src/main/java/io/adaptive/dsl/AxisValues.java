/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The one implementation of {@link Axis}: a name and the values as given. */
record AxisValues<T>(String name, List<T> values) implements Axis<T> {

  AxisValues {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    // List.copyOf would reject a null without saying which one.
    List<T> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      copy.add(Objects.requireNonNull(values.get(i), "values[" + i + "]"));
    }
    values = Collections.unmodifiableList(copy);
  }

  @Override
  public String toString() {
    return values.stream().map(DslText::value)
        .collect(Collectors.joining(", ", "axis(" + DslText.string(name) + (values.isEmpty() ? "" : ", "), ")"));
  }
}
