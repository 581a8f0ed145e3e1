/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.plan.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ExperimentTest {

  static final Axis<Double> A = axis("a", 0.01, 0.1);
  static final Axis<Double> X0 = axis("x0", -0.5, 0.2, 1.0);

  enum Mode { FAST, SLOW }

  static Experiment peak() {
    return experiment("peak")
        .sweep(A, X0)
        .learn(point -> learner1D(interval(-1, 1),
            x -> point.get(A) / (point.get(A) * point.get(A) + (x - point.get(X0)) * (x - point.get(X0)))))
        .until(lossBelow(0.01));
  }

  // ---------------------------------------------------------------- sweep

  @Test
  void sweep_twoAxes_isTheProductWithTheLastAxisFastest() {
    ExecutionPlan plan = peak().compile();
    assertThat(plan.learners()).extracting(LearnerTask::name).containsExactly(
        "peak[a=0.01,x0=-0.5]", "peak[a=0.01,x0=0.2]", "peak[a=0.01,x0=1]",
        "peak[a=0.1,x0=-0.5]", "peak[a=0.1,x0=0.2]", "peak[a=0.1,x0=1]");
    assertThat(plan.learners().get(1).parameters())
        .containsExactly(new Parameter("a", 0.01), new Parameter("x0", 0.2));
  }

  @Test
  void sweep_absent_givesOneLearnerNamedLikeTheExperiment() {
    ExecutionPlan plan = experiment("single").learn(p -> learner1D(interval(0, 1), x -> x))
        .until(points(10)).compile();
    assertThat(plan.learners()).singleElement().satisfies(task -> {
      assertThat(task.name()).isEqualTo("single");
      assertThat(task.parameters()).isEmpty();
    });
  }

  @Test
  void sweep_noAxes_isLikeNoSweep() {
    ExecutionPlan plan = experiment("single").sweep().learn(p -> learner1D(interval(0, 1), x -> x))
        .until(points(10)).compile();
    assertThat(plan.learners()).extracting(LearnerTask::name).containsExactly("single");
  }

  @Test
  void sweep_everyValueType_namesAndTypesTheLearners() {
    Axis<String> s = axis("s", "x y");
    Axis<Boolean> b = axis("b", true, false);
    Axis<Integer> i = axis("i", 3);
    Axis<Long> l = axis("l", 4L);
    Axis<Mode> m = axis("mode", Mode.values());
    List<String> seen = new ArrayList<>();
    ExecutionPlan plan = experiment("types").sweep(s, b, i, l, m)
        .learn(p -> {
          String str = p.get(s);
          boolean bool = p.get(b);
          int integer = p.get(i);
          long lng = p.get(l);
          Mode mode = p.get(m);
          seen.add(str + bool + integer + lng + mode);
          return learner1D(interval(0, 1), x -> x);
        })
        .until(points(1)).compile();
    assertThat(plan.learners()).extracting(LearnerTask::name).containsExactly(
        "types[s=x%20y,b=true,i=3,l=4,mode=FAST]", "types[s=x%20y,b=true,i=3,l=4,mode=SLOW]",
        "types[s=x%20y,b=false,i=3,l=4,mode=FAST]", "types[s=x%20y,b=false,i=3,l=4,mode=SLOW]");
    assertThat(seen).containsExactly("x ytrue34FAST", "x ytrue34SLOW", "x yfalse34FAST", "x yfalse34SLOW");
  }

  @Test
  void sweep_list_isLikeVarargs() {
    assertThat(experiment("peak").sweep(List.of(A, X0)).learn(p -> learner1D(interval(-1, 1), x -> x))
        .until(lossBelow(0.01)).compile().learners()).hasSize(6);
  }

  @Test
  void sweep_null_throwsNamingTheParameter() {
    assertThatThrownBy(() -> experiment("e").sweep(A, null))
        .isInstanceOf(NullPointerException.class).hasMessage("axes[1]");
    assertThatThrownBy(() -> experiment("e").sweep((Axis<?>[]) null))
        .isInstanceOf(NullPointerException.class).hasMessage("axes");
  }

  // ---------------------------------------------------------------- learn

  @Test
  void learn_point_knowsItsNameAndParameters() {
    List<String> seen = new ArrayList<>();
    experiment("peak").sweep(A).learn(p -> {
      seen.add(p.name() + " " + p.parameters());
      return learner1D(interval(0, 1), x -> x);
    }).until(points(1)).compile();
    assertThat(seen).containsExactly("peak[a=0.01] [Parameter[axis=a, value=0.01]]",
        "peak[a=0.1] [Parameter[axis=a, value=0.1]]");
  }

  @Test
  void learn_loss_isCarriedIntoTheSpec() {
    ExecutionPlan plan = experiment("e").learn(p -> learner1D(interval(0, 2), Math::sin).loss(curvatureLoss()))
        .until(points(5)).compile();
    Learner1DSpec spec = (Learner1DSpec) plan.learners().get(0).spec();
    assertThat(spec.lower()).isEqualTo(0.0);
    assertThat(spec.upper()).isEqualTo(2.0);
    assertThat(spec.loss()).isEqualTo(new Loss1D.Curvature(1, 0.02, 0.02));
    assertThat(spec.function().applyAsDouble(1.0)).isEqualTo(Math.sin(1.0));
  }

  @Test
  void learner1D_defaultLoss_isTheDefaultsLoss() {
    assertThat(learner1D(interval(0, 1), x -> x).loss()).isEqualTo(Defaults.LOSS_1D).isEqualTo(defaultLoss());
  }

  @Test
  void learner1D_loss_lastCallWinsAndOriginalIsUnchanged() {
    Learner1DDefinition original = learner1D(interval(0, 1), x -> x);
    Learner1DDefinition refined = original.loss(uniformLoss()).loss(triangleLoss());
    assertThat(refined.loss()).isEqualTo(triangleLoss());
    assertThat(original.loss()).isEqualTo(defaultLoss());
  }

  @Test
  void learner1D_nulls_throwNamingTheParameter() {
    assertThatThrownBy(() -> learner1D(null, x -> x)).isInstanceOf(NullPointerException.class).hasMessage("interval");
    assertThatThrownBy(() -> learner1D(interval(0, 1), null)).isInstanceOf(NullPointerException.class).hasMessage("function");
    assertThatThrownBy(() -> learner1D(interval(0, 1), x -> x).loss(null)).isInstanceOf(NullPointerException.class).hasMessage("loss");
    assertThatThrownBy(() -> experiment("e").learn(null)).isInstanceOf(NullPointerException.class).hasMessage("learn");
  }

  @Test
  void losses_factories_carryTheirParameters() {
    assertThat(List.of(defaultLoss(), uniformLoss(), curvatureLoss(), curvatureLoss(2, 0, 0.5), triangleLoss(),
        absMinLogLoss(), resolutionLoss(0.01, 0.5))).containsExactly(new Loss1D.Default(), new Loss1D.Uniform(),
        new Loss1D.Curvature(1, 0.02, 0.02), new Loss1D.Curvature(2, 0, 0.5), new Loss1D.Triangle(),
        new Loss1D.AbsMinLog(), new Loss1D.Resolution(0.01, 0.5));
  }

  // ---------------------------------------------------------------- until

  @Test
  void until_again_replacesTheGoalAndLeavesTheOriginal() {
    Experiment original = peak();
    Experiment refined = original.until(points(100)).until(lossBelow(0.001).or(points(50_000)));
    assertThat(refined.compile().learners()).allSatisfy(task ->
        assertThat(task.goal().describe()).isEqualTo("lossBelow(0.001).or(points(50000))"));
    assertThat(original.compile().learners()).allSatisfy(task ->
        assertThat(task.goal()).isEqualTo(new Goal.LossBelow(0.01)));
  }

  @Test
  void goals_factories_buildThePlanRecords() {
    assertThat(points(5)).isEqualTo(new Goal.Points(5));
    assertThat(lossBelow(0.1)).isEqualTo(new Goal.LossBelow(0.1));
    assertThat(elapsed(Duration.ofMinutes(3))).isEqualTo(new Goal.Elapsed(Duration.ofMinutes(3)));
    assertThat(allOf(points(1), points(2))).isEqualTo(points(1).and(points(2)));
    assertThat(anyOf(points(1), points(2))).isEqualTo(points(1).or(points(2)));
    assertThatThrownBy(() -> elapsed(null)).isInstanceOf(NullPointerException.class).hasMessage("limit");
    assertThatThrownBy(() -> peak().until(null)).isInstanceOf(NullPointerException.class).hasMessage("goal");
  }

  // ---------------------------------------------------------------- resources

  @Test
  void resources_absent_areTheDefaults() {
    assertThat(peak().compile().learners()).allSatisfy(task ->
        assertThat(task.resources()).isEqualTo(Defaults.RESOURCES));
    assertThat(Defaults.RESOURCES.cores()).isEqualTo(1);
    assertThat(Defaults.RESOURCES.memory()).isEqualTo(gib(2));
    assertThat(Defaults.RESOURCES.walltime()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void resources_again_replacesAndLeavesTheOriginal() {
    Experiment original = peak().resources(resources().cores(4));
    Experiment refined = original.resources(resources().memory(gib(8)));
    assertThat(refined.compile().learners().get(0).resources()).satisfies(r -> {
      assertThat(r.cores()).isEqualTo(1);
      assertThat(r.memory()).isEqualTo(gib(8));
    });
    assertThat(original.compile().learners().get(0).resources()).satisfies(r -> {
      assertThat(r.cores()).isEqualTo(4);
      assertThat(r.memory()).isEqualTo(gib(2));
    });
  }

  // ---------------------------------------------------------------- immutability

  @Test
  void steps_refined_leaveTheReceiverUnchanged() {
    ExperimentSweepStep start = experiment("e");
    ExperimentLearnStep swept = start.sweep(A);
    ExperimentUntilStep learning = swept.learn(p -> learner1D(interval(0, 1), x -> x));
    Experiment done = learning.until(points(1));
    Experiment other = learning.until(points(2));
    assertThat(done.compile().learners()).hasSize(2);
    assertThat(other.compile().learners().get(0).goal()).isEqualTo(points(2));
    assertThat(done.compile().learners().get(0).goal()).isEqualTo(points(1));
    assertThat(start.learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1)).compile().learners())
        .hasSize(1);
    assertThat(done.toString()).isEqualTo("experiment(\"e\").sweep(a).learn(..).until(points(1))");
  }

  @Test
  void axis_givenArray_isCopied() {
    Double[] values = {1.0, 2.0};
    Axis<Double> axis = axis("v", values);
    values[0] = 9.0;
    assertThat(axis.values()).containsExactly(1.0, 2.0);
    assertThatThrownBy(() -> axis.values().add(3.0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void axis_nulls_throwNamingTheParameter() {
    assertThatThrownBy(() -> axis(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> axis("v", 1, null)).isInstanceOf(NullPointerException.class).hasMessage("values[1]");
    assertThatThrownBy(() -> axis("v", (Integer[]) null)).isInstanceOf(NullPointerException.class).hasMessage("values");
    assertThatThrownBy(() -> experiment(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
  }

  @Test
  void plan_records_areUnmodifiable() {
    ExecutionPlan plan = peak().compile();
    assertThatThrownBy(() -> plan.learners().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  // ---------------------------------------------------------------- house-style examples

  static final Axis<Double> DAMPING = axis("damping", 0.02, 0.05, 0.1, 0.3);

  static Experiment resonance() {
    return experiment("resonance")
        .sweep(DAMPING)
        .learn(point -> {
          double zeta = point.get(DAMPING);
          return learner1D(interval(0.0, 3.0), w -> 1 / Math.hypot(1 - w * w, 2 * zeta * w));
        })
        .until(lossBelow(0.01));
  }

  @Test
  void houseStyle_resonanceOnSlurm_compilesWithRefinedGoalAndResources() {
    ExecutionPlan plan = resonance()
        .resources(resources().cores(16).memory(gib(4)).walltime(Duration.ofHours(2))
            .partition("short").account("phys-123"))
        .until(lossBelow(1e-3).or(points(50_000)))
        .compile();
    assertThat(plan.learners()).extracting(LearnerTask::name).containsExactly("resonance[damping=0.02]",
        "resonance[damping=0.05]", "resonance[damping=0.1]", "resonance[damping=0.3]");
    assertThat(plan.learner("resonance[damping=0.1]").resources().account()).isEqualTo("phys-123");
    assertThat(plan.learners().get(0).goal().describe()).isEqualTo("lossBelow(0.001).or(points(50000))");
  }

  // ---------------------------------------------------------------- explain

  @Test
  void explain_peak_isLineOrientedWithParameters() {
    ExecutionPlan plan = experiment("peak").sweep(axis("a", 0.01), axis("mode", Mode.FAST))
        .learn(p -> learner1D(interval(-1, 1), x -> x).loss(resolutionLoss(0.001, 0.5)))
        .until(lossBelow(0.01).or(points(500)))
        .resources(resources().cores(2).partition("short").env("OMP_NUM_THREADS", "1"))
        .compile();
    assertThat(plan.explain()).isEqualTo("""
        experiment peak: 1 learner, fingerprint 8bcb…676e
        learner peak[a=0.01,mode=FAST]
          parameters a=0.01 mode=FAST
          learner1D lower=-1.0 upper=1.0 loss='resolution' minLength=0.001 maxLength=0.5
          until lossBelow(0.01).or(points(500))
          resources cores=2 nodes=1 memory=gib(2) walltime=PT1H partition='short' env.OMP_NUM_THREADS='1'
          fingerprint 3bfd…0463
        """);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void compile_sameInput_sameExplanation(long seed) {
    Experiment a = RandomExperiments.of(new SplittableRandom(seed));
    Experiment b = RandomExperiments.of(new SplittableRandom(seed));
    String explanation = a.compile().explain();
    assertThat(explanation).as("seed %d", seed).isEqualTo(b.compile().explain());
    assertThat(explanation).as("seed %d", seed).isEqualTo(a.compile().explain());
  }
}
