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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner2D experiment from the DSL through the in-process backend to its data file. */
final class Learner2DRunTest {

  @TempDir Path dir;

  @Test
  void learner2D_ringToThreeHundredPoints_isDoneWithXyzData() throws Exception {
    ExecutionPlan plan = experiment("ring")
        .learn(p -> learner2D(interval(-1.0, 1.0), interval(-1.0, 1.0), Learner2DRunTest::ring))
        .until(points(300))
        .compile();

    RunResult result = Runner.on(Local.inProcess(2)).store(dir.resolve("store")).quiet()
        .saveInterval(Duration.ofMillis(100)).progressInterval(Duration.ofMillis(50))
        .pollInterval(Duration.ofMillis(20)).run(plan);

    assertThat(result.succeeded()).as(result.summary()).isTrue();
    LearnerStatus ring = result.learners().get(0);
    assertThat(ring.state()).isEqualTo(LearnerState.DONE);
    assertThat(ring.npoints()).isGreaterThanOrEqualTo(300);
    List<String> lines = Files.readAllLines(ring.data());
    assertThat(lines.get(0)).isEqualTo("x,y,z");
    assertThat(lines.size() - 1).isGreaterThanOrEqualTo(300);
    for (String row : lines.subList(1, lines.size())) {
      String[] cells = row.split(",");
      double x = Double.parseDouble(cells[0]);
      double y = Double.parseDouble(cells[1]);
      assertThat(x).isBetween(-1.0, 1.0);
      assertThat(y).isBetween(-1.0, 1.0);
      assertThat(Double.parseDouble(cells[2])).as(row).isCloseTo(ring(x, y),
          org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void learner2DVector_twoOutputs_writesXyZ0Z1() throws Exception {
    ExecutionPlan plan = experiment("pair")
        .learn(p -> learner2DVector(interval(0.0, 1.0), interval(0.0, 2.0), 2,
            (x, y) -> new double[] {x * y, ring(x, y)}))
        .until(points(100))
        .compile();

    RunResult result = Runner.on(Local.inProcess(2)).store(dir.resolve("store")).quiet()
        .saveInterval(Duration.ofMillis(100)).progressInterval(Duration.ofMillis(50))
        .pollInterval(Duration.ofMillis(20)).run(plan);

    assertThat(result.succeeded()).as(result.summary()).isTrue();
    List<String> lines = Files.readAllLines(result.learners().get(0).data());
    assertThat(lines.get(0)).isEqualTo("x,y,z0,z1");
    assertThat(lines.size() - 1).isGreaterThanOrEqualTo(100);
  }

  /** python-adaptive's ring: a sharp circular ridge on a tilted plane. */
  static double ring(double x, double y) {
    double a = 0.2;
    double r = x * x + y * y - 0.5625;
    return x + Math.exp(-(r * r) / (a * a * a * a));
  }
}
