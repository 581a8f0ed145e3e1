/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.dsl.Axis;
import io.adaptive.dsl.Experiment;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import io.adaptive.runtime.Upstream;
import io.adaptive.runtime.store.DataSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A later stage's function reads its upstream learner's data, in-process. */
final class PipelineRunTest {

  @TempDir Path dir;

  static final Axis<Double> SCALE = axis("scale", 1.0, 2.0);

  @Test
  void refine_readsTheDataOfTheScanWithItsScale() {
    Experiment scan = experiment("scan").sweep(SCALE)
        .learn(p -> learner1D(interval(0, 1), x -> p.get(SCALE) * x))
        .until(points(20));
    Experiment refine = experiment("refine").sweep(SCALE)
        .learn(p -> learner1D(interval(0, 1), x -> {
          DataSnapshot upstream = Upstream.data(p.after().get(0));
          double max = 0;
          for (double y : upstream.column(upstream.columns().get(1))) {
            max = Math.max(max, y);
          }
          return max; // the scan's largest value: its scale
        }))
        .until(points(10))
        .after(scan, sameAxisValues());
    ExecutionPlan plan = pipeline("study", refine).compile();

    RunResult result = runner().run(plan);

    assertThat(result.succeeded()).as(result.summary()).isTrue();
    DataSnapshot refined = io.adaptive.runtime.store.DataSnapshot.read(
        result.learner("refine[scale=2]").data());
    assertThat(refined.column(refined.columns().get(1))).containsOnly(2.0);
  }

  @Test
  void failedUpstreamLearner_failsItsDownstreamLearnerUnrun_othersFinish() {
    Experiment scan = experiment("scan").sweep(SCALE)
        .learn(p -> learner1D(interval(0, 1), x -> {
          if (p.get(SCALE) == 2.0) {
            throw new IllegalStateException("no scan at scale 2");
          }
          return x;
        }))
        .until(points(20));
    Experiment refine = experiment("refine").sweep(SCALE)
        .learn(p -> learner1D(interval(0, 1), x -> x))
        .until(points(10))
        .after(scan, sameAxisValues());

    RunResult result = runner().run(pipeline("study", refine).compile());

    assertThat(result.learner("refine[scale=1]").state()).isEqualTo(LearnerState.DONE);
    assertThat(result.learner("scan[scale=2]").state()).isEqualTo(LearnerState.FAILED);
    assertThat(result.learner("refine[scale=2]").state()).isEqualTo(LearnerState.FAILED);
    assertThat(result.learner("refine[scale=2]").lastError())
        .isEqualTo("its upstream learner 'scan[scale=2]' failed");
    assertThat(result.learner("refine[scale=2]").npoints()).isZero();
  }

  private Runner runner() {
    return Runner.on(Local.inProcess(2)).store(dir.resolve("store")).quiet()
        .saveInterval(Duration.ofMillis(100)).progressInterval(Duration.ofMillis(50))
        .pollInterval(Duration.ofMillis(20));
  }
}
