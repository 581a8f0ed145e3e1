/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.List;
import java.util.Objects;

/**
 * Several learners of one type run as one learner, in one job (python-adaptive's
 * {@code BalancingLearner}, learners.md section 10): each point goes to the child the
 * {@link BalancingStrategy strategy} picks. Its npoints is the children's total and its loss their
 * maximum, so a goal applies to the whole; a per-child goal is a {@link Goal.When} over
 * {@link LearnerView#children()}.
 *
 * @param strategy how the child of the next point is picked
 * @param children the children in order (a point is {@code (index, child point)}); names unique
 */
public record BalancingLearnerSpec(BalancingStrategy strategy, List<Child> children)
    implements LearnerSpec {

  public BalancingLearnerSpec {
    Objects.requireNonNull(strategy, "strategy");
    children = List.copyOf(children);
  }

  /**
   * One child of a balancing learner.
   *
   * @param name unique among the children; for a balanced sweep, the name the learner would have
   *     had on its own, e.g. {@code resonance[damping=0.05]}
   * @param parameters the sweep coordinates of a balanced sweep's child, in axis order; empty for
   *     children listed with {@code balancing(..)}
   * @param spec the child learner; never itself a balancing learner
   */
  public record Child(String name, List<Parameter> parameters, LearnerSpec spec) {
    public Child {
      Objects.requireNonNull(name, "name");
      parameters = List.copyOf(parameters);
      Objects.requireNonNull(spec, "spec");
    }
  }

  @Override
  public String type() {
    return "balancing";
  }

  @Override
  public void define(Definition definition) {
    definition.text("strategy", strategy.text()).integer("children", children.size());
    for (Child child : children) {
      definition.learner("child", child.name(), child.spec());
    }
  }
}
