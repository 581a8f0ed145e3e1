/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static io.adaptive.dsl.Adaptive.experiment;
import static io.adaptive.dsl.Adaptive.interval;
import static io.adaptive.dsl.Adaptive.learner1D;
import static io.adaptive.dsl.Adaptive.points;

import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.RunEnvironmentException;
import io.adaptive.runtime.Runner;
import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BackendProvider#backend(String)} finds the local backends through the ServiceLoader. */
final class BackendByNameTest {

  @Test
  void backend_nameAndOptions_makeThatBackend() {
    Backend local = BackendProvider.backend("local:cores=3");
    assertThat(local.name()).isEqualTo("local");
    assertThat(local.capabilities().cores()).isEqualTo(3);
    assertThat(local.capabilities().relaunchesProgram()).isTrue();

    Backend threads = BackendProvider.backend(" in-process ");
    assertThat(threads.name()).isEqualTo("in-process");
    assertThat(threads.capabilities().relaunchesProgram()).isFalse();
  }

  @Test
  void backend_unknownName_listsTheBackendsOnTheClassPath() {
    assertThatThrownBy(() -> BackendProvider.backend("lsf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no backend named 'lsf' (from 'lsf')")
        .hasMessageContaining("in-process").hasMessageContaining("local")
        .hasMessageContaining("io.adaptive:adaptive-backend-lsf");
  }

  @Test
  void runner_onDefaultBackend_runsJobsAsChildProcesses(@TempDir Path dir) {
    ExecutionPlan plan = experiment("default")
        .learn(p -> learner1D(interval(0, 1), x -> x)).until(points(10)).compile();
    // Only the local child-process backend relaunches the program, and a test runner's JVM cannot
    // be relaunched: the in-process backend would run the plan instead.
    assertThatThrownBy(() -> Runner.onDefaultBackend().store(dir).quiet().run(plan))
        .isInstanceOf(RunEnvironmentException.class)
        .hasMessageContaining("which is not the program itself");
  }

  @Test
  void backend_badOptions_sayWhatIsWrong() {
    assertThatThrownBy(() -> BackendProvider.backend("local:cores"))
        .hasMessageContaining("option 'cores' is not <name>=<value>");
    assertThatThrownBy(() -> BackendProvider.backend("local:speed=9"))
        .hasMessageContaining("backend 'local' has no option 'speed'");
  }
}
