/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.dsl.Experiment;
import io.adaptive.dsl.Interval;
import io.adaptive.dsl.Resources;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a learner's and a plan's fingerprint cover, what they leave out, and their exact bytes. */
final class FingerprintTest {

  // ---------------------------------------------------------------- golden values

  // These guard the on-disk format. Stores keep every learner's fingerprint and refuse data whose
  // fingerprint changed, so these values must never change: they were computed by the runtime's
  // former Guava-based PlanFingerprint before the fingerprint moved into the plan. A failure here
  // means stored runs would no longer be recognised; fix the code, not the values.

  @Test
  void fingerprint_learner1DSweptOverADouble_isTheStoredValue() {
    ExecutionPlan plan = experiment("peak").sweep(axis("a", 0.01, 0.1))
        .learn(p -> learner1D(interval(-1, 1), x -> x).loss(resolutionLoss(0.001, 0.5)))
        .until(lossBelow(0.01)).compile();
    assertThat(plan.learners()).extracting(LearnerTask::fingerprint).containsExactly(
        "3557cd550b2671849daf10a111bdbcc84923e6ec3eb70abe1b52f4a624134fa3",
        "f7e6544bb1fc10804e8e68394a6699424fd22fcee6c5a4cb2928d7a3bd00569a");
    assertThat(plan.fingerprint())
        .isEqualTo("f3a8ea891bb98188bec22bf0ef27a7750376faad23f7b21771faeb987037b52e");
  }

  @Test
  void fingerprint_everyParameterType_isTheStoredValue() {
    // The enum is one of the plan's own: an enum value is hashed with its class's binary name.
    ExecutionPlan plan = experiment("mixed")
        .sweep(axis("n", 3), axis("label", "x y"), axis("flag", true, false), axis("big", 4L),
            axis("mode", BalancingStrategy.NPOINTS))
        .learn(p -> learner1D(interval(0, 2.5), x -> x)).until(points(100)).compile();
    assertThat(plan.learners()).extracting(LearnerTask::fingerprint).containsExactly(
        "71c3dbd0eae583b1f02387f9d2f7389d49a54dc56a1523e03fad47cec15d1ba6",
        "a4cef738ffac905821819b52c0c3b9871daf818bfc9ba7329c11b4b359ec06ac");
    assertThat(plan.fingerprint())
        .isEqualTo("2533f19720a7e92bbf8fa8262ad36b91502fb3cf40f99f105f9f0269ca28f239");
  }

  @Test
  void fingerprint_learnerND_isTheStoredValue() {
    ExecutionPlan plan = experiment("nd")
        .learn(p -> learnerND(box(interval(-1.0, 1.0), interval(-1.0, 1.0), interval(0.0, 2.0)),
            q -> q[0]).loss(curvatureLossND(0.05)))
        .until(points(100)).compile();
    assertThat(plan.learners().get(0).fingerprint())
        .isEqualTo("daadb4a8f07b276dce695c1d972c2d5e3e98fa94abeb7ad62bbaa687806a787c");
    assertThat(plan.fingerprint())
        .isEqualTo("ed51df802faa11b625bace93294458c82c8440beb23b2bf3e822080fb3eea79e");
  }

  @Test
  void fingerprint_balancingOverSequences_isTheStoredValue() {
    ExecutionPlan plan = experiment("pair").learn(p -> balancing(
            child("low", sequence(new double[] {1.5, 3}, x -> x)),
            child("seq", sequence(new double[] {0.5, 1, 2}, x -> x))))
        .until(points(100)).compile();
    assertThat(plan.learners().get(0).fingerprint())
        .isEqualTo("9dc150a7f2249e29fbfb3caa47efe08abe53e49c81c47f90f0a06d2eb39e0929");
    assertThat(plan.fingerprint())
        .isEqualTo("7135dfa90a73e2d0200608a28edc9f3218c4ce2c39f029a6cd34c828b555e686");
  }

  // ---------------------------------------------------------------- what is in a learner's

  private static final String BASE = learner("peak", 0.5, interval(-1, 1), defaultLoss());

  private static String learner(String name, double a, Interval interval, Loss1D loss) {
    return experiment(name).sweep(axis("a", a))
        .learn(p -> learner1D(interval, x -> x).loss(loss))
        .until(points(100)).compile().learners().get(0).fingerprint();
  }

  private static String withGoalAndResources(Goal goal, Resources resources) {
    return experiment("peak").sweep(axis("a", 0.5))
        .learn(p -> learner1D(interval(-1, 1), x -> x)).until(goal).resources(resources)
        .compile().learners().get(0).fingerprint();
  }

  @Test
  void fingerprint_is64LowercaseHexDigits() {
    assertThat(BASE).matches("[0-9a-f]{64}");
  }

  @Test
  void fingerprint_sameDefinitionCompiledTwice_isEqual() {
    assertThat(learner("peak", 0.5, interval(-1, 1), defaultLoss())).isEqualTo(BASE);
  }

  @Test
  void fingerprint_otherName_differs() {
    assertThat(learner("valley", 0.5, interval(-1, 1), defaultLoss())).isNotEqualTo(BASE);
  }

  @Test
  void fingerprint_otherParameterValue_differs() {
    assertThat(learner("peak", 0.25, interval(-1, 1), defaultLoss())).isNotEqualTo(BASE);
  }

  @Test
  void fingerprint_otherLowerOrUpperBound_differs() {
    assertThat(learner("peak", 0.5, interval(-2, 1), defaultLoss())).isNotEqualTo(BASE);
    assertThat(learner("peak", 0.5, interval(-1, 2), defaultLoss())).isNotEqualTo(BASE);
  }

  @Test
  void fingerprint_otherLossOrLossParameter_differs() {
    assertThat(learner("peak", 0.5, interval(-1, 1), uniformLoss())).isNotEqualTo(BASE);
    assertThat(learner("peak", 0.5, interval(-1, 1), resolutionLoss(0.001, 0.5)))
        .isNotEqualTo(BASE)
        .isNotEqualTo(learner("peak", 0.5, interval(-1, 1), resolutionLoss(0.001, 0.25)));
  }

  @Test
  void fingerprint_otherLearnerType_differs() {
    // A one-output vector learner on the same interval with the same loss: another learner type,
    // whose data (arrays of values) a learner1D could not read.
    String vector = experiment("peak").sweep(axis("a", 0.5))
        .learn(p -> learner1DVector(interval(-1, 1), 1, x -> new double[] {x}))
        .until(points(100)).compile().learners().get(0).fingerprint();
    assertThat(vector).isNotEqualTo(BASE);
  }

  // ---------------------------------------------------------------- what is left out

  @Test
  void fingerprint_otherGoal_isEqual() {
    String base = withGoalAndResources(points(100), resources());
    assertThat(withGoalAndResources(points(5_000), resources())).isEqualTo(base);
    assertThat(withGoalAndResources(lossBelow(0.001).or(points(100)), resources()))
        .isEqualTo(base);
  }

  @Test
  void fingerprint_otherCoresMemoryOrWalltime_isEqual() {
    String base = withGoalAndResources(points(100), resources());
    assertThat(withGoalAndResources(points(100), resources().cores(8))).isEqualTo(base);
    assertThat(withGoalAndResources(points(100), resources().memory(gib(16)))).isEqualTo(base);
    assertThat(withGoalAndResources(points(100), resources().walltime(Duration.ofHours(12))))
        .isEqualTo(base);
  }

  // ---------------------------------------------------------------- a plan's

  private static Experiment sweep(Double... values) {
    return sweep(points(100), values);
  }

  private static Experiment sweep(Goal goal, Double... values) {
    return experiment("scan").sweep(axis("a", values))
        .learn(p -> learner1D(interval(0, 1), x -> x)).until(goal);
  }

  @Test
  void planFingerprint_sameDefinitionCompiledTwice_isEqual() {
    assertThat(sweep(0.1, 0.2).compile().fingerprint())
        .isEqualTo(sweep(0.1, 0.2).compile().fingerprint())
        .matches("[0-9a-f]{64}");
  }

  @Test
  void planFingerprint_learnerAddedRemovedOrChanged_differs() {
    String base = sweep(0.1, 0.2).compile().fingerprint();
    assertThat(sweep(0.1, 0.2, 0.3).compile().fingerprint()).isNotEqualTo(base);
    assertThat(sweep(0.1).compile().fingerprint()).isNotEqualTo(base);
    assertThat(sweep(0.1, 0.25).compile().fingerprint()).isNotEqualTo(base);
    assertThat(sweep(0.2, 0.1).compile().fingerprint()).as("reordered").isNotEqualTo(base);
  }

  @Test
  void planFingerprint_otherGoalOrResources_isEqual() {
    String base = sweep(0.1, 0.2).compile().fingerprint();
    assertThat(sweep(lossBelow(0.001), 0.1, 0.2).compile().fingerprint()).isEqualTo(base);
    assertThat(sweep(0.1, 0.2).resources(resources().cores(4).walltime(Duration.ofHours(3)))
        .compile().fingerprint()).isEqualTo(base);
  }

  @Test
  void planFingerprint_isDerivedFromTheLearnersFingerprints() {
    // Two plans whose learners have equal fingerprints have equal fingerprints, however built.
    ExecutionPlan compiled = sweep(0.1, 0.2).compile();
    List<LearnerTask> rebuilt = compiled.learners().stream()
        .map(task -> new LearnerTask(task.name(), task.parameters(), task.spec(), done(),
            task.resources()))
        .toList();
    assertThat(new ExecutionPlan("scan", rebuilt).fingerprint()).isEqualTo(compiled.fingerprint());
    assertThat(new ExecutionPlan("other", rebuilt).fingerprint())
        .as("the experiment name is in it").isNotEqualTo(compiled.fingerprint());
  }

  // ---------------------------------------------------------------- in explain()

  /** As the run's refusal messages shorten a fingerprint: first and last four hex digits. */
  private static String shortened(String fingerprint) {
    return fingerprint.substring(0, 4) + "…" + fingerprint.substring(60);
  }

  @Test
  void explain_showsThePlansAndEachLearnersFingerprint_shortenedAsTheRunShowsThem() {
    ExecutionPlan plan = sweep(0.1, 0.2).compile();
    List<String> lines = List.of(plan.explain().split("\n"));
    assertThat(lines.get(0)).isEqualTo("experiment scan: 2 learners, fingerprint "
        + shortened(plan.fingerprint()));
    assertThat(lines).filteredOn(line -> line.startsWith("  fingerprint ")).containsExactly(
        "  fingerprint " + shortened(plan.learners().get(0).fingerprint()),
        "  fingerprint " + shortened(plan.learners().get(1).fingerprint()));
  }

  @Test
  void explain_otherGoal_changesOnlyTheUntilLines() {
    // What a user checks before tightening a goal: the fingerprints, and so the data, stay.
    List<String> before = List.of(sweep(0.1, 0.2).compile().explain().split("\n"));
    List<String> after = List.of(sweep(lossBelow(0.001), 0.1, 0.2).compile().explain().split("\n"));
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i).startsWith("  until ")) {
        assertThat(after.get(i)).isEqualTo("  until lossBelow(0.001)");
      } else {
        assertThat(after.get(i)).isEqualTo(before.get(i));
      }
    }
  }
}
