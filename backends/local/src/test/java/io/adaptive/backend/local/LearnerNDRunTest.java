/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learnerND experiment from the DSL through the in-process backend to its data file, resumed. */
final class LearnerNDRunTest {

  @TempDir Path dir;

  private static ExecutionPlan plan(int points) {
    return experiment("shell")
        .learn(p -> learnerND(box(interval(-1.0, 1.0), interval(-1.0, 1.0), interval(0.0, 2.0)),
            LearnerNDRunTest::shell))
        .until(points(points))
        .compile();
  }

  private RunResult run(ExecutionPlan plan) {
    return Runner.on(Local.inProcess(2)).store(dir.resolve("store")).quiet()
        .saveInterval(Duration.ofMillis(100)).progressInterval(Duration.ofMillis(50))
        .pollInterval(Duration.ofMillis(20)).run(plan);
  }

  @Test
  void learnerND_shellTo300Points_isDoneWithXyzValueData_andResumesTo600() throws Exception {
    RunResult first = run(plan(300));

    assertThat(first.succeeded()).as(first.summary()).isTrue();
    LearnerStatus shell = first.learners().get(0);
    assertThat(shell.kind()).isEqualTo("learnerND");
    assertThat(shell.state()).isEqualTo(LearnerState.DONE);
    assertThat(shell.npoints()).isGreaterThanOrEqualTo(300);
    List<String> lines = Files.readAllLines(shell.data());
    assertThat(lines.get(0)).isEqualTo("x,y,z,value");
    assertThat(lines.size() - 1).isGreaterThanOrEqualTo(300);
    for (String row : lines.subList(1, lines.size())) {
      String[] cells = row.split(",");
      double[] p = {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
          Double.parseDouble(cells[2])};
      assertThat(p[0]).isBetween(-1.0, 1.0);
      assertThat(p[1]).isBetween(-1.0, 1.0);
      assertThat(p[2]).isBetween(0.0, 2.0);
      assertThat(Double.parseDouble(cells[3])).as(row).isEqualTo(shell(p));
    }

    RunResult second = run(plan(600)); // a tighter goal keeps the fingerprint: it resumes
    assertThat(second.succeeded()).as(second.summary()).isTrue();
    List<String> more = Files.readAllLines(second.learners().get(0).data());
    assertThat(more.size() - 1).isGreaterThanOrEqualTo(600);
    Set<String> rows = new HashSet<>(more);
    assertThat(rows).as("the first run's points are kept").containsAll(lines);
  }

  @Test
  void learnerNDVector_twoOutputsIn2D_writesXyValue0Value1() throws Exception {
    ExecutionPlan plan = experiment("pair")
        .learn(p -> learnerNDVector(box(interval(0.0, 1.0), interval(0.0, 2.0)), 2,
            q -> new double[] {q[0] * q[1], Math.sin(3 * q[0])}))
        .until(points(100))
        .compile();

    RunResult result = run(plan);

    assertThat(result.succeeded()).as(result.summary()).isTrue();
    assertThat(result.learners().get(0).kind()).isEqualTo("learnerNDVector");
    List<String> lines = Files.readAllLines(result.learners().get(0).data());
    assertThat(lines.get(0)).isEqualTo("x,y,value0,value1");
    assertThat(lines.size() - 1).isGreaterThanOrEqualTo(100);
  }

  /** A spherical shell on a tilted plane: LearnerND's 3-D ring. */
  static double shell(double[] p) {
    double r = p[0] * p[0] + p[1] * p[1] + (p[2] - 1) * (p[2] - 1) - 0.5;
    return p[0] + Math.exp(-(r * r) / 0.01);
  }
}
