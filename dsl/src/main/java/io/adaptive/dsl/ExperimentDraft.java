/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.BalancingStrategy;
import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one implementation of every experiment step (jOOQ's single implementation behind step
 * interfaces, but immutable): each step returns a new record. {@code learn} and {@code goal} are
 * null until their step has been taken; the step interfaces keep users from seeing that.
 * {@code balanceStrategy} is null unless the sweep is balanced.
 */
record ExperimentDraft(
    String name,
    List<Axis<?>> axes,
    BalancingStrategy balanceStrategy,
    Function<? super Point, ? extends LearnerDefinition> learn,
    Goal goal,
    ResourcesValue resources)
    implements ExperimentSweepStep, ExperimentBalanceStep, ExperimentLearnStep, ExperimentUntilStep,
        Experiment {

  ExperimentDraft {
    Objects.requireNonNull(name, "name");
    axes = List.copyOf(axes);
    Objects.requireNonNull(resources, "resources");
  }

  static ExperimentSweepStep named(String name) {
    return new ExperimentDraft(Objects.requireNonNull(name, "name"), List.of(), null, null, null,
        ResourcesValue.NONE);
  }

  @Override
  public ExperimentBalanceStep sweep(Axis<?>... axes) {
    return sweep(Arrays.asList(Objects.requireNonNull(axes, "axes")));
  }

  @Override
  public ExperimentBalanceStep sweep(List<? extends Axis<?>> axes) {
    Objects.requireNonNull(axes, "axes");
    List<Axis<?>> copy = new ArrayList<>(axes.size());
    for (int i = 0; i < axes.size(); i++) {
      copy.add(Objects.requireNonNull(axes.get(i), "axes[" + i + "]"));
    }
    return new ExperimentDraft(name, copy, balanceStrategy, learn, goal, resources);
  }

  @Override
  public ExperimentLearnStep balance() {
    return balance(Defaults.BALANCING_STRATEGY);
  }

  @Override
  public ExperimentLearnStep balance(BalancingStrategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    return new ExperimentDraft(name, axes, strategy, learn, goal, resources);
  }

  @Override
  public ExperimentUntilStep learn(Function<? super Point, ? extends LearnerDefinition> learn) {
    return new ExperimentDraft(name, axes, balanceStrategy, Objects.requireNonNull(learn, "learn"),
        goal, resources);
  }

  @Override
  public Experiment until(Goal goal) {
    return new ExperimentDraft(name, axes, balanceStrategy, learn,
        Objects.requireNonNull(goal, "goal"), resources);
  }

  @Override
  public Experiment resources(Resources resources) {
    Objects.requireNonNull(resources, "resources");
    return new ExperimentDraft(name, axes, balanceStrategy, learn, goal,
        (ResourcesValue) resources);
  }

  @Override
  public ExecutionPlan compile() {
    if (learn == null || goal == null) {
      // Only reachable by casting an earlier step to Experiment.
      throw new IllegalStateException("experiment '" + name + "' is not complete: call "
          + (learn == null ? "learn(..) and " : "") + "until(..) before compile()");
    }
    return ExperimentCompiler.compile(this);
  }

  /** The experiment as DSL text, e.g. {@code experiment("peak").sweep(..).learn(..).until(points(10))}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("experiment(").append(DslText.string(name)).append(')');
    if (!axes.isEmpty()) {
      text.append(axes.stream().map(Axis::name)
          .collect(Collectors.joining(", ", ".sweep(", ")")));
    }
    if (balanceStrategy != null) {
      text.append(".balance(").append(balanceStrategy).append(')');
    }
    if (learn != null) {
      text.append(".learn(..)");
    }
    if (goal != null) {
      text.append(".until(").append(goal.describe()).append(')');
    }
    if (!resources.equals(ResourcesValue.NONE)) {
      text.append(".resources(..)");
    }
    return text.toString();
  }
}
