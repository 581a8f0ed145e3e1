/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.learn.BalancingLearner.Indexed;
import io.adaptive.runtime.learn.BalancingLearner.Strategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BalancingLearner against python-adaptive v1.5.2 ({@code reference/balancing_reference.csv}):
 * three Learner1D children on peak(x + 0.5), peak(x), peak(x − 0.5) over (−1, 1), driven by the
 * ask(1)-then-tell loop until every child has at least 300 points (reference/README.md).
 */
final class BalancingLearnerConformanceTest {

  private static final String HEADER = "strategy,total_npoints,n0,n1,n2,max_loss,loss0,loss1,loss2";
  private static final double REL = 1e-12;

  /** reference/README.md: peak(x) = x + (a*a) / (a*a + x*x), a = 0.01, in this order. */
  private static double peak(double x) {
    double a = 0.01;
    return x + (a * a) / (a * a + x * x);
  }

  private static final List<DoubleUnaryOperator> FUNCTIONS =
      List.of(x -> peak(x + 0.5), x -> peak(x), x -> peak(x - 0.5));

  static Stream<String> rows() {
    var in =
        BalancingLearnerConformanceTest.class.getResourceAsStream(
            "/reference/balancing_reference.csv");
    assertThat(in).as("test resource /reference/balancing_reference.csv").isNotNull();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      assertThat(reader.readLine()).isEqualTo(HEADER);
      List<String> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(line);
        }
      }
      assertThat(rows).hasSize(4);
      return rows.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean everyChildHas(BalancingLearner<Double, Double> learner, long n) {
    return learner.children().stream().allMatch(child -> child.npoints() >= n);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void everyChildAt300_matchesReference(String row) {
    String[] cells = row.split(",");
    Strategy strategy = Strategy.valueOf(cells[0].toUpperCase(Locale.ROOT));
    List<Learner1D> children =
        List.of(Learner1D.of(-1, 1), Learner1D.of(-1, 1), Learner1D.of(-1, 1));
    BalancingLearner<Double, Double> learner = BalancingLearner.of(children, strategy);

    while (!everyChildHas(learner, 300)) {
      for (Indexed<Double> p : learner.ask(1, true).points()) {
        learner.tell(p, FUNCTIONS.get(p.child()).applyAsDouble(p.point()));
      }
    }

    assertThat(learner.npoints()).as("total").isEqualTo(Long.parseLong(cells[1]));
    for (int i = 0; i < 3; i++) {
      assertThat(children.get(i).npoints()).as("n%d", i).isEqualTo(Long.parseLong(cells[2 + i]));
    }
    assertClose("max_loss", learner.loss(true), Double.parseDouble(cells[5]));
    for (int i = 0; i < 3; i++) {
      assertClose("loss" + i, children.get(i).loss(true), Double.parseDouble(cells[6 + i]));
    }
  }

  private static void assertClose(String what, double actual, double expected) {
    assertThat(Math.abs(actual - expected))
        .as("%s: %s vs reference %s", what, actual, expected)
        .isLessThanOrEqualTo(REL * Math.abs(expected));
  }
}
