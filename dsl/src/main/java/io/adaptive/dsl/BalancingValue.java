/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.BalancingStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The one implementation of {@link BalancingDefinition}. */
record BalancingValue(List<BalancingChild> children, BalancingStrategy strategy)
    implements BalancingDefinition {

  BalancingValue {
    Objects.requireNonNull(children, "children");
    List<BalancingChild> copy = new ArrayList<>(children.size());
    for (int i = 0; i < children.size(); i++) {
      copy.add(Objects.requireNonNull(children.get(i), "children[" + i + "]"));
    }
    children = Collections.unmodifiableList(copy);
    Objects.requireNonNull(strategy, "strategy");
  }

  @Override
  public BalancingDefinition strategy(BalancingStrategy strategy) {
    return new BalancingValue(children, Objects.requireNonNull(strategy, "strategy"));
  }

  @Override
  public String toString() {
    return children.stream().map(c -> "child(" + DslText.string(c.name()) + ", ..)")
        .collect(Collectors.joining(", ", "balancing(", ").strategy(" + strategy + ")"));
  }
}
