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
 * {@code balanceStrategy} is null unless the sweep is balanced; {@code resourcesPerLearner} is null
 * unless resources were given per learner (then {@code resources} is unused); {@code afterSelector} is null
 * when each learner waits for every learner of the stages in {@code after}.
 */
record ExperimentDraft(
    String name,
    List<Axis<?>> axes,
    BalancingStrategy balanceStrategy,
    Function<? super Point, ? extends LearnerDefinition> learn,
    Goal goal,
    ResourcesValue resources,
    Function<? super Point, ? extends Resources> resourcesPerLearner,
    List<Experiment> after,
    UpstreamSelector afterSelector)
    implements ExperimentSweepStep, ExperimentBalanceStep, ExperimentLearnStep, ExperimentUntilStep,
        Experiment {

  ExperimentDraft {
    Objects.requireNonNull(name, "name");
    axes = List.copyOf(axes);
    Objects.requireNonNull(resources, "resources");
    after = List.copyOf(after);
  }

  static ExperimentSweepStep named(String name) {
    return new ExperimentDraft(Objects.requireNonNull(name, "name"), List.of(), null, null, null,
        ResourcesValue.NONE, null, List.of(), null);
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
    return new ExperimentDraft(name, copy, balanceStrategy, learn, goal, resources,
        resourcesPerLearner, after, afterSelector);
  }

  @Override
  public ExperimentLearnStep balance() {
    return balance(Defaults.BALANCING_STRATEGY);
  }

  @Override
  public ExperimentLearnStep balance(BalancingStrategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    return new ExperimentDraft(name, axes, strategy, learn, goal, resources, resourcesPerLearner,
        after, afterSelector);
  }

  @Override
  public ExperimentUntilStep learn(Function<? super Point, ? extends LearnerDefinition> learn) {
    return new ExperimentDraft(name, axes, balanceStrategy, Objects.requireNonNull(learn, "learn"),
        goal, resources, resourcesPerLearner, after, afterSelector);
  }

  @Override
  public Experiment until(Goal goal) {
    return new ExperimentDraft(name, axes, balanceStrategy, learn,
        Objects.requireNonNull(goal, "goal"), resources, resourcesPerLearner, after, afterSelector);
  }

  @Override
  public Experiment resources(Resources resources) {
    Objects.requireNonNull(resources, "resources");
    return new ExperimentDraft(name, axes, balanceStrategy, learn, goal,
        (ResourcesValue) resources, null, after, afterSelector);
  }

  @Override
  public Experiment resources(Function<? super Point, ? extends Resources> perLearner) {
    Objects.requireNonNull(perLearner, "perLearner");
    return new ExperimentDraft(name, axes, balanceStrategy, learn, goal, ResourcesValue.NONE,
        perLearner, after, afterSelector);
  }

  @Override
  public Experiment after(Experiment... upstream) {
    return withAfter(Arrays.asList(Objects.requireNonNull(upstream, "upstream")), null);
  }

  @Override
  public Experiment after(Experiment upstream, UpstreamSelector selector) {
    return withAfter(List.of(Objects.requireNonNull(upstream, "upstream")),
        Objects.requireNonNull(selector, "selector"));
  }

  @Override
  public Experiment after(List<Experiment> upstream, UpstreamSelector selector) {
    return withAfter(upstream, Objects.requireNonNull(selector, "selector"));
  }

  private Experiment withAfter(List<Experiment> upstream, UpstreamSelector selector) {
    Objects.requireNonNull(upstream, "upstream");
    List<Experiment> copy = new ArrayList<>(upstream.size());
    for (int i = 0; i < upstream.size(); i++) {
      copy.add(Objects.requireNonNull(upstream.get(i), "upstream[" + i + "]"));
    }
    return new ExperimentDraft(name, axes, balanceStrategy, learn, goal, resources,
        resourcesPerLearner, copy, selector);
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
    if (!resources.equals(ResourcesValue.NONE) || resourcesPerLearner != null) {
      text.append(".resources(..)");
    }
    if (!after.isEmpty()) {
      text.append(after.stream().map(Experiment::name)
          .collect(Collectors.joining(", ", ".after(", afterSelector == null ? ")" : ", ..)")));
    }
    return text.toString();
  }
}
