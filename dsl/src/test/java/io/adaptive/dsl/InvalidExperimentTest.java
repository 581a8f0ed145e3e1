/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.adaptive.AdaptiveException;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Loss1D;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every problem {@code compile()} reports, with its exact text: the text is API. */
final class InvalidExperimentTest {

  enum Mode { FAST }

  enum OtherMode { FAST }

  private static final Axis<Double> DAMPING = axis("damping", 0.02, 0.05, 0.1, 0.3);

  /** A valid experiment with four learners, to break one part at a time. */
  private static Experiment resonance(Function<? super Point, ? extends LearnerDefinition> learn) {
    return experiment("resonance").sweep(DAMPING).learn(learn).until(lossBelow(0.01));
  }

  private static Experiment resonance() {
    return resonance(p -> learner1D(interval(0.0, 3.0), w -> w * p.get(DAMPING)));
  }

  private static Experiment withInterval(double lower, double upper) {
    return resonance(p -> learner1D(interval(lower, upper), w -> w));
  }

  private static Experiment withLoss(Loss1D loss) {
    return resonance(p -> learner1D(interval(0.0, 3.0), w -> w).loss(loss));
  }

  private static Experiment withGoal(Goal goal) {
    return resonance().until(goal);
  }

  private static Experiment withResources(Resources resources) {
    return resonance().resources(resources);
  }

  private static List<String> problems(Experiment experiment) {
    InvalidExperimentException e = catchThrowableOfType(InvalidExperimentException.class, experiment::compile);
    assertThat(e).as("compile() should have thrown").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  // ---------------------------------------------------------------- the report

  @Test
  void compile_threeProblems_reportsAllInHouseFormat() {
    Experiment bad = experiment("resonance").sweep(axis("damping", 0.02, 0.05, 0.05, 0.3))
        .learn(p -> learner1D(interval(3.0, 0.0), w -> w)).until(lossBelow(0.0));
    assertThatThrownBy(bad::compile)
        .isInstanceOf(InvalidExperimentException.class)
        .isInstanceOf(AdaptiveException.class)
        .hasMessage("""
            experiment 'resonance' has 3 problems; nothing was run
              1. sweep > axis 'damping': 0.05 appears twice; each value becomes one learner, so remove the copy
              2. learn > learner1D (all 4 learners): interval(3.0, 0.0) is empty; put the lower bound first: interval(0.0, 3.0)
              3. until > lossBelow(0.0): a loss of exactly 0 is never reached, so these learners would never stop; \
            use a positive threshold such as lossBelow(1e-3), or bound it: .or(points(10_000))""");
  }

  @Test
  void compile_oneProblem_saysProblemInTheSingular() {
    InvalidExperimentException e = catchThrowableOfType(InvalidExperimentException.class,
        () -> withGoal(points(0)).compile());
    assertThat(e.getMessage()).isEqualTo("""
        experiment 'resonance' has 1 problem; nothing was run
          1. until > points(0): a count of 0 or less is met before the first point; \
        use a positive count such as points(1_000)""");
    assertThat(e.experiment()).isEqualTo("resonance");
    assertThat(e.problems()).containsExactly(new Problem("until > points(0)",
        "a count of 0 or less is met before the first point; use a positive count such as points(1_000)"));
  }

  @Test
  void compile_problemsEverywhere_areReportedInDslOrder() {
    Experiment bad = experiment(" ").sweep(axis("a"), axis("a", 1))
        .learn(p -> learner1D(interval(0, 0), x -> x).loss(resolutionLoss(-1, 1)))
        .until(points(-1))
        .resources(resources().cores(0));
    assertThat(problems(bad)).containsExactly(
        "experiment: the name ' ' is blank; give the experiment a name, e.g. experiment(\"resonance\")",
        "sweep: two axes are named 'a'; give each axis its own name",
        "sweep > axis 'a': it has no values, so the sweep has no learners; give it at least one value",
        "until > points(-1): a count of 0 or less is met before the first point; use a positive count such as points(1_000)",
        "resources > cores(0): a job needs at least one core; use cores(1) or more");
  }

  // ---------------------------------------------------------------- experiment

  @Test
  void experiment_blankName_isReported() {
    assertThat(problems(experiment("").learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1))))
        .containsExactly("experiment: the name '' is blank; give the experiment a name, e.g. experiment(\"resonance\")");
  }

  @Test
  void experiment_controlCharacterInName_isReported() {
    assertThat(problems(experiment("a\tb").learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1))))
        .containsExactly("experiment: the name 'a\\tb' contains a control character; use printable characters only");
  }

  // ---------------------------------------------------------------- sweep

  @Test
  void sweep_duplicateValue_isReportedOnce() {
    Experiment bad = experiment("e").sweep(axis("v", 1, 2, 1, 1), axis("s", "x", "x"), axis("m", Mode.FAST, Mode.FAST))
        .learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1));
    assertThat(problems(bad)).containsExactly(
        "sweep > axis 'v': 1 appears 3 times; each value becomes one learner, so remove the copy",
        "sweep > axis 's': 'x' appears twice; each value becomes one learner, so remove the copy",
        "sweep > axis 'm': Mode.FAST appears twice; each value becomes one learner, so remove the copy");
  }

  @Test
  void sweep_duplicateAxisNames_isReported() {
    Experiment bad = experiment("e").sweep(axis("a", 1), axis("a", 2), axis("a", 3))
        .learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1));
    assertThat(problems(bad)).containsExactly("sweep: 3 axes are named 'a'; give each axis its own name");
  }

  @Test
  void sweep_valuesWrittenAlike_reportsTheSharedLearnerName() {
    Experiment bad = experiment("e").sweep(axis("v", 1, 1L, 1.0, "1"), axis("w", Mode.FAST, OtherMode.FAST))
        .learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1));
    assertThat(problems(bad)).containsExactly(
        "sweep > axis 'v': 1 (Integer), 1 (Long), 1.0 (Double) and '1' (String) are all written 'v=1' in learner"
            + " names, so their learners would have the same name; keep only one of them",
        "sweep > axis 'w': Mode.FAST (Mode) and OtherMode.FAST (OtherMode) are both written 'w=FAST' in learner"
            + " names, so their learners would have the same name; keep only one of them");
  }

  @Test
  void sweep_unsupportedType_isReportedOncePerType() {
    Axis<Object> mixed = axis("f", new BigDecimal("2.5"), 1.5f, new BigDecimal("3"), 0.5);
    Experiment bad = experiment("e").sweep(mixed).learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1));
    assertThat(problems(bad)).containsExactly(
        "sweep > axis 'f': values of type java.math.BigDecimal, such as '2.5', cannot name a learner;"
            + " use String, Boolean, Integer, Long, Double or enum values",
        "sweep > axis 'f': values of type java.lang.Float, such as '1.5', cannot name a learner;"
            + " use String, Boolean, Integer, Long, Double or enum values");
  }

  @Test
  void sweep_blankAxisName_isReported() {
    Experiment bad = experiment("e").sweep(axis(" ", 1)).learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1));
    assertThat(problems(bad)).containsExactly(
        "sweep > axis ' ': the axis name is blank; give it a name, e.g. axis(\"damping\", 0.02, 0.05)");
  }

  @Test
  void sweep_axisWithoutValues_isReported() {
    Experiment bad = experiment("e").sweep(axis("a", 1), axis("empty", List.of()))
        .learn(p -> learner1D(interval(0, 1), x -> x)).until(points(1));
    assertThat(problems(bad)).containsExactly(
        "sweep > axis 'empty': it has no values, so the sweep has no learners; give it at least one value");
  }

  // ---------------------------------------------------------------- learn

  @Test
  void learn_throwsForOnePoint_namesItsLearnerAndMessage() {
    Experiment bad = resonance(p -> {
      if (p.get(DAMPING) == 0.1) {
        throw new IllegalStateException("no table for damping 0.1");
      }
      return learner1D(interval(0, 1), x -> x);
    });
    assertThat(problems(bad)).containsExactly("learn 'resonance[damping=0.1]': the learn function threw"
        + " java.lang.IllegalStateException 'no table for damping 0.1'; make it return a learner for every sweep point");
  }

  @Test
  void learn_throwsWithoutMessageForEveryPoint_isSaidOnce() {
    Experiment bad = resonance(p -> {
      throw new UnsupportedOperationException();
    });
    assertThat(problems(bad)).containsExactly("learn (all 4 learners): the learn function threw"
        + " java.lang.UnsupportedOperationException (no message); make it return a learner for every sweep point");
  }

  @Test
  void learn_returnsNullForSomePoints_listsThem() {
    Experiment bad = resonance(p -> p.get(DAMPING) > 0.03 ? null : learner1D(interval(0, 1), x -> x));
    assertThat(problems(bad)).containsExactly("learn (3 of 4 learners: 'resonance[damping=0.05]',"
        + " 'resonance[damping=0.1]', 'resonance[damping=0.3]'): the learn function returned null;"
        + " return a learner such as learner1D(interval(0.0, 1.0), x -> x)");
  }

  @Test
  void learn_manyOfManyLearners_listsTheFirstThree() {
    Experiment bad = experiment("e").sweep(axis("i", 1, 2, 3, 4, 5, 6))
        .learn(p -> p.get(axis("i", 1, 2, 3, 4, 5, 6)) > 1 ? null : learner1D(interval(0, 1), x -> x))
        .until(points(1));
    assertThat(problems(bad)).singleElement().asString()
        .startsWith("learn (5 of 6 learners: 'e[i=2]', 'e[i=3]', 'e[i=4]', ...): the learn function returned null");
  }

  @Test
  void learn_axisNotInSweep_isReportedWithTheSweptAxes() {
    Axis<Integer> other = axis("other", 1);
    Experiment bad = experiment("e").sweep(axis("a", 1), axis("b", 2))
        .learn(p -> learner1D(interval(0, p.get(other)), x -> x)).until(points(1));
    assertThat(problems(bad)).containsExactly("learn: the learn function"
        + " threw java.lang.IllegalArgumentException 'point.get(..) was given the axis \"other\", which is not swept;"
        + " the sweep is sweep(a, b)'; make it return a learner for every sweep point");
  }

  @Test
  void learn_axisWithSameNameButOtherValues_isReported() {
    Experiment bad = experiment("e").sweep(axis("a", 1, 2))
        .learn(p -> learner1D(interval(0, p.get(axis("a", 1))), x -> x)).until(points(1));
    assertThat(problems(bad)).containsExactly("learn (all 2 learners): the learn function threw"
        + " java.lang.IllegalArgumentException 'point.get(..) was given an axis named \"a\" whose values differ from"
        + " the swept one; pass the Axis that was given to sweep(a)'; make it return a learner for every sweep point");
  }

  @Test
  void learn_singleLearnerProblem_doesNotRepeatTheName() {
    Experiment bad = experiment("one").learn(p -> learner1D(interval(1, 0), x -> x)).until(points(1));
    assertThat(problems(bad)).containsExactly(
        "learn > learner1D: interval(1.0, 0.0) is empty; put the lower bound first: interval(0.0, 1.0)");
  }

  // ---------------------------------------------------------------- learner1D interval

  @Test
  void interval_reversed_isReportedWithTheSwappedInterval() {
    assertThat(problems(withInterval(3.0, 0.0))).containsExactly(
        "learn > learner1D (all 4 learners): interval(3.0, 0.0) is empty; put the lower bound first: interval(0.0, 3.0)");
  }

  @Test
  void interval_equalBounds_isReported() {
    assertThat(problems(withInterval(1.5, 1.5))).containsExactly(
        "learn > learner1D (all 4 learners): interval(1.5, 1.5) is a single point;"
            + " make the upper bound greater than the lower bound");
  }

  @Test
  void interval_nanBound_isReported() {
    assertThat(problems(withInterval(Double.NaN, 1))).containsExactly(
        "learn > learner1D (all 4 learners): interval(NaN, 1.0) has a lower bound that is NaN;"
            + " give both bounds as finite numbers");
  }

  @Test
  void interval_infiniteBounds_isReported() {
    assertThat(problems(withInterval(Double.NEGATIVE_INFINITY, Double.NaN))).containsExactly(
        "learn > learner1D (all 4 learners): interval(-Infinity, NaN) has a lower bound that is infinite"
            + " and an upper bound that is NaN; give both bounds as finite numbers");
  }

  @Test
  void interval_infiniteUpperBound_isReported() {
    assertThat(problems(withInterval(0.0, Double.POSITIVE_INFINITY))).containsExactly(
        "learn > learner1D (all 4 learners): interval(0.0, Infinity) has an upper bound that is"
            + " infinite; give both bounds as finite numbers");
  }

  @Test
  void interval_bothBoundsInfinite_isReportedAsBoth() {
    assertThat(problems(withInterval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)))
        .containsExactly("learn > learner1D (all 4 learners): interval(-Infinity, Infinity) has"
            + " both bounds infinite; give both bounds as finite numbers");
  }

  @Test
  void interval_bothBoundsNaN_isReportedAsBoth() {
    assertThat(problems(withInterval(Double.NaN, Double.NaN))).containsExactly(
        "learn > learner1D (all 4 learners): interval(NaN, NaN) has both bounds NaN;"
            + " give both bounds as finite numbers");
  }

  @Test
  void interval_dependingOnThePoint_isReportedPerLearner() {
    Experiment bad = resonance(p -> learner1D(interval(0.0, p.get(DAMPING) > 0.2 ? -1 : 1), x -> x));
    assertThat(problems(bad)).containsExactly("learn > learner1D 'resonance[damping=0.3]':"
        + " interval(0.0, -1.0) is empty; put the lower bound first: interval(-1.0, 0.0)");
  }

  // ---------------------------------------------------------------- learner1D loss

  @Test
  void resolutionLoss_negativeMin_isReported() {
    assertThat(problems(withLoss(resolutionLoss(-0.1, 0.5)))).containsExactly(
        "learn > learner1D > loss (all 4 learners): resolutionLoss(-0.1, 0.5): minLength is negative;"
            + " use 0.0 or more, e.g. resolutionLoss(0.0, 0.5)");
  }

  @Test
  void resolutionLoss_maxBelowMin_suggestsSwapping() {
    assertThat(problems(withLoss(resolutionLoss(0.5, 0.1)))).containsExactly(
        "learn > learner1D > loss (all 4 learners): resolutionLoss(0.5, 0.1): maxLength is below minLength;"
            + " swap them: resolutionLoss(0.1, 0.5)");
  }

  @Test
  void resolutionLoss_maxEqualsMin_isReported() {
    assertThat(problems(withLoss(resolutionLoss(0.1, 0.1)))).containsExactly(
        "learn > learner1D > loss (all 4 learners): resolutionLoss(0.1, 0.1): maxLength equals minLength,"
            + " which leaves no room to refine; make maxLength greater than minLength");
  }

  @Test
  void resolutionLoss_nan_isReported() {
    assertThat(problems(withLoss(resolutionLoss(Double.NaN, Double.NaN)))).containsExactly(
        "learn > learner1D > loss (all 4 learners): resolutionLoss(NaN, NaN): minLength is NaN;"
            + " use a fraction of the domain width such as 0.01",
        "learn > learner1D > loss (all 4 learners): resolutionLoss(NaN, NaN): maxLength is NaN;"
            + " use a fraction of the domain width such as 0.5");
  }

  @Test
  void resolutionLoss_negativeMinAndMaxBelow_reportsBoth() {
    assertThat(problems(withLoss(resolutionLoss(-0.1, -0.2)))).containsExactly(
        "learn > learner1D > loss (all 4 learners): resolutionLoss(-0.1, -0.2): minLength is negative;"
            + " use 0.0 or more, e.g. resolutionLoss(0.0, -0.2)",
        "learn > learner1D > loss (all 4 learners): resolutionLoss(-0.1, -0.2): maxLength is below minLength;"
            + " swap them: resolutionLoss(-0.2, -0.1)");
  }

  @Test
  void curvatureLoss_negativeOrNanFactors_areReportedTogether() {
    assertThat(problems(withLoss(curvatureLoss(-1, Double.NaN, Double.POSITIVE_INFINITY)))).containsExactly(
        "learn > learner1D > loss (all 4 learners): curvatureLoss(-1.0, NaN, Infinity): areaFactor is negative,"
            + " euclidFactor is NaN and horizontalFactor is infinite; use factors of 0.0 or more,"
            + " such as python-adaptive's curvatureLoss(1.0, 0.02, 0.02)");
  }

  @Test
  void curvatureLoss_oneNegativeFactor_isReported() {
    assertThat(problems(withLoss(curvatureLoss(1, -0.02, 0.02)))).containsExactly(
        "learn > learner1D > loss (all 4 learners): curvatureLoss(1.0, -0.02, 0.02): euclidFactor is negative;"
            + " use factors of 0.0 or more, such as python-adaptive's curvatureLoss(1.0, 0.02, 0.02)");
  }

  @Test
  void learner_intervalAndLoss_bothReportedInOrder() {
    assertThat(problems(resonance(p -> learner1D(interval(1, 1), x -> x).loss(curvatureLoss(-1, 0, 0)))))
        .containsExactly(
            "learn > learner1D (all 4 learners): interval(1.0, 1.0) is a single point;"
                + " make the upper bound greater than the lower bound",
            "learn > learner1D > loss (all 4 learners): curvatureLoss(-1.0, 0.0, 0.0): areaFactor is negative;"
                + " use factors of 0.0 or more, such as python-adaptive's curvatureLoss(1.0, 0.02, 0.02)");
  }

  // ---------------------------------------------------------------- until

  @Test
  void points_zeroOrLess_isReported() {
    assertThat(problems(withGoal(points(0)))).containsExactly("until > points(0): a count of 0 or less is met"
        + " before the first point; use a positive count such as points(1_000)");
    assertThat(problems(withGoal(points(-10)))).containsExactly("until > points(-10): a count of 0 or less is"
        + " met before the first point; use a positive count such as points(1_000)");
  }

  @Test
  void lossBelow_zeroUnbounded_isReportedWithTheBoundFix() {
    assertThat(problems(withGoal(lossBelow(0).and(points(100))))).containsExactly("until > lossBelow(0.0):"
        + " a loss of exactly 0 is never reached, so these learners would never stop; use a positive threshold"
        + " such as lossBelow(1e-3), or bound it: .or(points(10_000))");
  }

  @Test
  void lossBelow_zeroBoundedByPoints_isFine() {
    assertThat(withGoal(lossBelow(0).or(points(10_000))).compile().learners()).hasSize(4);
  }

  @Test
  void lossBelow_negative_isReported() {
    assertThat(problems(withGoal(lossBelow(-0.01)))).containsExactly("until > lossBelow(-0.01): a loss is never"
        + " negative, so these learners would never stop; use a positive threshold such as lossBelow(1e-3),"
        + " or bound it: .or(points(10_000))");
  }

  @Test
  void lossBelow_negativeButBounded_isStillReported() {
    assertThat(problems(withGoal(lossBelow(-0.01).or(points(10))))).containsExactly("until > lossBelow(-0.01):"
        + " a loss is never negative, so this part of the goal is never met; use a positive threshold such as"
        + " lossBelow(1e-3)");
  }

  @Test
  void lossBelow_nan_isReported() {
    assertThat(problems(withGoal(lossBelow(Double.NaN)))).containsExactly("until > lossBelow(NaN): no loss is"
        + " below NaN, so these learners would never stop; use a positive threshold such as lossBelow(1e-3),"
        + " or bound it: .or(points(10_000))");
  }

  @Test
  void elapsed_zeroOrNegative_isReported() {
    assertThat(problems(withGoal(elapsed(Duration.ZERO).or(elapsed(Duration.ofSeconds(-5)))))).containsExactly(
        "until > elapsed(PT0S): a duration of zero or less is met before the first point;"
            + " use a positive duration such as elapsed(Duration.ofMinutes(30))",
        "until > elapsed(PT-5S): a duration of zero or less is met before the first point;"
            + " use a positive duration such as elapsed(Duration.ofMinutes(30))");
  }

  @Test
  void allOfAnyOf_empty_isReported() {
    assertThat(problems(withGoal(allOf()))).containsExactly("until > allOf(): allOf() lists no goals;"
        + " give it at least one, e.g. allOf(lossBelow(1e-3), points(1_000))");
    assertThat(problems(withGoal(points(10).or(new Goal.AnyOf(List.of()))))).containsExactly(
        "until > anyOf(): anyOf() lists no goals; give it at least one, e.g. anyOf(lossBelow(1e-3), points(1_000))");
  }

  // ---------------------------------------------------------------- resources

  @Test
  void resources_everyBadNumber_isReportedTogether() {
    assertThat(problems(withResources(resources().cores(0).nodes(-1).memory(mib(0))
        .walltime(Duration.ZERO).gpus(-1)))).containsExactly(
        "resources > cores(0): a job needs at least one core; use cores(1) or more",
        "resources > nodes(-1): a job needs at least one node; use nodes(1) or more",
        "resources > memory(mib(0)): a job needs memory; use a positive amount such as memory(gib(2))",
        "resources > walltime(PT0S): a job needs time to run; use a positive duration such as"
            + " walltime(Duration.ofHours(1))",
        "resources > gpus(-1): a job cannot ask for a negative number of GPUs; use gpus(0) or leave it out for none");
  }

  @Test
  void resources_negativeMemoryAndWalltime_areWrittenAsGiven() {
    assertThat(problems(withResources(resources().memory(gib(-1)).walltime(Duration.ofMinutes(-30)))))
        .containsExactly(
            "resources > memory(gib(-1)): a job needs memory; use a positive amount such as memory(gib(2))",
            "resources > walltime(PT-30M): a job needs time to run; use a positive duration such as"
                + " walltime(Duration.ofHours(1))");
  }

  @Test
  void resources_badEnvironmentName_isReported() {
    assertThat(problems(withResources(resources().env("1X", "y").env("OK_1", "fine"))))
        .containsExactly("resources > env(\"1X\", \"y\"): '1X' is not an environment variable name;"
            + " use letters, digits and underscores, not starting with a digit");
  }

  @Test
  void resources_lineBreaks_areReported() {
    assertThat(problems(withResources(resources().prelude("module load java\nmodule load mpi")
        .partition("short\n").schedulerOption("--a\r\n--b").env("X", "1\n2")))).containsExactly(
        "resources > partition(\"short\\n\"): it contains a line break, which would break the job script; remove it",
        "resources > env(\"X\", \"1\\n2\"): it contains a line break, which would break the job script; remove it",
        "resources > prelude(\"module load java\\nmodule load mpi\"): it contains a line break;"
            + " give each line its own prelude(..) call",
        "resources > schedulerOption(\"--a\\r\\n--b\"): it contains a line break, which would break the job"
            + " script; remove it");
  }
}
