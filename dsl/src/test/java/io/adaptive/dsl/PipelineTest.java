/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Stages: {@code after(..)}, {@code pipeline(..)}, the dependencies they put in the plan, and their problems. */
final class PipelineTest {

  static final Axis<Double> DAMPING = axis("damping", 0.05, 0.1);
  static final Axis<Integer> FORCE = axis("force", 1, 2);

  static final Experiment SCAN = experiment("scan").sweep(DAMPING)
      .learn(p -> learner1D(interval(0.0, 3.0), w -> w * p.get(DAMPING)))
      .until(lossBelow(0.01));

  static Experiment refine() {
    return refine(p -> learner1D(interval(0.0, 3.0), w -> w * p.get(FORCE))).until(points(200));
  }

  static ExperimentUntilStep refine(Function<? super Point, ? extends LearnerDefinition> learn) {
    return experiment("refine").sweep(DAMPING, FORCE).learn(learn);
  }

  private static Map<String, List<String>> dependencies(ExecutionPlan plan) {
    return plan.learners().stream().collect(Collectors.toMap(LearnerTask::name,
        LearnerTask::dependsOn, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private static List<String> problems(Pipeline pipeline) {
    return problemsOf(pipeline::compile);
  }

  private static List<String> problems(Experiment experiment) {
    return problemsOf(experiment::compile);
  }

  private static List<String> problemsOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable compile) {
    InvalidExperimentException e = catchThrowableOfType(InvalidExperimentException.class, compile);
    assertThat(e).as("compile() should have thrown").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  // ---------------------------------------------------------------- after

  @Test
  void after_stage_everyLearnerWaitsForEveryUpstreamLearner() {
    ExecutionPlan plan = refine().after(SCAN).compile();
    assertThat(plan.experiment()).isEqualTo("refine");
    List<String> scan = List.of("scan[damping=0.05]", "scan[damping=0.1]");
    assertThat(dependencies(plan)).containsExactly(
        Map.entry("scan[damping=0.05]", List.of()),
        Map.entry("scan[damping=0.1]", List.of()),
        Map.entry("refine[damping=0.05,force=1]", scan),
        Map.entry("refine[damping=0.05,force=2]", scan),
        Map.entry("refine[damping=0.1,force=1]", scan),
        Map.entry("refine[damping=0.1,force=2]", scan));
  }

  @Test
  void after_sameAxisValues_waitsForTheLearnersWithTheSameValues() {
    ExecutionPlan plan = refine().after(SCAN, sameAxisValues()).compile();
    assertThat(dependencies(plan)).containsEntry("refine[damping=0.05,force=2]",
        List.of("scan[damping=0.05]"));
    assertThat(dependencies(plan)).containsEntry("refine[damping=0.1,force=1]",
        List.of("scan[damping=0.1]"));
  }

  @Test
  void after_sameAxisValuesWithoutSharedAxes_waitsForAll() {
    Experiment report = experiment("report").learn(p -> learner1D(interval(0, 1), x -> x))
        .until(points(10)).after(SCAN, sameAxisValues());
    assertThat(report.compile().learner("report").dependsOn())
        .containsExactly("scan[damping=0.05]", "scan[damping=0.1]");
  }

  @Test
  void after_selector_getsThePointAndTheUpstreamPointsAndItsOrderDoesNotMatter() {
    List<String> seen = new ArrayList<>();
    ExecutionPlan plan = refine().after(SCAN, (point, upstream) -> {
      seen.add(point.name() + " <- " + upstream.stream().map(Point::name).toList());
      return point.get(FORCE) == 1 ? List.of() : List.of("scan[damping=0.1]", "scan[damping=0.05]",
          "scan[damping=0.1]");
    }).compile();
    assertThat(seen).first().isEqualTo(
        "refine[damping=0.05,force=1] <- [scan[damping=0.05], scan[damping=0.1]]");
    assertThat(dependencies(plan)).containsEntry("refine[damping=0.05,force=1]", List.of())
        .containsEntry("refine[damping=0.05,force=2]",
            List.of("scan[damping=0.05]", "scan[damping=0.1]"));
  }

  @Test
  void after_learnFunction_seesWhatItsLearnerWaitsFor() {
    List<String> seen = new ArrayList<>();
    refine(p -> {
      seen.add(p.name() + " after " + p.after());
      return learner1D(interval(0, 1), x -> x);
    }).until(points(10)).after(SCAN, sameAxisValues()).compile();
    assertThat(seen).contains("refine[damping=0.1,force=2] after [scan[damping=0.1]]");
  }

  @Test
  void after_diamond_compilesEachStageOnceInDependencyOrder() {
    Experiment refine = refine().after(SCAN, sameAxisValues());
    Experiment report = experiment("report").learn(p -> learner1D(interval(0, 1), x -> x))
        .until(points(10)).after(refine, SCAN);
    ExecutionPlan plan = report.compile();
    assertThat(plan.learners()).extracting(LearnerTask::name).containsExactly(
        "scan[damping=0.05]", "scan[damping=0.1]",
        "refine[damping=0.05,force=1]", "refine[damping=0.05,force=2]",
        "refine[damping=0.1,force=1]", "refine[damping=0.1,force=2]", "report");
    assertThat(plan.learner("report").dependsOn()).containsExactly(
        "scan[damping=0.05]", "scan[damping=0.1]",
        "refine[damping=0.05,force=1]", "refine[damping=0.05,force=2]",
        "refine[damping=0.1,force=1]", "refine[damping=0.1,force=2]");
    assertThat(plan.downstreamOf("scan[damping=0.1]")).containsExactly(
        "refine[damping=0.1,force=1]", "refine[damping=0.1,force=2]", "report");
    assertThat(plan.upstreamOf("refine[damping=0.1,force=1]")).containsExactly("scan[damping=0.1]");
  }

  @Test
  void after_balancedStages_dependOnTheirSingleLearner() {
    Experiment balanced = experiment("scan").sweep(DAMPING).balance()
        .learn(p -> learner1D(interval(0.0, 3.0), w -> w)).until(points(100));
    Experiment refine = refine().after(balanced, sameAxisValues());
    assertThat(dependencies(refine.compile())).containsEntry("scan", List.of())
        .containsEntry("refine[damping=0.05,force=1]", List.of("scan"));
    Experiment tail = experiment("tail").sweep(FORCE).balance()
        .learn(p -> learner1D(interval(0.0, 3.0), w -> w)).until(points(100)).after(SCAN);
    assertThat(dependencies(tail.compile())).containsEntry("tail",
        List.of("scan[damping=0.05]", "scan[damping=0.1]"));
  }

  @Test
  void after_again_replacesAndLeavesTheOriginal() {
    Experiment first = refine().after(SCAN);
    Experiment none = first.after();
    assertThat(none.compile().learners()).extracting(LearnerTask::dependsOn).allMatch(List::isEmpty);
    assertThat(first.compile().learners()).hasSize(6);
    assertThat(first).hasToString("experiment(\"refine\").sweep(damping, force).learn(..)"
        + ".until(points(200)).after(scan)");
  }

  @Test
  void after_nulls_throwNamingTheParameter() {
    assertThatThrownBy(() -> refine().after((Experiment) null)).hasMessage("upstream[0]");
    assertThatThrownBy(() -> refine().after(SCAN, null)).hasMessage("selector");
    assertThatThrownBy(() -> refine().after((List<Experiment>) null, sameAxisValues()))
        .hasMessage("upstream");
  }

  // ---------------------------------------------------------------- pipeline

  @Test
  void pipeline_name_namesThePlanAndListingUpstreamStagesChangesNothing() {
    Experiment refine = refine().after(SCAN, sameAxisValues());
    ExecutionPlan short_ = pipeline("study", refine).compile();
    ExecutionPlan long_ = pipeline("study", SCAN, refine, SCAN).compile();
    assertThat(short_.experiment()).isEqualTo("study");
    assertThat(long_.explain()).isEqualTo(short_.explain()); // lambdas differ per compile()
    assertThat(short_.learners()).hasSize(6);
  }

  @Test
  void pipeline_independentStages_runSideBySide() {
    Experiment other = experiment("other").learn(p -> learner1D(interval(0, 1), x -> x))
        .until(points(10));
    ExecutionPlan plan = pipeline("both", SCAN, other).compile();
    assertThat(plan.learners()).extracting(LearnerTask::name)
        .containsExactly("scan[damping=0.05]", "scan[damping=0.1]", "other");
    assertThat(plan.hasDependencies()).isFalse();
  }

  @Test
  void pipeline_nulls_throwNamingTheParameter() {
    assertThatThrownBy(() -> pipeline(null, SCAN)).hasMessage("name");
    assertThatThrownBy(() -> pipeline("p", (Experiment) null)).hasMessage("stages[0]");
    assertThat(pipeline("p", SCAN, refine())).hasToString("pipeline(\"p\", scan, refine)");
  }

  // ---------------------------------------------------------------- explain

  @Test
  void explain_dependencies_areOneAfterLinePerLearner() {
    Experiment a = experiment("a").learn(p -> learner1D(interval(0, 1), x -> x)).until(points(10));
    Experiment b = experiment("b").sweep(axis("k", 1, 2))
        .learn(p -> learner1D(interval(0, 1), x -> x)).until(points(10));
    Experiment c = experiment("c").learn(p -> learner1D(interval(0, 1), x -> x)).until(points(10))
        .after(b, a);
    assertThat(pipeline("abc", c).compile().explain()).isEqualTo("""
        experiment abc: 4 learners, fingerprint e739…e616
        learner b[k=1]
          parameters k=1
          learner1D lower=0.0 upper=1.0 loss='default'
          until points(10)
          resources cores=1 nodes=1 memory=gib(2) walltime=PT1H
          fingerprint e9b3…fc2a
        learner b[k=2]
          parameters k=2
          learner1D lower=0.0 upper=1.0 loss='default'
          until points(10)
          resources cores=1 nodes=1 memory=gib(2) walltime=PT1H
          fingerprint 9184…30f2
        learner a
          learner1D lower=0.0 upper=1.0 loss='default'
          until points(10)
          resources cores=1 nodes=1 memory=gib(2) walltime=PT1H
          fingerprint f1cc…0cf4
        learner c
          after b[k=1], b[k=2], a
          learner1D lower=0.0 upper=1.0 loss='default'
          until points(10)
          resources cores=1 nodes=1 memory=gib(2) walltime=PT1H
          fingerprint 3c2f…5aeb
        """);
  }

  // ---------------------------------------------------------------- problems

  @Test
  void problems_ofEveryStage_areReportedTogetherUnderTheirStage() {
    Experiment badScan = SCAN.until(points(0));
    Experiment badRefine = refine(p -> learner1D(interval(3.0, 0.0), x -> x))
        .until(points(10)).after(badScan);
    InvalidExperimentException e = catchThrowableOfType(InvalidExperimentException.class,
        () -> pipeline("study", badRefine).compile());
    assertThat(e.experiment()).isEqualTo("study");
    assertThat(e).hasMessage("""
        experiment 'study' has 2 problems; nothing was run
          1. stage 'scan' > until > points(0): a count of 0 or less is met before the first point; use a positive count such as points(1_000)
          2. stage 'refine' > learn > learner1D (all 4 learners): interval(3.0, 0.0) is empty; put the lower bound first: interval(0.0, 3.0)""");
  }

  @Test
  void problems_twoDifferentStagesWithOneName_areReported() {
    Experiment otherScan = experiment("scan").learn(p -> learner1D(interval(0, 1), x -> x))
        .until(points(10));
    assertThat(problems(pipeline("study", refine().after(SCAN), otherScan))).containsExactly(
        "pipeline: two different stages are named 'scan'; give each stage its own name, or build"
            + " the stage once and pass that value to every after(..) and pipeline(..) that means it");
  }

  @Test
  void problems_aStageAfterItsOwnName_isReportedOnce() {
    assertThat(problems(SCAN.after(SCAN))).containsExactly(
        "stage 'scan' > after(scan): the stage runs after a stage with its own name, so it would"
            + " wait for itself; give the stages different names, or drop this after(..)");
  }

  @Test
  void problems_selectorNamesUnknownLearners_areReportedWithAnExample() {
    Experiment refine = refine().after(SCAN,
        (point, upstream) -> List.of("scan[damping=" + point.get(FORCE) + "]", "scan[damping=0.1]"));
    assertThat(problems(refine)).containsExactly(
        "stage 'refine' > after(scan, ..): the selector returned names that are not upstream"
            + " learners: 'scan[damping=1]' for 'refine[damping=0.05,force=1]', 'scan[damping=2]'"
            + " for 'refine[damping=0.05,force=2]', 'scan[damping=1]' for"
            + " 'refine[damping=0.1,force=1]' and 1 more; return names of the upstream points it"
            + " is given, such as 'scan[damping=0.05]'");
  }

  @Test
  void problems_selectorThrowsOrReturnsNull_isReportedPerLearner() {
    Experiment refine = refine().after(SCAN, (point, upstream) -> {
      if (point.get(FORCE) == 1) {
        throw new IllegalStateException("no match");
      }
      return point.get(DAMPING) == 0.05 ? null : List.of();
    });
    assertThat(problems(refine)).containsExactly(
        "stage 'refine' > after(scan, ..): for learner 'refine[damping=0.05,force=1]', the selector"
            + " threw java.lang.IllegalStateException 'no match'; make it return upstream learner"
            + " names for every learner",
        "stage 'refine' > after(scan, ..): for learner 'refine[damping=0.05,force=2]', the selector"
            + " returned null; return a list of upstream learner names, or an empty list to wait"
            + " for none",
        "stage 'refine' > after(scan, ..): for learner 'refine[damping=0.1,force=1]', the selector"
            + " threw java.lang.IllegalStateException 'no match'; make it return upstream learner"
            + " names for every learner");
  }

  @Test
  void problems_pipelineBlankAndEmpty_areBothReported() {
    assertThat(problems(pipeline(" "))).containsExactly(
        "pipeline: the name ' ' is blank; give the pipeline a name, e.g."
            + " pipeline(\"resonance-study\", scan, refine)",
        "pipeline: it lists no stages; give it at least one experiment, e.g."
            + " pipeline(\" \", scan, refine)");
  }

  @Test
  void problems_unchangedForASingleExperiment() {
    Function<Experiment, List<String>> problems = PipelineTest::problems;
    assertThat(problems.apply(SCAN.until(points(0)))).containsExactly(
        "until > points(0): a count of 0 or less is met before the first point; use a positive"
            + " count such as points(1_000)");
  }
}
