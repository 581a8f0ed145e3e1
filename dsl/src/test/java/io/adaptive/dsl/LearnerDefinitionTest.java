/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.plan.AverageLearner1DSpec;
import io.adaptive.plan.AverageLearnerSpec;
import io.adaptive.plan.BalancingLearnerSpec;
import io.adaptive.plan.BalancingStrategy;
import io.adaptive.plan.DataSaverSpec;
import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.IntegratorLearnerSpec;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.LearnerView;
import io.adaptive.plan.Loss1D;
import io.adaptive.plan.Parameter;
import io.adaptive.plan.Sample;
import io.adaptive.plan.SequenceLearnerSpec;
import io.adaptive.plan.VectorLearner1DSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every learner type through compile() into the plan, and how explain() shows it. */
final class LearnerDefinitionTest {

  static final Axis<Double> DAMPING = axis("damping", 0.02, 0.3);

  private static LearnerSpec only(Experiment experiment) {
    ExecutionPlan plan = experiment.compile();
    assertThat(plan.learners()).hasSize(1);
    return plan.learners().get(0).spec();
  }

  private static LearnerSpec single(LearnerDefinition learner, Goal goal) {
    return only(experiment("one").learn(p -> learner).until(goal));
  }

  /** The learner's line of explain(), without its two-space indent. */
  private static String line(LearnerDefinition learner, Goal goal) {
    String text = experiment("one").learn(p -> learner).until(goal).compile().explain();
    return text.split("\n")[2].substring(2);
  }

  // ---------------------------------------------------------------- learner1DVector

  @Test
  void learner1DVector_defaults_fillTheDefaultLoss() {
    VectorLearner1DSpec spec = (VectorLearner1DSpec) single(
        learner1DVector(interval(0.0, 1.0), 2, x -> new double[] {x, -x}), points(10));
    assertThat(spec.lower()).isEqualTo(0.0);
    assertThat(spec.upper()).isEqualTo(1.0);
    assertThat(spec.outputs()).isEqualTo(2);
    assertThat(spec.loss()).isEqualTo(Defaults.LOSS_1D);
    assertThat(spec.function().apply(0.5)).containsExactly(0.5, -0.5);
  }

  @Test
  void learner1DVector_explain_showsOutputsAndLoss() {
    assertThat(line(learner1DVector(interval(0.0, 1.0), 3, x -> new double[3])
        .loss(triangleLoss()), points(10)))
        .isEqualTo("learner1DVector lower=0.0 upper=1.0 outputs=3 loss='triangle'");
  }

  // ---------------------------------------------------------------- average

  @Test
  void average_unsetTolerance_isInfinity() {
    AverageLearnerSpec spec = (AverageLearnerSpec) single(average(seed -> seed).atol(0.01),
        lossBelow(1.0));
    assertThat(spec.atol()).isEqualTo(0.01);
    assertThat(spec.rtol()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(spec.minPoints()).isEqualTo(Defaults.AVERAGE_MIN_POINTS);
    assertThat(spec.function().applyAsDouble(7)).isEqualTo(7.0);
  }

  @Test
  void average_copyModifiers_leaveTheReceiverUnchanged() {
    AverageDefinition original = average(seed -> 1.0).rtol(0.1);
    AverageDefinition refined = original.atol(0.2).minPoints(10).rtol(0.05);
    assertThat(original.toString()).isEqualTo("average(..).rtol(0.1)");
    assertThat(refined.toString()).isEqualTo("average(..).atol(0.2).rtol(0.05).minPoints(10)");
  }

  @Test
  void average_explain_showsBothTolerances() {
    assertThat(line(average(seed -> 1.0).rtol(0.01).minPoints(5), lossBelow(1.0)))
        .isEqualTo("average atol=Infinity rtol=0.01 minPoints=5");
  }

  // ---------------------------------------------------------------- average1D

  @Test
  void average1D_defaults_arePythonAdaptives() {
    AverageLearner1DSpec spec = (AverageLearner1DSpec) single(
        average1D(interval(-1.0, 1.0), (seed, x) -> x + seed), points(100));
    assertThat(List.of(spec.delta(), spec.alpha(), spec.neighborSampling(), spec.minError()))
        .containsExactly(0.2, 0.005, 0.3, 0.0);
    assertThat(spec.minSamples()).isEqualTo(50);
    assertThat(spec.maxSamples()).isEqualTo(Long.MAX_VALUE);
    assertThat(spec.loss()).isEqualTo(Defaults.LOSS_1D);
    assertThat(spec.function().apply(2, 0.5)).isEqualTo(2.5);
  }

  @Test
  void average1D_explain_showsEveryParameter() {
    assertThat(line(average1D(interval(-1.0, 1.0), (seed, x) -> x).delta(0.1).alpha(0.01)
        .neighborSampling(0.5).minSamples(10).maxSamples(1000).minError(1e-3), points(100)))
        .isEqualTo("average1D lower=-1.0 upper=1.0 delta=0.1 alpha=0.01 neighborSampling=0.5"
            + " minSamples=10 maxSamples=1000 minError=0.001 loss='default'");
  }

  // ---------------------------------------------------------------- integrator

  @Test
  void integrator_zeroTolerance_isAllowed() {
    IntegratorLearnerSpec spec = (IntegratorLearnerSpec) single(
        integrator(interval(0.0, Math.PI), 0.0, Math::sin), done());
    assertThat(spec.tol()).isEqualTo(0.0);
    assertThat(line(integrator(interval(0.0, 1.0), 1e-8, x -> x), done()))
        .isEqualTo("integrator lower=0.0 upper=1.0 tol=1.0E-8");
  }

  // ---------------------------------------------------------------- sequence

  @Test
  void sequence_arrayAndList_giveTheSameSpecValues() {
    SequenceLearnerSpec fromArray = (SequenceLearnerSpec) single(
        sequence(new double[] {3, 1, 2}, x -> x), done());
    SequenceLearnerSpec fromList = (SequenceLearnerSpec) single(
        sequence(List.of(3.0, 1.0, 2.0), x -> x), done());
    assertThat(fromArray.elements()).containsExactly(3.0, 1.0, 2.0).isEqualTo(fromList.elements());
  }

  @Test
  void sequence_callersList_isCopied() {
    List<Double> elements = new ArrayList<>(List.of(1.0, 2.0));
    SequenceDefinition definition = sequence(elements, x -> x);
    elements.add(3.0);
    assertThat(definition.elements()).containsExactly(1.0, 2.0);
  }

  @Test
  void sequence_nullElement_isRefusedWithItsIndex() {
    List<Double> elements = new ArrayList<>();
    elements.add(1.0);
    elements.add(null);
    assertThatThrownBy(() -> sequence(elements, x -> x))
        .isInstanceOf(NullPointerException.class).hasMessage("elements[1]");
  }

  @Test
  void sequence_explain_showsShortListsInFull() {
    assertThat(line(sequence(new double[] {0.5, 1, 2}, x -> x), done()))
        .isEqualTo("sequence elements=[0.5, 1.0, 2.0]");
  }

  @Test
  void sequence_explain_shortensLongListsWithSizeAndHash() {
    double[] xs = IntStream.range(0, 100).mapToDouble(i -> i / 10.0).toArray();
    String text = line(sequence(xs, x -> x), done());
    assertThat(text).startsWith("sequence elements=[0.0, 0.1, 0.2, 0.3, 0.4, 0.5, ..., 9.9]"
        + " (100 values, fnv1a64=").endsWith(")");
    xs[50] = 50; // a change in the middle still shows, through the hash
    assertThat(line(sequence(xs, x -> x), done())).isNotEqualTo(text);
  }

  // ---------------------------------------------------------------- balancing

  @Test
  void balancing_children_keepTheirNamesAndOrder() {
    BalancingLearnerSpec spec = (BalancingLearnerSpec) single(balancing(
        child("low", learner1D(interval(0.0, 1.0), x -> x)),
        child("high", learner1D(interval(1.0, 2.0), x -> x).loss(uniformLoss())))
        .strategy(BalancingStrategy.CYCLE), points(100));
    assertThat(spec.strategy()).isEqualTo(BalancingStrategy.CYCLE);
    assertThat(spec.children()).extracting(BalancingLearnerSpec.Child::name)
        .containsExactly("low", "high");
    assertThat(spec.children().get(1).spec())
        .isEqualTo(new Learner1DSpec(1.0, 2.0, new Loss1D.Uniform(),
            ((Learner1DSpec) spec.children().get(1).spec()).function()));
    assertThat(spec.children().get(0).parameters()).isEmpty();
  }

  @Test
  void balancing_defaultStrategy_isLossImprovements() {
    BalancingLearnerSpec spec = (BalancingLearnerSpec) single(
        balancing(child("a", average(s -> 1.0).atol(0.1))), lossBelow(1.0));
    assertThat(spec.strategy()).isEqualTo(BalancingStrategy.LOSS_IMPROVEMENTS);
  }

  @Test
  void balancing_explain_givesEachChildItsOwnLine() {
    String text = experiment("pair").learn(p -> balancing(
            child("low", learner1D(interval(0.0, 1.0), x -> x)),
            child("high", learner1D(interval(1.0, 2.0), x -> x))))
        .until(points(100)).compile().explain();
    assertThat(text).isEqualTo("""
        experiment pair: 1 learner, fingerprint d955…9046
        learner pair
          balancing strategy='lossImprovements' children=2
            child 'low' learner1D lower=0.0 upper=1.0 loss='default'
            child 'high' learner1D lower=1.0 upper=2.0 loss='default'
          until points(100)
          resources cores=1 nodes=1 memory=gib(2) walltime=PT1H
          fingerprint 0796…77c2
        """);
  }

  // ---------------------------------------------------------------- sweep(..).balance()

  @Test
  void balance_sweep_isOneLearnerWithAChildPerPoint() {
    ExecutionPlan plan = experiment("resonance").sweep(DAMPING).balance(BalancingStrategy.NPOINTS)
        .learn(p -> learner1D(interval(0.0, 3.0), w -> w * p.get(DAMPING)))
        .until(points(1_000)).compile();
    assertThat(plan.learners()).singleElement().satisfies(task -> {
      assertThat(task.name()).isEqualTo("resonance");
      assertThat(task.parameters()).isEmpty();
      BalancingLearnerSpec spec = (BalancingLearnerSpec) task.spec();
      assertThat(spec.strategy()).isEqualTo(BalancingStrategy.NPOINTS);
      assertThat(spec.children()).extracting(BalancingLearnerSpec.Child::name)
          .containsExactly("resonance[damping=0.02]", "resonance[damping=0.3]");
      assertThat(spec.children().get(1).parameters()).containsExactly(new Parameter("damping", 0.3));
    });
  }

  @Test
  void balance_withoutStrategy_usesTheDefault() {
    LearnerTask task = experiment("r").sweep(DAMPING).balance()
        .learn(p -> learner1D(interval(0.0, 3.0), w -> w)).until(points(10)).compile()
        .learners().get(0);
    assertThat(((BalancingLearnerSpec) task.spec()).strategy())
        .isEqualTo(Defaults.BALANCING_STRATEGY);
  }

  @Test
  void balance_explain_namesChildrenLikeTheLearnersTheyReplace() {
    String text = experiment("resonance").sweep(DAMPING).balance(BalancingStrategy.CYCLE)
        .learn(p -> learner1D(interval(0.0, 3.0), w -> w)).until(lossBelow(0.01)).compile()
        .explain();
    assertThat(text).isEqualTo("""
        experiment resonance: 1 learner, fingerprint 8677…5d53
        learner resonance
          balancing strategy='cycle' children=2
            child 'resonance[damping=0.02]' learner1D lower=0.0 upper=3.0 loss='default'
            child 'resonance[damping=0.3]' learner1D lower=0.0 upper=3.0 loss='default'
          until lossBelow(0.01)
          resources cores=1 nodes=1 memory=gib(2) walltime=PT1H
          fingerprint db40…9322
        """);
  }

  @Test
  void balance_toString_showsTheStep() {
    assertThat(experiment("r").sweep(DAMPING).balance(BalancingStrategy.LOSS)
        .learn(p -> learner1D(interval(0.0, 1.0), x -> x)).until(points(1)).toString())
        .isEqualTo("experiment(\"r\").sweep(damping).balance(LOSS).learn(..).until(points(1))");
  }

  // ---------------------------------------------------------------- withExtras (data saver)

  @Test
  void withExtras_learner1D_isWrappedInADataSaver() {
    DataSaverSpec spec = (DataSaverSpec) single(learner1D(interval(0.0, 1.0),
        withExtras(x -> sample(x * x).with("iterations", 3))), points(10));
    Learner1DSpec inner = (Learner1DSpec) spec.learner();
    assertThat(inner.function().applyAsDouble(3.0)).isEqualTo(9.0);
    Sample sample = spec.function().apply(3.0);
    assertThat(sample.value()).isEqualTo(9.0);
    assertThat(sample.extras()).containsEntry("iterations", 3.0);
  }

  @Test
  void withExtras_explain_showsTheInnerLearner() {
    assertThat(line(sequence(new double[] {1, 2}, withExtras(x -> sample(x))), done()))
        .isEqualTo("dataSaver learner='sequence' elements=[1.0, 2.0]");
    assertThat(line(integrator(interval(0.0, 1.0), 1e-6, withExtras(x -> sample(x))), done()))
        .isEqualTo("dataSaver learner='integrator' lower=0.0 upper=1.0 tol=1.0E-6");
  }

  @Test
  void sample_extras_areSortedByName() {
    Sample sample = sample(1.0).with("b", 2).with("a", 1).with("b", 3);
    assertThat(sample.extras().keySet()).containsExactly("a", "b");
    assertThat(sample.extras()).containsEntry("b", 3.0);
  }

  // ---------------------------------------------------------------- goals

  @Test
  void deadline_describe_isTheInstant() {
    Goal goal = deadline(Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(goal.describe()).isEqualTo("deadline(2026-12-01T08:00:00Z)");
  }

  @Test
  void deadline_inThePast_compiles() {
    // compile() never reads the clock; the goal is simply met at the first check.
    assertThat(experiment("late").learn(p -> learner1D(interval(0.0, 1.0), x -> x))
        .until(deadline(Instant.EPOCH)).compile().learners()).hasSize(1);
  }

  @Test
  void when_describe_quotesTheName() {
    assertThat(when("say \"enough\"", v -> true).describe())
        .isEqualTo("when(\"say \\\"enough\\\"\", ..)");
    assertThat(lossBelow(0.1).or(when("300 each", v -> true)).describe())
        .isEqualTo("lossBelow(0.1).or(when(\"300 each\", ..))");
  }

  @Test
  void when_test_seesTheLearnerView() {
    Goal.When goal = (Goal.When) when("300 points each",
        v -> v.children().stream().allMatch(c -> c.npoints() >= 300));
    LearnerView child = view(300, 0.5, List.of());
    LearnerView parent = view(600, 0.5, List.of(child, child));
    assertThat(goal.test().test(parent)).isTrue();
    assertThat(goal.test().test(view(600, 0.5, List.of(child, view(299, 0, List.of())))))
        .isFalse();
  }

  @Test
  void done_onSequenceAndIntegrator_compiles() {
    assertThat(experiment("mixed").sweep(axis("kind", "sequence", "integrator"))
        .learn(p -> p.parameters().get(0).value().equals("sequence")
            ? sequence(new double[] {1}, x -> x) : integrator(interval(0.0, 1.0), 1e-6, x -> x))
        .until(done().or(elapsed(Duration.ofMinutes(5)))).compile().learners()).hasSize(2);
  }

  private static LearnerView view(long npoints, double loss, List<LearnerView> children) {
    return new LearnerView() {
      @Override
      public long npoints() {
        return npoints;
      }

      @Override
      public double loss() {
        return loss;
      }

      @Override
      public Duration elapsed() {
        return Duration.ZERO;
      }

      @Override
      public List<LearnerView> children() {
        return children;
      }
    };
  }
}
