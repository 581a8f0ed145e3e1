/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Dependencies between the learners of a plan: the invariant and the queries a run manager uses. */
final class ExecutionPlanTest {

  private static LearnerTask task(String name, String... dependsOn) {
    return new LearnerTask(name, List.of(), new Learner1DSpec(0, 1, new Loss1D.Default(), x -> x),
        new Goal.Points(10), Defaults.RESOURCES, List.of(dependsOn));
  }

  // ---------------------------------------------------------------- LearnerTask

  @Test
  void learnerTask_fiveComponents_dependsOnNothing() {
    LearnerTask task = new LearnerTask("a", List.of(), new Learner1DSpec(0, 1, new Loss1D.Default(),
        x -> x), new Goal.Points(10), Defaults.RESOURCES);
    assertThat(task.dependsOn()).isEmpty();
    assertThat(task.withDependsOn(List.of("b")).dependsOn()).containsExactly("b");
    assertThat(task.dependsOn()).isEmpty();
  }

  @Test
  void learnerTask_repeatedDependency_isRefused() {
    assertThatThrownBy(() -> task("c", "a", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("learner 'c' lists a dependency twice: [a, a]");
  }

  // ---------------------------------------------------------------- invariant

  @Test
  void plan_dependencyOnALaterLearner_isRefused() {
    assertThatThrownBy(() -> new ExecutionPlan("p", List.of(task("a", "b"), task("b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("in experiment 'p', learner 'a' depends on 'b', which comes later in the plan;"
            + " a learner may only depend on learners listed before it");
  }

  @Test
  void plan_dependencyOnItselfOrAnUnknownLearner_isRefused() {
    assertThatThrownBy(() -> new ExecutionPlan("p", List.of(task("a", "a"))))
        .hasMessage("in experiment 'p', learner 'a' depends on itself; a learner may only depend"
            + " on learners listed before it");
    assertThatThrownBy(() -> new ExecutionPlan("p", List.of(task("a", "x"))))
        .hasMessage("in experiment 'p', learner 'a' depends on 'x', which the plan does not have;"
            + " a learner may only depend on learners listed before it");
  }

  // ---------------------------------------------------------------- queries

  @Test
  void downstreamAndUpstream_followDependenciesTransitivelyInPlanOrder() {
    ExecutionPlan plan = new ExecutionPlan("p", List.of(task("a"), task("b"), task("c", "a"),
        task("d", "c", "b"), task("e")));
    assertThat(plan.hasDependencies()).isTrue();
    assertThat(plan.downstreamOf("a")).containsExactly("c", "d");
    assertThat(plan.downstreamOf("e")).isEmpty();
    assertThat(plan.upstreamOf("d")).containsExactly("a", "b", "c");
    assertThat(plan.upstreamOf("a")).isEmpty();
    assertThatThrownBy(() -> plan.downstreamOf("z")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void explain_withoutDependencies_hasNoAfterLine() {
    ExecutionPlan plan = new ExecutionPlan("p", List.of(task("a")));
    assertThat(plan.explain()).doesNotContain("after");
    assertThat(new ExecutionPlan("p", List.of(task("a"), task("b", "a"))).explain())
        .contains("learner b\n  after a\n  learner1D");
  }
}
