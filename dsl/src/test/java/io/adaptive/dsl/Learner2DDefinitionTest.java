/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.Learner2DSpec;
import io.adaptive.plan.Loss2D;
import io.adaptive.plan.VectorLearner2DSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** learner2D through compile() into the plan, how explain() shows it, and what compile() reports. */
final class Learner2DDefinitionTest {

  private static Experiment one(LearnerDefinition learner) {
    return experiment("one").learn(p -> learner).until(points(100));
  }

  private static Learner2DSpec spec(LearnerDefinition learner) {
    return (Learner2DSpec) one(learner).compile().learners().get(0).spec();
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

  // ---------------------------------------------------------------- learner2D

  @Test
  void learner2D_defaults_fillBoundsAndTheDefaultLoss() {
    Learner2DSpec spec = spec(learner2D(interval(-1.0, 1.0), interval(0.0, 2.0), (x, y) -> x * y));
    assertThat(spec.type()).isEqualTo("learner2D");
    assertThat(spec.xLower()).isEqualTo(-1.0);
    assertThat(spec.xUpper()).isEqualTo(1.0);
    assertThat(spec.yLower()).isEqualTo(0.0);
    assertThat(spec.yUpper()).isEqualTo(2.0);
    assertThat(spec.loss()).isEqualTo(Defaults.LOSS_2D);
    assertThat(spec.function().applyAsDouble(3.0, 4.0)).isEqualTo(12.0);
  }

  @Test
  void learner2D_loss_isACopyModifier() {
    Learner2DDefinition original = learner2D(interval(0.0, 1.0), interval(0.0, 1.0), (x, y) -> x);
    Learner2DDefinition uniform = original.loss(uniformLoss2D());
    assertThat(original.toString())
        .isEqualTo("learner2D(interval(0.0, 1.0), interval(0.0, 1.0), ..).loss(defaultLoss2D())");
    assertThat(uniform.toString())
        .isEqualTo("learner2D(interval(0.0, 1.0), interval(0.0, 1.0), ..).loss(uniformLoss2D())");
    assertThat(spec(uniform).loss()).isEqualTo(new Loss2D.Uniform());
  }

  @Test
  void learner2D_explain_showsBoundsAndLoss() {
    assertThat(line(learner2D(interval(-1.0, 1.0), interval(0.0, 2.0), (x, y) -> x)
        .loss(resolutionLoss2D(0.01, 0.5))))
        .isEqualTo("learner2D xLower=-1.0 xUpper=1.0 yLower=0.0 yUpper=2.0 loss='resolution'"
            + " minDistance=0.01 maxDistance=0.5");
    assertThat(line(learner2D(interval(0.0, 1.0), interval(0.0, 1.0), (x, y) -> x)
        .loss(thresholdedLoss2D(-1.0, 1.0, 0.1))))
        .isEqualTo("learner2D xLower=0.0 xUpper=1.0 yLower=0.0 yUpper=1.0 loss='thresholded'"
            + " lower=-1.0 upper=1.0 priorityFactor=0.1");
  }

  @Test
  void learner2D_everyLoss_compiles() {
    for (Loss2D loss : List.of(defaultLoss2D(), uniformLoss2D(), resolutionLoss2D(0.0, 1.0),
        minimizeTriangleSurfaceLoss2D(), thresholdedLoss2D(Double.NEGATIVE_INFINITY, 0.0, 0.1),
        triangleLoss2D())) {
      assertThat(spec(learner2D(interval(0.0, 1.0), interval(0.0, 1.0), (x, y) -> x).loss(loss))
          .loss()).isEqualTo(loss);
    }
  }

  // ---------------------------------------------------------------- problems

  @Test
  void learner2D_reversedAndNanBounds_areReportedPerAxisTogether() {
    assertThat(problems(learner2D(interval(1.0, -1.0), interval(Double.NaN, 1.0), (x, y) -> x)))
        .containsExactly(
            "learn > learner2D > x: interval(1.0, -1.0) is empty; put the lower bound first:"
                + " interval(-1.0, 1.0)",
            "learn > learner2D > y: interval(NaN, 1.0) has a lower bound that is NaN; give both"
                + " bounds as finite numbers");
  }

  @Test
  void learner2D_singlePointY_isReported() {
    assertThat(problems(learner2D(interval(0.0, 1.0), interval(2.0, 2.0), (x, y) -> x)))
        .containsExactly("learn > learner2D > y: interval(2.0, 2.0) is a single point; make the"
            + " upper bound greater than the lower bound");
  }

  @Test
  void learner2D_badResolution_isReportedWithTheBounds() {
    assertThat(problems(learner2D(interval(1.0, 0.0), interval(0.0, 1.0), (x, y) -> x)
        .loss(resolutionLoss2D(-0.1, 0.5)))).containsExactly(
        "learn > learner2D > x: interval(1.0, 0.0) is empty; put the lower bound first:"
            + " interval(0.0, 1.0)",
        "learn > learner2D > loss: resolutionLoss2D(-0.1, 0.5): minDistance is negative; use 0.0"
            + " or more, e.g. resolutionLoss2D(0.0, 0.5)");
  }

  @Test
  void learner2D_resolutionMaxBelowMinOrEqualOrNan_isReported() {
    LearnerDefinition base = learner2D(interval(0.0, 1.0), interval(0.0, 1.0), (x, y) -> x);
    assertThat(problems(((Learner2DDefinition) base).loss(resolutionLoss2D(0.5, 0.1))))
        .containsExactly("learn > learner2D > loss: resolutionLoss2D(0.5, 0.1): maxDistance is"
            + " below minDistance; swap them: resolutionLoss2D(0.1, 0.5)");
    assertThat(problems(((Learner2DDefinition) base).loss(resolutionLoss2D(0.2, 0.2))))
        .containsExactly("learn > learner2D > loss: resolutionLoss2D(0.2, 0.2): maxDistance"
            + " equals minDistance, which leaves no room to refine; make maxDistance greater than"
            + " minDistance");
    assertThat(problems(((Learner2DDefinition) base)
        .loss(resolutionLoss2D(Double.NaN, Double.NaN)))).containsExactly(
        "learn > learner2D > loss: resolutionLoss2D(NaN, NaN): minDistance is NaN; use a"
            + " fraction of the domain such as 0.01",
        "learn > learner2D > loss: resolutionLoss2D(NaN, NaN): maxDistance is NaN; use a"
            + " fraction of the domain such as 1.0");
  }

  @Test
  void learner2D_badThresholded_isReported() {
    assertThat(problems(learner2D(interval(0.0, 1.0), interval(0.0, 1.0), (x, y) -> x)
        .loss(thresholdedLoss2D(Double.NaN, 1.0, -0.5)))).containsExactly(
        "learn > learner2D > loss: thresholdedLoss2D(NaN, 1.0, -0.5): lower is NaN and"
            + " priorityFactor is negative; give thresholds as numbers (Double.NEGATIVE_INFINITY"
            + " or POSITIVE_INFINITY for none) and a factor of 0.0 or more, such as"
            + " thresholdedLoss2D(-1.0, 1.0, 0.1)");
  }

  // ---------------------------------------------------------------- learner2DVector

  @Test
  void learner2DVector_defaults_fillOutputsAndTheDefaultLoss() {
    VectorLearner2DSpec spec = (VectorLearner2DSpec) one(learner2DVector(interval(0.0, 1.0),
        interval(-1.0, 1.0), 2, (x, y) -> new double[] {x, y})).compile().learners().get(0).spec();
    assertThat(spec.type()).isEqualTo("learner2DVector");
    assertThat(spec.outputs()).isEqualTo(2);
    assertThat(spec.loss()).isEqualTo(Defaults.LOSS_2D);
    assertThat(spec.function().apply(3.0, 4.0)).containsExactly(3.0, 4.0);
    assertThat(line(learner2DVector(interval(0.0, 1.0), interval(-1.0, 1.0), 2,
        (x, y) -> new double[2]))).isEqualTo("learner2DVector xLower=0.0 xUpper=1.0 yLower=-1.0"
            + " yUpper=1.0 outputs=2 loss='default'");
  }

  @Test
  void learner2DVector_boundsOutputsAndSurfaceLoss_areReportedTogether() {
    assertThat(problems(learner2DVector(interval(0.0, 1.0), interval(1.0, 0.0), 0,
        (x, y) -> new double[0]))).containsExactly(
        "learn > learner2DVector > y: interval(1.0, 0.0) is empty; put the lower bound first:"
            + " interval(0.0, 1.0)",
        "learn > learner2DVector: outputs 0 is less than 1; give the length of the arrays the"
            + " function returns, e.g. learner2DVector(interval(0.0, 1.0), interval(1.0, 0.0), 2,"
            + " (x, y) -> new double[] {x * y, x - y})");
    assertThat(problems(learner2DVector(interval(0.0, 1.0), interval(0.0, 1.0), 3,
        (x, y) -> new double[3]).loss(minimizeTriangleSurfaceLoss2D()))).containsExactly(
        "learn > learner2DVector > loss: minimizeTriangleSurfaceLoss2D() needs one output, but"
            + " outputs is 3; use defaultLoss2D(), or learner2D for a single output");
  }
}
