/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.backend.local.Local;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerTask;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Shells example compiles to two 3-D learnerND learners, and one runs in process. */
final class ShellsTest {

  @TempDir Path dir;

  @Test
  void shells_compile_twoLearnerNDs() {
    ExecutionPlan plan = Shells.shells().compile();
    assertThat(plan.learners()).extracting(LearnerTask::name)
        .containsExactly("shells[R=0.5]", "shells[R=0.8]");
    assertThat(plan.learners()).extracting(t -> t.spec().type())
        .containsOnly("learnerND");
  }

  @Test
  void shells_inProcessTo200Points_isDone() {
    ExecutionPlan plan = Shells.shells().until(io.adaptive.dsl.Adaptive.points(200)).compile();
    RunResult result = Runner.on(Local.inProcess(2)).store(dir.resolve("store")).quiet()
        .saveInterval(Duration.ofMillis(200)).run(plan);
    assertThat(result.succeeded()).as(result.summary()).isTrue();
    assertThat(result.learners()).allSatisfy(l -> assertThat(l.npoints()).isGreaterThanOrEqualTo(200));
  }
}
