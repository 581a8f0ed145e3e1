/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.adaptive.plan.BalancingStrategy;
import io.adaptive.plan.Goal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every problem compile() reports for the learners beyond learner1D, with its exact text. */
final class InvalidLearnerTest {

  private static final Axis<Double> DAMPING = axis("damping", 0.02, 0.05, 0.1, 0.3);

  private static List<String> problems(LearnerDefinition learner, Goal goal) {
    return problems(experiment("one").learn(p -> learner).until(goal));
  }

  private static List<String> problems(LearnerDefinition learner) {
    return problems(learner, points(100));
  }

  private static List<String> problems(Experiment experiment) {
    InvalidExperimentException e =
        catchThrowableOfType(InvalidExperimentException.class, experiment::compile);
    assertThat(e).as("compile() should have thrown").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  // ---------------------------------------------------------------- learner1DVector

  @Test
  void learner1DVector_zeroOutputs_isReported() {
    assertThat(problems(learner1DVector(interval(0.0, 1.0), 0, x -> new double[0])))
        .containsExactly("learn > learner1DVector: outputs 0 is less than 1; give the length of"
            + " the arrays the function returns, e.g. learner1DVector(interval(0.0, 1.0), 2,"
            + " x -> new double[] {Math.sin(x), Math.cos(x)})");
  }

  @Test
  void learner1DVector_intervalOutputsAndLoss_areReportedTogether() {
    assertThat(problems(learner1DVector(interval(1.0, 0.0), -1, x -> new double[0])
        .loss(resolutionLoss(-0.1, 0.5)))).containsExactly(
        "learn > learner1DVector: interval(1.0, 0.0) is empty; put the lower bound first:"
            + " interval(0.0, 1.0)",
        "learn > learner1DVector: outputs -1 is less than 1; give the length of the arrays the"
            + " function returns, e.g. learner1DVector(interval(1.0, 0.0), 2,"
            + " x -> new double[] {Math.sin(x), Math.cos(x)})",
        "learn > learner1DVector > loss: resolutionLoss(-0.1, 0.5): minLength is negative;"
            + " use 0.0 or more, e.g. resolutionLoss(0.0, 0.5)");
  }

  // ---------------------------------------------------------------- average

  @Test
  void average_neitherAtolNorRtol_isReported() {
    assertThat(problems(average(seed -> 1.0), lossBelow(1.0))).containsExactly(
        "learn > average: it has neither a finite atol(..) nor rtol(..), so it has no target;"
            + " give at least one, e.g. average(..).atol(0.01)");
  }

  @Test
  void average_infiniteTolerances_countAsNone() {
    assertThat(problems(average(seed -> 1.0).atol(Double.POSITIVE_INFINITY)
        .rtol(Double.POSITIVE_INFINITY), lossBelow(1.0))).containsExactly(
        "learn > average: it has neither a finite atol(..) nor rtol(..), so it has no target;"
            + " give at least one, e.g. average(..).atol(0.01)");
  }

  @Test
  void average_negativeZeroAndNanTolerances_areReported() {
    assertThat(problems(average(seed -> 1.0).atol(-0.01).rtol(Double.NaN), lossBelow(1.0)))
        .containsExactly(
            "learn > average: atol(-0.01) is not positive; use a positive tolerance such as"
                + " atol(0.01)",
            "learn > average: rtol(NaN) is not a number; use a positive tolerance such as"
                + " rtol(0.01)");
    assertThat(problems(average(seed -> 1.0).rtol(0.0), lossBelow(1.0))).containsExactly(
        "learn > average: rtol(0.0) is not positive; use a positive tolerance such as"
            + " rtol(0.01)");
  }

  @Test
  void average_minPointsBelowTwo_isReported() {
    assertThat(problems(average(seed -> 1.0).atol(0.1).minPoints(1), lossBelow(1.0)))
        .containsExactly("learn > average: minPoints(1) is below 2, the fewest samples that give"
            + " a standard error; use minPoints(2) or more");
  }

  @Test
  void average_oneToleranceOnly_isFine() {
    assertThat(experiment("ok").learn(p -> average(seed -> 1.0).rtol(0.01))
        .until(lossBelow(1.0)).compile().learners()).hasSize(1);
  }

  // ---------------------------------------------------------------- average1D

  @Test
  void average1D_fractionsOutOfRange_areReportedWithTheirDefaults() {
    assertThat(problems(average1D(interval(0.0, 1.0), (seed, x) -> x)
        .delta(0.0).alpha(1.5).neighborSampling(Double.NaN))).containsExactly(
        "learn > average1D: delta(0.0) is outside (0, 1]; use a value in that range, such as"
            + " the default delta(0.2)",
        "learn > average1D: alpha(1.5) is outside (0, 1]; use a value in that range, such as"
            + " the default alpha(0.005)",
        "learn > average1D: neighborSampling(NaN) is outside (0, 1]; use a value in that range,"
            + " such as the default neighborSampling(0.3)");
  }

  @Test
  void average1D_oneIsTheLargestFraction() {
    assertThat(experiment("ok").learn(p -> average1D(interval(0.0, 1.0), (seed, x) -> x)
        .delta(1).alpha(1).neighborSampling(1)).until(points(10)).compile().learners())
        .hasSize(1);
  }

  @Test
  void average1D_negativeMinSamples_isReported() {
    assertThat(problems(average1D(interval(0.0, 1.0), (seed, x) -> x).minSamples(-1)))
        .containsExactly("learn > average1D: minSamples(-1) is negative; use 0 or more, such as"
            + " the default minSamples(50)");
  }

  @Test
  void average1D_maxSamplesBelowDefaultMinSamples_namesTheDefault() {
    assertThat(problems(average1D(interval(0.0, 1.0), (seed, x) -> x).maxSamples(10)))
        .containsExactly("learn > average1D: maxSamples(10) is below minSamples(50); make"
            + " maxSamples at least minSamples");
  }

  @Test
  void average1D_badMinError_isReported() {
    assertThat(problems(average1D(interval(0.0, 1.0), (seed, x) -> x).minError(-1)))
        .containsExactly("learn > average1D: minError(-1.0) is negative; an error is never"
            + " below 0, so use 0.0 (the default) or more");
    assertThat(problems(average1D(interval(0.0, 1.0), (seed, x) -> x).minError(Double.NaN)))
        .containsExactly("learn > average1D: minError(NaN) is not a number; use 0.0 or more");
  }

  @Test
  void average1D_intervalAndLoss_areCheckedLikeLearner1D() {
    assertThat(problems(average1D(interval(0.0, 0.0), (seed, x) -> x)
        .loss(curvatureLoss(-1, 0.02, 0.02)))).containsExactly(
        "learn > average1D: interval(0.0, 0.0) is a single point; make the upper bound greater"
            + " than the lower bound",
        "learn > average1D > loss: curvatureLoss(-1.0, 0.02, 0.02): areaFactor is negative;"
            + " use factors of 0.0 or more, such as python-adaptive's curvatureLoss(1.0, 0.02,"
            + " 0.02)");
  }

  // ---------------------------------------------------------------- integrator

  @Test
  void integrator_negativeTolerance_isReported() {
    assertThat(problems(integrator(interval(0.0, 1.0), -1e-8, x -> x), done()))
        .containsExactly("learn > integrator: tol -1.0E-8 is negative; use a small positive"
            + " relative tolerance such as 1e-8");
  }

  @Test
  void integrator_nanAndInfiniteTolerance_areReported() {
    assertThat(problems(integrator(interval(0.0, 1.0), Double.NaN, x -> x), done()))
        .containsExactly("learn > integrator: tol NaN is not a number; use a small positive"
            + " relative tolerance such as 1e-8");
    assertThat(problems(integrator(interval(0.0, 1.0), Double.POSITIVE_INFINITY, x -> x), done()))
        .containsExactly("learn > integrator: tol Infinity is met before the first point; use a"
            + " small positive relative tolerance such as 1e-8");
  }

  @Test
  void integrator_infiniteBound_isReported() {
    assertThat(problems(integrator(interval(0.0, Double.POSITIVE_INFINITY), 1e-8, x -> x), done()))
        .containsExactly("learn > integrator: interval(0.0, Infinity) has an upper bound that is"
            + " infinite; give both bounds as finite numbers");
  }

  // ---------------------------------------------------------------- sequence

  @Test
  void sequence_empty_isReported() {
    assertThat(problems(sequence(new double[0], x -> x), done()))
        .containsExactly("learn > sequence: the sequence is empty, so there is nothing to"
            + " evaluate; give it at least one element");
  }

  // ---------------------------------------------------------------- balancing

  @Test
  void balancing_noChildren_isReported() {
    assertThat(problems(balancing())).containsExactly("learn > balancing: balancing() has no"
        + " children; give it at least one, e.g. balancing(child(\"a\", learner1D(..)),"
        + " child(\"b\", learner1D(..)))");
  }

  @Test
  void balancing_duplicateAndBlankNames_areReported() {
    assertThat(problems(balancing(
        child("low", learner1D(interval(0.0, 1.0), x -> x)),
        child(" ", learner1D(interval(0.0, 1.0), x -> x)),
        child("low", learner1D(interval(0.0, 1.0), x -> x)),
        child("a\nb", learner1D(interval(0.0, 1.0), x -> x))))).containsExactly(
        "learn > balancing: child(\" \", ..) has a blank name; name each child, e.g."
            + " child(\"low\", ..)",
        "learn > balancing: child(\"a\\nb\", ..) has a control character in its name; use"
            + " printable characters only",
        "learn > balancing: two children are named 'low'; give each child its own name");
  }

  @Test
  void balancing_mixedTypes_namesTheFirstChildOfEachType() {
    assertThat(problems(balancing(
        child("a", learner1D(interval(0.0, 1.0), x -> x)),
        child("b", average(seed -> 1.0).atol(0.1)),
        child("c", learner1D(interval(0.0, 1.0), x -> x)),
        child("d", learner1D(interval(0.0, 1.0), withExtras(x -> sample(x)))))))
        .containsExactly("learn > balancing: its children are of different types, learner1D"
            + " ('a'), average ('b') and learner1D withExtras ('d'); a balancing learner needs"
            + " children of one type");
  }

  @Test
  void balancing_nestedBalancing_isReported() {
    assertThat(problems(balancing(child("inner", balancing(
        child("x", learner1D(interval(0.0, 1.0), x -> x)))))))
        .containsExactly("learn > balancing > child 'inner': a balancing learner cannot hold"
            + " another balancing learner; list its children in this balancing(..) instead");
  }

  @Test
  void balancing_childProblems_nameTheChild() {
    assertThat(problems(balancing(
        child("low", learner1D(interval(1.0, 0.0), x -> x)),
        child("high", learner1D(interval(0.0, 1.0), x -> x).loss(resolutionLoss(0.5, 0.5))))))
        .containsExactly(
            "learn > balancing > child 'low' > learner1D: interval(1.0, 0.0) is empty; put the"
                + " lower bound first: interval(0.0, 1.0)",
            "learn > balancing > child 'high' > learner1D > loss: resolutionLoss(0.5, 0.5):"
                + " maxLength equals minLength, which leaves no room to refine; make maxLength"
                + " greater than minLength");
  }

  // ---------------------------------------------------------------- sweep(..).balance()

  @Test
  void balance_mixedTypes_isReported() {
    assertThat(problems(experiment("r").sweep(DAMPING).balance()
        .learn(p -> p.get(DAMPING) < 0.1
            ? learner1D(interval(0.0, 1.0), x -> x)
            : average(seed -> 1.0).atol(0.1))
        .until(points(10)))).containsExactly("balance(): the learners of a balanced sweep must be"
        + " of one type, but learn(..) returned learner1D ('r[damping=0.02]') and average"
        + " ('r[damping=0.1]'); return one type for every point, or drop balance()");
  }

  @Test
  void balance_balancingLearners_isReportedWithTheStrategy() {
    assertThat(problems(experiment("r").sweep(DAMPING).balance(BalancingStrategy.CYCLE)
        .learn(p -> balancing(child("x", learner1D(interval(0.0, 1.0), x -> x))))
        .until(points(10)))).containsExactly("balance(BalancingStrategy.CYCLE): it puts the"
        + " sweep's learners into one balancing learner, which cannot hold balancing learners,"
        + " but learn(..) returned one for 'r[damping=0.02]', 'r[damping=0.05]', 'r[damping=0.1]'"
        + " and 1 more; return single learners from learn(..), or drop balance()");
  }

  @Test
  void balance_childProblems_areReportedPerChildName() {
    assertThat(problems(experiment("r").sweep(DAMPING).balance()
        .learn(p -> learner1D(interval(p.get(DAMPING), 0.05), x -> x))
        .until(points(10)))).containsExactly(
        "learn > learner1D 'r[damping=0.05]': interval(0.05, 0.05) is a single point; make the"
            + " upper bound greater than the lower bound",
        "learn > learner1D 'r[damping=0.1]': interval(0.1, 0.05) is empty; put the lower bound"
            + " first: interval(0.05, 0.1)",
        "learn > learner1D 'r[damping=0.3]': interval(0.3, 0.05) is empty; put the lower bound"
            + " first: interval(0.05, 0.3)");
  }

  // ---------------------------------------------------------------- goals

  @Test
  void done_onLearnersWithoutEnd_namesTheirTypes() {
    assertThat(problems(experiment("r").sweep(DAMPING)
        .learn(p -> p.get(DAMPING) < 0.1
            ? learner1D(interval(0.0, 1.0), x -> x)
            : sequence(new double[] {1}, x -> x))
        .until(done().or(lossBelow(0.0))))).containsExactly("until > done(): learner1D learners never"
        + " finish on their own, so done() is never met for them; use done() with sequence and"
        + " integrator learners, and stop these with a goal such as lossBelow(1e-3) or"
        + " points(10_000)");
  }

  @Test
  void done_boundedByAnotherGoal_isFineForLearnersWithoutEnd() {
    assertThat(experiment("r").sweep(DAMPING)
        .learn(p -> p.get(DAMPING) < 0.1
            ? learner1D(interval(0.0, 1.0), x -> x)
            : sequence(new double[] {1}, x -> x))
        .until(done().or(points(10))).compile().learners()).hasSize(4);
  }

  @Test
  void done_andAnotherGoal_isStillReported() {
    assertThat(problems(learner1D(interval(0.0, 1.0), x -> x), done().and(points(10))))
        .containsExactly("until > done(): learner1D learners never finish on their own, so done()"
            + " is never met for them; use done() with sequence and integrator learners, and stop"
            + " these with a goal such as lossBelow(1e-3) or points(10_000)");
  }

  @Test
  void done_onBalancingOfSequences_isFine() {
    assertThat(experiment("b").learn(p -> balancing(
            child("a", sequence(new double[] {1}, x -> x)),
            child("b", sequence(new double[] {2}, x -> x))))
        .until(done()).compile().learners()).hasSize(1);
  }

  @Test
  void when_blankOrMultiLineName_isReported() {
    assertThat(problems(learner1D(interval(0.0, 1.0), x -> x), when("", v -> true)))
        .containsExactly("until > when(\"\", ..): the name is blank; say what the test checks,"
            + " e.g. when(\"300 points each\", ..): explain() and the run's status show the name");
    assertThat(problems(learner1D(interval(0.0, 1.0), x -> x), when("a\nb", v -> true)))
        .containsExactly("until > when(\"a\\nb\", ..): the name contains a control character,"
            + " which would break explain()'s lines; use printable characters only");
  }
}
