/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.LearnerNDSpec;
import io.adaptive.plan.LossND;
import io.adaptive.plan.VectorLearnerNDSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** learnerND through compile() into the plan, how explain() shows it, and what compile() reports. */
final class LearnerNDDefinitionTest {

  private static final Box CUBE = box(interval(-1.0, 1.0), interval(0.0, 2.0), interval(3.0, 4.0));

  private static Experiment one(LearnerDefinition learner) {
    return experiment("one").learn(p -> learner).until(points(100));
  }

  private static LearnerNDSpec spec(LearnerDefinition learner) {
    return (LearnerNDSpec) one(learner).compile().learners().get(0).spec();
  }

  private static String line(LearnerDefinition learner) {
    return one(learner).compile().explain().split("\n")[2].substring(2);
  }

  private static List<String> problems(LearnerDefinition learner) {
    InvalidExperimentException e =
        catchThrowableOfType(InvalidExperimentException.class, one(learner)::compile);
    assertThat(e).as("compile() should have thrown").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  // ---------------------------------------------------------------- learnerND

  @Test
  void learnerND_defaults_fillBoxLossAndSeed() {
    LearnerNDSpec spec = spec(learnerND(CUBE, p -> p[0] * p[1] + p[2]));
    assertThat(spec.type()).isEqualTo("learnerND");
    assertThat(spec.lower()).containsExactly(-1.0, 0.0, 3.0);
    assertThat(spec.upper()).containsExactly(1.0, 2.0, 4.0);
    assertThat(spec.loss()).isEqualTo(Defaults.LOSS_ND);
    assertThat(spec.seed()).isEqualTo(Defaults.LEARNER_ND_SEED);
    assertThat(spec.function().applyAsDouble(new double[] {2, 3, 4})).isEqualTo(10.0);
  }

  @Test
  void learnerND_twoDimensions_compiles() {
    LearnerNDSpec spec = spec(learnerND(box(interval(0.0, 1.0), interval(0.0, 2.0)), p -> p[0]));
    assertThat(spec.lower()).containsExactly(0.0, 0.0);
    assertThat(spec.upper()).containsExactly(1.0, 2.0);
  }

  @Test
  void learnerND_loss_isACopyModifier() {
    LearnerNDDefinition original = learnerND(CUBE, p -> p[0]);
    LearnerNDDefinition curvature = original.loss(curvatureLossND(0.05));
    assertThat(original.toString()).isEqualTo("learnerND(box(interval(-1.0, 1.0),"
        + " interval(0.0, 2.0), interval(3.0, 4.0)), ..).loss(defaultLossND())");
    assertThat(curvature.toString()).isEqualTo("learnerND(box(interval(-1.0, 1.0),"
        + " interval(0.0, 2.0), interval(3.0, 4.0)), ..).loss(curvatureLossND(0.05))");
    assertThat(spec(curvature).loss()).isEqualTo(new LossND.Curvature(0.05));
    assertThat(spec(original).loss()).isEqualTo(new LossND.Default());
  }

  @Test
  void learnerND_explain_showsBoxLossAndSeed() {
    assertThat(line(learnerND(box(interval(0.0, 1.0), interval(-2.0, 2.0)), p -> p[0])
        .loss(curvatureLossND(0.1))))
        .isEqualTo("learnerND lower=[0.0, -2.0] upper=[1.0, 2.0] loss='curvature'"
            + " exploration=0.1 seed=1");
  }

  @Test
  void learnerND_everyLoss_compiles() {
    for (LossND loss : List.of(defaultLossND(), uniformLossND(), stdLossND(), triangleLossND(),
        curvatureLossND(0.0))) {
      assertThat(spec(learnerND(CUBE, p -> p[0]).loss(loss)).loss()).isEqualTo(loss);
    }
  }

  // ---------------------------------------------------------------- problems

  @Test
  void learnerND_fourIntervals_isReportedWithAFix() {
    assertThat(problems(learnerND(box(interval(0.0, 1.0), interval(0.0, 1.0), interval(0.0, 1.0),
        interval(0.0, 1.0)), p -> p[0]))).containsExactly(
        "learn > learnerND > box: box(interval(0.0, 1.0), interval(0.0, 1.0), interval(0.0, 1.0),"
            + " interval(0.0, 1.0)) has 4 intervals; learnerND learns in 2 or 3 dimensions:"
            + " sweep over the other coordinates with an axis, or drop intervals");
  }

  @Test
  void learnerND_oneInterval_pointsToLearner1D() {
    assertThat(problems(learnerND(box(interval(0.0, 1.0)), p -> p[0]))).containsExactly(
        "learn > learnerND > box: box(interval(0.0, 1.0)) has 1 interval; use learner1D for one"
            + " coordinate, or add intervals: box(interval(-1.0, 1.0), interval(-1.0, 1.0))");
  }

  @Test
  void learnerND_everyProblem_isReportedAtOnce() {
    assertThat(problems(learnerND(box(interval(1.0, -1.0), interval(2.0, 2.0),
        interval(0.0, Double.POSITIVE_INFINITY)), p -> p[0]).loss(curvatureLossND(-0.5))))
        .containsExactly(
            "learn > learnerND > box > x: interval(1.0, -1.0) is empty; put the lower bound"
                + " first: interval(-1.0, 1.0)",
            "learn > learnerND > box > y: interval(2.0, 2.0) is a single point; make the upper"
                + " bound greater than the lower bound",
            "learn > learnerND > box > z: interval(0.0, Infinity) has an upper bound that is"
                + " infinite; give both bounds as finite numbers",
            "learn > learnerND > loss: curvatureLossND(-0.5): exploration is negative; use 0.0 or"
                + " more, such as python-adaptive's curvatureLossND(0.05)");
  }

  @Test
  void learnerND_nanExploration_isReported() {
    assertThat(problems(learnerND(CUBE, p -> p[0]).loss(curvatureLossND(Double.NaN))))
        .containsExactly("learn > learnerND > loss: curvatureLossND(NaN): exploration is NaN;"
            + " use 0.0 or more, such as python-adaptive's curvatureLossND(0.05)");
  }

  // ---------------------------------------------------------------- learnerNDVector

  @Test
  void learnerNDVector_compiles_withOutputsAndLoss() {
    VectorLearnerNDSpec spec = (VectorLearnerNDSpec) one(learnerNDVector(CUBE, 2,
        p -> new double[] {p[0], p[1] * p[2]}).loss(stdLossND())).compile().learners().get(0)
        .spec();
    assertThat(spec.type()).isEqualTo("learnerNDVector");
    assertThat(spec.outputs()).isEqualTo(2);
    assertThat(spec.lower()).containsExactly(-1.0, 0.0, 3.0);
    assertThat(spec.loss()).isEqualTo(new LossND.Std());
    assertThat(spec.function().apply(new double[] {1, 2, 3})).containsExactly(1.0, 6.0);
  }

  @Test
  void learnerNDVector_noOutputsAndFlatBox_areReportedTogether() {
    assertThat(problems(learnerNDVector(box(interval(0.0, 1.0), interval(1.0, 1.0)), 0,
        p -> new double[0]))).containsExactly(
        "learn > learnerNDVector > box > y: interval(1.0, 1.0) is a single point; make the upper"
            + " bound greater than the lower bound",
        "learn > learnerNDVector: outputs 0 is less than 1; give the length of the arrays the"
            + " function returns, e.g. learnerNDVector(box(interval(0.0, 1.0), interval(1.0,"
            + " 1.0)), 2, p -> new double[] {p[0] * p[1], p[0] - p[1]})");
  }

  @Test
  void box_nullInterval_isAnNpeNamingTheParameter() {
    NullPointerException e = catchThrowableOfType(NullPointerException.class,
        () -> box(interval(0.0, 1.0), null));
    assertThat(e).hasMessage("interval");
  }
}
