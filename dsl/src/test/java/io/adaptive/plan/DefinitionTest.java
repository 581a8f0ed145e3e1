/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fields a spec walks, as a fingerprint sees them: a {@link Definition} with only the three
 * scalar methods, so the default methods for lists and nested learners are what runs.
 */
final class DefinitionTest {

  /** Records every field as {@code name=value}. */
  private static final class Fields implements Definition {
    final List<String> fields = new ArrayList<>();

    @Override
    public Definition text(String field, String value) {
      fields.add(field + "='" + value + "'");
      return this;
    }

    @Override
    public Definition number(String field, double value) {
      fields.add(field + "=" + value);
      return this;
    }

    @Override
    public Definition integer(String field, long value) {
      fields.add(field + "=" + value);
      return this;
    }
  }

  private static List<String> fields(LearnerSpec spec) {
    Fields fields = new Fields();
    spec.define(fields);
    return fields.fields;
  }

  @Test
  void sequence_elements_areEachAFieldAfterTheSize() {
    assertThat(fields(new SequenceLearnerSpec(List.of(2.0, -0.0), x -> x)))
        .containsExactly("elements.size=2", "elements[0]=2.0", "elements[1]=-0.0");
  }

  @Test
  void balancing_children_arePrefixedWithTheirNameAndType() {
    BalancingLearnerSpec spec = new BalancingLearnerSpec(BalancingStrategy.CYCLE, List.of(
        new BalancingLearnerSpec.Child("a", List.of(),
            new Learner1DSpec(0, 1, new Loss1D.Default(), x -> x)),
        new BalancingLearnerSpec.Child("b", List.of(),
            new SequenceLearnerSpec(List.of(1.0), x -> x))));
    assertThat(fields(spec)).containsExactly(
        "strategy='cycle'", "children=2",
        "child='a'", "child.type='learner1D'", "child.lower=0.0", "child.upper=1.0",
        "child.loss='default'",
        "child='b'", "child.type='sequence'", "child.elements.size=1", "child.elements[0]=1.0");
  }

  @Test
  void dataSaver_namesItsInnerLearnerThenItsFields() {
    assertThat(fields(new DataSaverSpec(new IntegratorLearnerSpec(0, 2, 1e-8, x -> x),
        x -> Sample.of(x)))).containsExactly(
        "learner='integrator'", "lower=0.0", "upper=2.0", "tol=1.0E-8");
  }

  @Test
  void average_andAverage1D_walkEveryParameter() {
    assertThat(fields(new AverageLearnerSpec(0.1, Double.POSITIVE_INFINITY, 2, s -> s)))
        .containsExactly("atol=0.1", "rtol=Infinity", "minPoints=2");
    assertThat(fields(new AverageLearner1DSpec(0, 1, 0.2, 0.005, 0.3, 50, 100, 0,
        new Loss1D.Uniform(), (s, x) -> x))).containsExactly("lower=0.0", "upper=1.0",
        "delta=0.2", "alpha=0.005", "neighborSampling=0.3", "minSamples=50", "maxSamples=100",
        "minError=0.0", "loss='uniform'");
  }

  @Test
  void goals_describeThemselvesAsTheDslWritesThem() {
    assertThat(new Goal.Done().describe()).isEqualTo("done()");
    assertThat(new Goal.When("a\tb", v -> true).describe()).isEqualTo("when(\"a\\tb\", ..)");
  }
}
