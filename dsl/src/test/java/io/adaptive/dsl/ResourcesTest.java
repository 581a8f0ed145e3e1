/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ResourceShape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ResourcesTest {

  private static ResourceShape compiled(Resources resources) {
    return experiment("e").learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1))
        .resources(resources).compile().learners().get(0).resources();
  }

  // ---------------------------------------------------------------- resources()

  @Test
  void resources_nothingSet_compilesToTheDefaults() {
    assertThat(compiled(resources())).isEqualTo(Defaults.RESOURCES);
  }

  @Test
  void resources_everyField_reachesThePlan() {
    ResourceShape shape = compiled(resources().cores(16).nodes(2).tasks(4).memory(gib(4)).walltime(Duration.ofHours(2))
        .partition("short").account("phys-123").qos("high").gpus(1).exclusive().constraint("skylake")
        .env("OMP_NUM_THREADS", "16").env("A", "1").prelude("module load java/17").prelude("ulimit -c 0")
        .schedulerOption("--mail-type=END"));
    assertThat(shape).isEqualTo(new ResourceShape(16, 2, 4, gib(4), Duration.ofHours(2), "short", "phys-123", "high",
        1, true, "skylake", new java.util.TreeMap<>(Map.of("A", "1", "OMP_NUM_THREADS", "16")),
        List.of("module load java/17", "ulimit -c 0"), List.of("--mail-type=END")));
    assertThat(shape.environment().keySet()).containsExactly("A", "OMP_NUM_THREADS");
  }

  // ---------------------------------------------------------------- copy-modifiers

  @Test
  void cores_calledTwice_lastWins() {
    assertThat(compiled(resources().cores(2).cores(8)).cores()).isEqualTo(8);
  }

  @Test
  void env_sameNameTwice_lastValueWins() {
    assertThat(compiled(resources().env("X", "1").env("X", "2")).environment()).containsExactly(Map.entry("X", "2"));
  }

  @Test
  void prelude_calledTwice_addsInOrder() {
    assertThat(compiled(resources().prelude("a").prelude("b")).prelude()).containsExactly("a", "b");
  }

  @Test
  void modifiers_refinedCopy_leavesTheOriginalUnchanged() {
    Resources original = resources().cores(2).prelude("a");
    original.cores(4).prelude("b").memory(mib(512)).exclusive();
    ResourceShape shape = compiled(original);
    assertThat(shape.cores()).isEqualTo(2);
    assertThat(shape.prelude()).containsExactly("a");
    assertThat(shape.memory()).isEqualTo(Defaults.MEMORY);
    assertThat(shape.exclusive()).isFalse();
  }

  @Test
  void walltime_zero_isReportedWithOthers() {
    assertThatThrownBy(() -> compiled(resources().walltime(Duration.ZERO).cores(-2)))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessage("""
            experiment 'e' has 2 problems; nothing was run
              1. resources > cores(-2): a job needs at least one core; use cores(1) or more
              2. resources > walltime(PT0S): a job needs time to run; use a positive duration such as \
            walltime(Duration.ofHours(1))""");
  }

  @Test
  void tasks_splitTheCoresEvenly() {
    assertThat(compiled(resources().cores(8).nodes(2).tasks(4)).cpusPerTask()).isEqualTo(2);
  }

  @Test
  void tasks_badCounts_areEachReportedWithTheFix() {
    assertThatThrownBy(() -> compiled(resources().cores(6).tasks(4)))
        .isInstanceOf(InvalidExperimentException.class).hasMessageContaining(
            "resources > tasks(4): cores(6) cannot be split evenly among 4 tasks; use cores(8) or"
                + " tasks that divide 6");
    assertThatThrownBy(() -> compiled(resources().cores(4).nodes(2).tasks(1)))
        .hasMessageContaining("resources > tasks(1): fewer tasks than nodes(2) leaves nodes idle;"
            + " use tasks(2) or more");
    assertThatThrownBy(() -> compiled(resources().tasks(0)))
        .hasMessageContaining("resources > tasks(0): a job runs at least one task");
  }

  // ---------------------------------------------------------------- per learner

  private static final Axis<Integer> SIZE = axis("n", 10, 2000, 5000);

  private static Experiment sized() {
    return experiment("e").sweep(SIZE).learn(p -> learner1D(interval(0, 1), x -> x))
        .until(points(1));
  }

  @Test
  void resourcesPerLearner_oneSweepMixesShapes() {
    List<ResourceShape> shapes = sized()
        .resources(p -> resources().cores(p.get(SIZE) > 1000 ? 8 : 2).memory(gib(p.get(SIZE) / 1000 + 1)))
        .compile().learners().stream().map(task -> task.resources()).toList();

    assertThat(shapes).extracting(ResourceShape::cores).containsExactly(2, 8, 8);
    assertThat(shapes).extracting(shape -> shape.memory().toMibCeil())
        .containsExactly(1024L, 3072L, 6144L);
  }

  @Test
  void resourcesPerLearner_problemsNameTheirLearners_allAtOnce() {
    assertThatThrownBy(() -> sized()
        .resources(p -> p.get(SIZE) == 10 ? null : resources().cores(p.get(SIZE) > 1000 ? 0 : 1))
        .compile())
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessageContaining("has 2 problems")
        .hasMessageContaining("1. resources 'e[n=10]': the resources function returned null")
        .hasMessageContaining("2. resources > cores(0) (2 of 3 learners: 'e[n=2000]', 'e[n=5000]'):"
            + " a job needs at least one core");
  }

  @Test
  void resourcesPerLearner_throwingFunction_isAProblemOfItsPoint() {
    assertThatThrownBy(() -> sized().resources(p -> {
      throw new IllegalStateException("no size " + p.get(SIZE));
    }).compile()).hasMessageContaining("the resources function threw"
        + " java.lang.IllegalStateException 'no size 10'");
  }

  @Test
  void resourcesPerLearner_balancedSweep_isRefusedWithTheFix() {
    assertThatThrownBy(() -> experiment("e").sweep(SIZE).balance()
        .learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1))
        .resources(p -> resources().cores(2)).compile())
        .hasMessageContaining("a balanced sweep runs as one job");
  }

  @Test
  void modifiers_null_throwNamingTheParameter() {
    Resources r = resources();
    assertThatThrownBy(() -> r.memory(null)).isInstanceOf(NullPointerException.class).hasMessage("memory");
    assertThatThrownBy(() -> r.walltime(null)).isInstanceOf(NullPointerException.class).hasMessage("walltime");
    assertThatThrownBy(() -> r.partition(null)).isInstanceOf(NullPointerException.class).hasMessage("partition");
    assertThatThrownBy(() -> r.account(null)).isInstanceOf(NullPointerException.class).hasMessage("account");
    assertThatThrownBy(() -> r.qos(null)).isInstanceOf(NullPointerException.class).hasMessage("qos");
    assertThatThrownBy(() -> r.constraint(null)).isInstanceOf(NullPointerException.class).hasMessage("constraint");
    assertThatThrownBy(() -> r.env(null, "v")).isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> r.env("N", null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    assertThatThrownBy(() -> r.prelude(null)).isInstanceOf(NullPointerException.class).hasMessage("line");
    assertThatThrownBy(() -> r.schedulerOption(null)).isInstanceOf(NullPointerException.class).hasMessage("option");
    assertThatThrownBy(() -> experiment("e").learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1))
        .resources((Resources) null)).isInstanceOf(NullPointerException.class).hasMessage("resources");
    assertThatThrownBy(() -> experiment("e").learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1))
        .resources((java.util.function.Function<Point, Resources>) null))
        .isInstanceOf(NullPointerException.class).hasMessage("perLearner");
  }
}
