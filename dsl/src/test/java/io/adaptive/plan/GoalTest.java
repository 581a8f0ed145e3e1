/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GoalTest {

  @Test
  void describe_chain_readsAsTheDsl() {
    Goal goal = new Goal.LossBelow(0.01).or(new Goal.Points(500)).and(new Goal.Elapsed(Duration.ofHours(1)));
    assertThat(goal.describe()).isEqualTo("lossBelow(0.01).or(points(500)).and(elapsed(PT1H))");
  }

  @Test
  void describe_emptyGroups_nameTheHelper() {
    assertThat(new Goal.AllOf(List.of()).describe()).isEqualTo("allOf()");
    assertThat(new Goal.AnyOf(List.of()).describe()).isEqualTo("anyOf()");
  }

  @Test
  void allOf_goals_equalsChainedAnd() {
    Goal a = new Goal.Points(1);
    Goal b = new Goal.LossBelow(0.1);
    assertThat(Goal.allOf(a, b)).isEqualTo(a.and(b));
    assertThat(Goal.anyOf(a, b)).isEqualTo(a.or(b));
  }

  @Test
  void memory_negative_roundsTowardsPositiveInfinity() {
    assertThat(Memory.mib(-5).toMibCeil()).isEqualTo(-5);
    assertThat(new Memory(1).toMibCeil()).isEqualTo(1);
    assertThat(Memory.gib(2).toString()).isEqualTo("gib(2)");
  }
}
